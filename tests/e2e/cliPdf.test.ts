// The built CLI (out/main/cli.js) with PDFs: the text is read by the worker
// thread the build ships (out/main/pdfTextWorker.js, beside the entries while
// the core sits in out/main/chunks/), and search finds a word of the PDF.
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

describe('the built CLI with PDFs', () => {
  it('attaches a PDF, reads its text in the worker, and finds a word only the PDF has', async () => {
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
