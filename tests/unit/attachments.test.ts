// PDFs attached to papers: stored once by content hash, durably, listed with
// their role, detached and undone, kept in backups by hard link, and their
// text extracted in a worker thread and searchable by page. Real library
// folders and real PDFs made with pdf-lib (tests/support/pdfFixtures.ts).
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listBackups } from '../../src/main/core/backups/backupFolder'
import { Library } from '../../src/main/core/library'
import { makePdf, numberedPdf } from '../support/pdfFixtures'
import { syntheticListing } from '../support/syntheticListing'

let dir: string
let library: Library

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

async function paperIds(): Promise<string[]> {
  return library.api.listPaperIds({ sort: 'title' })
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-attachments-'))
  library = await Library.open(dir)
  await library.api.importText({ text: syntheticListing(3, 'Paper ') })
})

afterEach(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

describe('attaching a PDF', () => {
  it('stores the file as attachments/<sha256>.pdf, byte for byte, and lists it on the paper', async () => {
    const [paperId = ''] = await paperIds()
    const bytes = await numberedPdf(3)
    const { attachment, added } = await library.api.attachPdf({
      paperId,
      fileName: '/home/ada/Downloads/paper.pdf',
      data: base64(bytes),
    })
    expect(added).toBe(true)
    expect(attachment.sha256).toBe(sha256(bytes))
    expect(attachment.fileName).toBe('paper.pdf')
    expect(attachment.role).toBe('paper')
    expect(attachment.size).toBe(bytes.byteLength)
    expect(attachment.url).toBe(`/attachments/${sha256(bytes)}.pdf`)
    const stored = await readFile(join(dir, 'attachments', `${sha256(bytes)}.pdf`))
    expect(Buffer.compare(stored, Buffer.from(bytes))).toBe(0)
    const listed = await library.api.listAttachments({ paperId })
    expect(listed.map((a) => [a.fileName, a.role])).toEqual([['paper.pdf', 'paper']])
  })

  it('never duplicates: the same file twice on one paper is one attachment, on two papers one file', async () => {
    const [first = '', second = ''] = await paperIds()
    const bytes = await numberedPdf(2)
    await library.api.attachPdf({ paperId: first, fileName: 'a.pdf', data: base64(bytes) })
    const again = await library.api.attachPdf({
      paperId: first,
      fileName: 'b.pdf',
      data: base64(bytes),
    })
    expect(again.added).toBe(false)
    expect(again.attachment.fileName).toBe('a.pdf')
    await library.api.attachPdf({ paperId: second, fileName: 'c.pdf', data: base64(bytes) })
    expect(await library.api.listAttachments({ paperId: first })).toHaveLength(1)
    expect(await library.api.listAttachments({ paperId: second })).toHaveLength(1)
    const pdfs = (await readdir(join(dir, 'attachments'))).filter((name) => name.endsWith('.pdf'))
    expect(pdfs).toEqual([`${sha256(bytes)}.pdf`])
  })

  it('keeps several PDFs per paper, each with its role, in the order attached', async () => {
    const [paperId = ''] = await paperIds()
    await library.api.attachPdf({
      paperId,
      fileName: 'main.pdf',
      data: base64(await numberedPdf(1, 'Main')),
    })
    await library.api.attachPdf({
      paperId,
      fileName: 'appendix.pdf',
      data: base64(await numberedPdf(1, 'Appendix')),
      role: 'supplement',
    })
    await library.api.attachPdf({
      paperId,
      fileName: 'talk.pdf',
      data: base64(await numberedPdf(1, 'Talk')),
      role: 'slides',
    })
    const listed = await library.api.listAttachments({ paperId })
    expect(listed.map((a) => `${a.fileName} (${a.role})`)).toEqual([
      'main.pdf (paper)',
      'appendix.pdf (supplement)',
      'talk.pdf (slides)',
    ])
  })

  it('refuses a file that is not a PDF and writes nothing', async () => {
    const [paperId = ''] = await paperIds()
    await expect(
      library.api.attachPdf({
        paperId,
        fileName: 'notes.txt',
        data: base64(Buffer.from('just text')),
      }),
    ).rejects.toThrow('This file is not a PDF (no %PDF- header)')
    expect(await library.api.listAttachments({ paperId })).toEqual([])
    await expect(readdir(join(dir, 'attachments'))).resolves.not.toContainEqual(
      expect.stringMatching(/\.pdf$/),
    )
  })

  it('is still attached after the library is closed and opened again (the record is journaled)', async () => {
    const [paperId = ''] = await paperIds()
    const bytes = await numberedPdf(1)
    await library.api.attachPdf({ paperId, fileName: 'kept.pdf', data: base64(bytes) })
    await library.close()
    library = await Library.open(dir)
    const listed = await library.api.listAttachments({ paperId })
    expect(listed.map((a) => a.fileName)).toEqual(['kept.pdf'])
  })

  it('detaching is one undo step, and the file stays for the undo', async () => {
    const [paperId = ''] = await paperIds()
    const bytes = await numberedPdf(1)
    const { attachment } = await library.api.attachPdf({
      paperId,
      fileName: 'x.pdf',
      data: base64(bytes),
    })
    const outcome = await library.api.detachPdf({ id: attachment.id })
    expect(outcome.label).toBe('Remove “x.pdf”')
    expect(await library.api.listAttachments({ paperId })).toEqual([])
    expect((await stat(join(dir, 'attachments', `${attachment.sha256}.pdf`))).size).toBe(
      bytes.byteLength,
    )
    await library.api.undo({})
    expect((await library.api.listAttachments({ paperId })).map((a) => a.id)).toEqual([
      attachment.id,
    ])
  })
})

describe('backups', () => {
  it('include the PDFs as hard links to the library’s own files (no second copy)', async () => {
    const [paperId = ''] = await paperIds()
    const bytes = await numberedPdf(2)
    await library.api.attachPdf({ paperId, fileName: 'p.pdf', data: base64(bytes) })
    await library.api.createBackup({})
    const [backup] = await listBackups(dir)
    const name = `attachments/${sha256(bytes)}.pdf`
    expect(Object.keys(backup?.files ?? {})).toContain(name)
    const original = await stat(join(dir, name))
    const copy = await stat(join(dir, 'backups', backup?.id ?? '', name))
    expect(copy.ino).toBe(original.ino)
    expect(original.nlink).toBe(2)
  })
})

describe('the PDFs’ text', () => {
  it('is extracted in the background and found by page', async () => {
    const [paperId = ''] = await paperIds()
    const bytes = await makePdf({
      pages: [
        ['Introduction to sparse experts'],
        ['Our method uses the zanzibar heuristic', 'twice.'],
      ],
    })
    const { attachment } = await library.api.attachPdf({
      paperId,
      fileName: 't.pdf',
      data: base64(bytes),
    })
    await library.pdfTextIdle()
    const [view] = await library.api.listAttachments({ paperId })
    expect(view?.text).toEqual({ state: 'indexed', pageCount: 2 })
    const matches = await library.api.getPdfMatches({ paperId, query: 'zanzibar' })
    expect(matches).toEqual([
      {
        attachmentId: attachment.id,
        sha256: attachment.sha256,
        pageIndex: 1,
        snippet: 'Our method uses the zanzibar heuristic twice.',
        ranges: [{ start: 20, end: 28 }],
      },
    ])
    expect(await library.api.getPdfTextStatus({})).toEqual({
      attachments: 1,
      indexed: 1,
      waiting: 0,
      failed: 0,
    })
  })
})

describe('searching the PDFs’ text', () => {
  async function titleOf(id: string): Promise<string> {
    return (await library.api.getPaper({ id })).title
  }

  async function search(query: string): Promise<string[]> {
    const ids = await library.api.listPaperIds({ sort: 'published', query })
    return Promise.all(ids.map(titleOf))
  }

  async function attachText(titleWord: string, lines: string[]): Promise<string> {
    const ids = await paperIds()
    const titles = await Promise.all(ids.map(titleOf))
    const paperId = ids[titles.findIndex((title) => title.includes(titleWord))] ?? ''
    await library.api.attachPdf({
      paperId,
      fileName: `${titleWord}.pdf`,
      data: base64(await makePdf({ pages: [['Front page'], lines] })),
    })
    await library.pdfTextIdle()
    return paperId
  }

  it('lists a paper whose PDF alone has the words below the papers whose title has them', async () => {
    await attachText('tool learning', ['We grasp objects with a robotic hand.'])
    expect(await search('robotic')).toEqual([
      'Paper Synthetic Study 3: Scaling robotic manipulation with Sparse Experts',
      'Paper Synthetic Study 1: Scaling tool learning with Sparse Experts',
    ])
  })

  it('with in:pdf, lists only papers whose PDFs have the words, and the page of each match', async () => {
    const paperId = await attachText('tool learning', ['We grasp objects with a robotic hand.'])
    expect(await search('in:pdf robotic')).toEqual([
      'Paper Synthetic Study 1: Scaling tool learning with Sparse Experts',
    ])
    expect(await search('in:pdf manipulation')).toEqual([])
    // Alone, in:pdf lists the papers whose PDFs have been read.
    expect(await search('in:pdf')).toEqual([
      'Paper Synthetic Study 1: Scaling tool learning with Sparse Experts',
    ])
    const [match] = await library.api.getPdfMatches({ paperId, query: 'robotic' })
    expect(match?.pageIndex).toBe(1)
  })

  it('finds a quoted phrase only in a PDF where its words stand side by side', async () => {
    await attachText('tool learning', ['A robotic hand grasps the cup.'])
    await attachText('multimodal', ['The hand of a robotic arm, and a hand that is robotic.'])
    expect(await search('in:pdf "robotic hand"')).toEqual([
      'Paper Synthetic Study 1: Scaling tool learning with Sparse Experts',
    ])
    // Both PDFs hold both words; without quotes both are found.
    expect(await search('in:pdf robotic hand')).toEqual([
      'Paper Synthetic Study 2: Scaling multimodal reasoning with Sparse Experts',
      'Paper Synthetic Study 1: Scaling tool learning with Sparse Experts',
    ])
    // Excluding the phrase leaves out only the PDF that has it.
    expect(await search('in:pdf hand -"robotic hand"')).toEqual([
      'Paper Synthetic Study 2: Scaling multimodal reasoning with Sparse Experts',
    ])
  })

  it('keeps the query’s filters and leaves out papers in the Trash', async () => {
    const paperId = await attachText('tool learning', ['A robotic hand.'])
    expect(await search('robotic -hand')).toEqual([
      'Paper Synthetic Study 3: Scaling robotic manipulation with Sparse Experts',
    ])
    await library.api.moveToTrash({ paperIds: [paperId] })
    expect(await search('in:pdf robotic')).toEqual([])
  })
})
