// The CLI's PDFs: attach ID FILE.pdf, attachments ID [--json], highlights ID
// [--json], and search covering the attached PDFs' text.
import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AttachmentView, Highlight, Paper } from '../../src/shared/model'
import { Library } from '../../src/main/core/library'
import { makePdf } from '../support/pdfFixtures'
import { runCliOn } from './support/cliRun'
import type { CliRun } from './support/cliRun'
import { FIXTURE } from './support/organizeFixture'

let dir: string
let library: string
let ids: string[]
let pdfPath: string
let sha: string
let size: number

const cli = (...args: string[]): Promise<CliRun> => runCliOn(library, ...args)

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-cli-pdf-'))
  library = join(dir, 'library')
  await cli('import', FIXTURE)
  const listed = await cli('list', '--json', '--sort', 'title')
  ids = (JSON.parse(listed.stdout.join('\n')) as Paper[]).map((paper) => paper.id)
  const pdf = await makePdf({
    pages: [['Front matter'], ['Appendix B', 'The quokka ablation lives here.']],
  })
  sha = createHash('sha256').update(pdf).digest('hex')
  size = pdf.byteLength
  pdfPath = join(dir, 'paper.pdf')
  await writeFile(pdfPath, pdf)
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('CLI: PDFs', () => {
  it('attaches a PDF, once, and lists it', async () => {
    const id = ids[0] ?? ''
    const attached = await cli('attach', id, pdfPath)
    expect([attached.code, attached.stdout]).toEqual([
      0,
      [`attached paper.pdf (${size} bytes, sha256 ${sha})`],
    ])
    const again = await cli('attach', id, pdfPath)
    expect(again.stdout).toEqual([`already attached: paper.pdf (sha256 ${sha})`])
    const listed = await cli('attachments', id, '--json')
    const attachments = JSON.parse(listed.stdout.join('\n')) as AttachmentView[]
    expect(attachments.map((a) => [a.fileName, a.role, a.sha256, a.url])).toEqual([
      ['paper.pdf', 'paper', sha, `/attachments/${sha}.pdf`],
    ])
  })

  it('searches the PDFs’ text, and names the paper holding the word', async () => {
    const id = ids[2] ?? ''
    await cli('attach', id, pdfPath)
    const found = await cli('search', 'quokka', '--json')
    expect((JSON.parse(found.stdout.join('\n')) as Paper[]).map((paper) => paper.id)).toEqual([id])
    const onlyPdf = await cli('search', 'in:pdf', 'quokka', '--json')
    expect((JSON.parse(onlyPdf.stdout.join('\n')) as Paper[]).map((paper) => paper.id)).toEqual([
      id,
    ])
  })

  it('lists the highlights in page order, as text and as JSON', async () => {
    const id = ids[0] ?? ''
    await cli('attach', id, pdfPath)
    const open = await Library.open(library)
    const [attachment] = await open.api.listAttachments({ paperId: id })
    const attachmentId = attachment?.id ?? ''
    await open.api.createHighlight({
      paperId: id,
      attachmentId,
      position: { pageIndex: 1, rects: [[72, 752, 260, 764]] },
      text: 'The quokka ablation lives here.',
      color: 'green',
      comment: 'check this',
    })
    await open.api.createHighlight({
      paperId: id,
      attachmentId,
      position: { pageIndex: 0, rects: [[72, 770, 150, 782]] },
      pageLabel: 'i',
      text: 'Front matter',
      color: 'yellow',
    })
    await open.close()
    const listed = await cli('highlights', id)
    expect(listed.stdout.map((line) => line.replace(/ {2}id \S+$/, ''))).toEqual([
      'p. i  yellow  “Front matter”',
      'p. 2  green  “The quokka ablation lives here.”',
      '  — check this',
    ])
    const json = JSON.parse(
      (await cli('highlights', id, '--json')).stdout.join('\n'),
    ) as Highlight[]
    expect(json.map((h) => h.position.pageIndex)).toEqual([0, 1])
  })

  it('refuses a file that is not a PDF, and a missing file, with exit 1', async () => {
    const text = join(dir, 'notes.txt')
    await writeFile(text, 'hello')
    const refused = await cli('attach', ids[0] ?? '', text)
    expect([refused.code, refused.stderr]).toEqual([
      1,
      ['offprint: This file is not a PDF (no %PDF- header)'],
    ])
    const missing = await cli('attach', ids[0] ?? '', join(dir, 'nope.pdf'))
    expect(missing.code).toBe(1)
    expect(missing.stderr[0]).toMatch(/^offprint: cannot read .*nope\.pdf: ENOENT/)
  })
})
