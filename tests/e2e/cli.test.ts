// The built CLI (out/main/cli.js) under plain Node: the bundle must carry its
// ES-module-only dependencies (lowdb) and run without Electron.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import type { AttachmentView, Paper } from '../../src/shared/model'
import { makePdf } from '../support/pdfFixtures'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url))
const FIXTURE = fileURLToPath(new URL('../fixtures/hf-daily-papers.txt', import.meta.url))

let dir: string | undefined
afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true })
  dir = undefined
})

describe('the built CLI', () => {
  it('imports a listing and lists every paper as JSON', async () => {
    dir = await mkdtemp(join(tmpdir(), 'offprint-cli-'))
    const library = join(dir, 'lib')
    const imported = await run(process.execPath, [CLI, 'import', FIXTURE, '--library', library])
    expect(imported.stdout.trim()).toBe(
      'Imported hf-daily-papers.txt: 53 added, 0 already present, 0 skipped\n' +
        '  read as a Hugging Face Daily Papers page',
    )
    const again = await run(process.execPath, [CLI, 'import', FIXTURE, '--library', library])
    expect(again.stdout).toContain('0 added, 53 already present')

    const listed = await run(process.execPath, [CLI, 'list', '--library', library, '--json'])
    const papers = JSON.parse(listed.stdout) as Paper[]
    expect(papers).toHaveLength(53)
    const toolLearning = papers.find(
      (paper) => paper.title === 'Tool Learning with Foundation Models',
    )
    expect(toolLearning).toMatchObject({ authorCount: 41, published: '2023-04-17', upvotes: 0 })
  })

  it('fails with one line and a non-zero exit on bad input', async () => {
    dir = await mkdtemp(join(tmpdir(), 'offprint-cli-'))
    const result = await run(process.execPath, [
      CLI,
      'import',
      join(dir, 'missing.txt'),
      '--library',
      dir,
    ]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    )
    expect(result?.code).toBe(1)
    expect(result?.stderr.trim().split('\n')).toHaveLength(1)
    expect(result?.stderr).toMatch(/^offprint: /)
  })

  it('attaches a PDF, reads its text in the worker the build ships (out/main/pdfTextWorker.js), and finds a word only the PDF has', async () => {
    dir = await mkdtemp(join(tmpdir(), 'offprint-cli-pdf-'))
    const library = join(dir, 'lib')
    const cli = (...args: string[]) => run(process.execPath, [CLI, ...args, '--library', library])
    await cli('import', FIXTURE)
    const papers = JSON.parse((await cli('list', '--json')).stdout) as Paper[]
    const paper = papers[10] as Paper
    const pdf = join(dir, 'wombat.pdf')
    await writeFile(pdf, await makePdf({ pages: [['Intro'], ['The wombat theorem holds.']] }))
    await cli('attach', paper.id, pdf)
    const found = JSON.parse((await cli('search', 'wombat', '--json')).stdout) as Paper[]
    expect(found.map((p) => p.title)).toEqual([paper.title])
    const [attachment] = JSON.parse(
      (await cli('attachments', paper.id, '--json')).stdout,
    ) as AttachmentView[]
    expect(attachment?.text).toEqual({ state: 'indexed', pageCount: 2 })
  })
})
