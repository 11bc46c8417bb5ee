// Importing, the files on disk, and listing. Notes, failed writes and change
// events: libraryNotes.test.ts.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PaperSummary } from '../../src/shared/model'
import {
  BadInputError,
  LibraryVersionError,
  NotFoundError,
} from '../../src/main/core/kernel/errors'
import { Library } from '../../src/main/core/library'
import { SCHEMA_VERSION } from '../../src/main/core/store/libraryMeta'
import { folderSnapshot as snapshot, listFiles } from './support/libraryFolder'
import { DAILY_PAPERS, libraryFolderPerTest, SMALL_LISTING } from './support/libraryPerTest'
import { allPapers } from './support/libraryPapers'
import { FIXTURE_TODAY as TODAY, steppingClock } from './support/steppingClock'

// The fixture page is dated "Feb 9" and its entries say "Jan 29 2", "Jan 26"...
// Read with 2026-02-10 as today, the newest paper is "Spotlighting..." (Jan 29,
// 2026), then GenAgent (Jan 26, 2026).
const NEWEST_TITLE =
  'Spotlighting Task-Relevant Features: Object-Centric Representations for Better Generalization in Robotic Manipulation'
const SECOND_TITLE = 'GenAgent: Scaling Text-to-Image Generation via Agentic Multimodal Reasoning'

const testFolder = libraryFolderPerTest()
const { openLibrary } = testFolder

async function allSummaries(library: Library): Promise<PaperSummary[]> {
  return (await library.api.listPapers({ offset: 0, limit: 1000 })).items
}

describe('Library: importing the Daily Papers fixture', () => {
  it('adds 53 papers, listed newest first', async () => {
    const library = await openLibrary()
    const report = await library.api.importText({
      text: DAILY_PAPERS,
      fileName: 'hf-daily-papers.txt',
    })
    expect(report).toMatchObject({
      format: 'hf-daily-papers',
      fileName: 'hf-daily-papers.txt',
      added: 53,
      alreadyPresent: 0,
      skipped: [],
    })
    expect(report.addedIds).toHaveLength(53)
    expect(new Set(report.addedIds).size).toBe(53)

    const page = await library.api.listPapers({ offset: 0, limit: 100 })
    expect(page.total).toBe(53)
    expect(page.items.map((p) => [p.title, p.published]).slice(0, 2)).toEqual([
      [NEWEST_TITLE, '2026-01-29'],
      [SECOND_TITLE, '2026-01-26'],
    ])
    expect(page.items[0]?.upvotes).toBe(2)

    const paper = await library.api.getPaper({ id: report.addedIds[0] ?? '' })
    expect(paper).toMatchObject({
      title: SECOND_TITLE,
      published: '2026-01-26',
      authorCount: 9,
      authors: [],
      tags: [],
      status: 'unread',
      starred: false,
      source: { format: 'hf-daily-papers', fileName: 'hf-daily-papers.txt' },
    })
    expect(paper.links.map((link) => link.url)).toContain('https://github.com/deep-kaixun/GenAgent')
    expect(paper.addedAt).toBe(paper.source.importedAt)
    await library.close()
  })

  it('adds nothing the second time: 53 already present, and no write', async () => {
    const library = await openLibrary()
    await library.api.importText({ text: DAILY_PAPERS, fileName: 'hf-daily-papers.txt' })
    const before = await snapshot(testFolder.dir)
    const again = await library.api.importText({ text: DAILY_PAPERS, fileName: 'copy.txt' })
    expect(again).toMatchObject({ added: 0, alreadyPresent: 53, addedIds: [] })
    expect((await library.api.listPapers({ offset: 0, limit: 100 })).total).toBe(53)
    expect(await snapshot(testFolder.dir)).toEqual(before)
    await library.close()
  })

  it('treats titles that differ only in case, punctuation or Unicode form as one paper', async () => {
    const library = await openLibrary()
    await library.api.importText({ text: SMALL_LISTING })
    const variant = SMALL_LISTING.replace(
      'Zeta: A Paper About Things',
      'ZETA — a paper about   things',
    ).replace('alpha paper, second', 'Ａｌｐｈａ Paper Second')
    expect(await library.api.importText({ text: variant })).toMatchObject({
      added: 0,
      alreadyPresent: 2,
    })
    await library.close()
  })

  it('de-duplicates within one import', async () => {
    const library = await openLibrary()
    const twice = `${SMALL_LISTING}\n${SMALL_LISTING.replace('Daily Papers', '')}`
    expect(await library.api.importText({ text: twice })).toMatchObject({
      added: 2,
      alreadyPresent: 2,
    })
    expect((await library.api.listPapers({ offset: 0, limit: 10 })).total).toBe(2)
    await library.close()
  })

  it('importSample gives 53 papers read as of 2026-02-09, whatever today is', async () => {
    const library = await openLibrary({ now: steppingClock(new Date('2031-07-15T08:00:00Z')) })
    const report = await library.api.importSample({})
    expect(report).toMatchObject({ added: 53, fileName: 'sample-daily-papers.txt' })
    const items = await allSummaries(library)
    expect(items.find((p) => p.title === SECOND_TITLE)?.published).toBe('2026-01-26')
    expect(items[0]?.published).toBe('2026-01-29')
    await library.close()
  })
})

describe('Library: files on disk', () => {
  it('reopens with the same papers and the note saved before', async () => {
    const library = await openLibrary()
    const { addedIds } = await library.api.importText({ text: DAILY_PAPERS, fileName: 'f.txt' })
    const paperId = addedIds[3] ?? ''
    const saved = await library.api.saveNote({
      paperId,
      body: '# Reading notes\n\nGood *baseline*.',
    })
    const papers = await allPapers(library)
    await library.close()

    const reopened = await openLibrary()
    expect(await allPapers(reopened)).toEqual(papers)
    expect(await reopened.api.getNote({ paperId })).toEqual(saved)
    const info = await reopened.api.getLibraryInfo({})
    expect(info).toEqual({
      path: testFolder.dir,
      schemaVersion: SCHEMA_VERSION,
      paperCount: 53,
      noteCount: 1,
      problems: [],
    })
    await reopened.close()
  })

  it('writes library.json with the schema version when it creates a library', async () => {
    const nested = join(testFolder.dir, 'a', 'new', 'library')
    const library = await Library.open(nested, { now: () => TODAY })
    await library.close()
    expect(SCHEMA_VERSION).toBe(2)
    expect(JSON.parse(await readFile(join(nested, 'library.json'), 'utf8'))).toEqual({
      schemaVersion: 2,
      createdAt: TODAY.toISOString(),
      settings: {},
      revision: expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
  })

  it('refuses a library written by a newer version and changes no file', async () => {
    const newer =
      '{\n  "schemaVersion": 3,\n  "createdAt": "2030-01-01T00:00:00.000Z",\n  "settings": {"x": 1}\n}\n'
    await writeFile(join(testFolder.dir, 'library.json'), newer)
    await writeFile(
      join(testFolder.dir, 'papers.json'),
      '{"papers": "in a format from the future"}',
    )
    const before = await snapshot(testFolder.dir)

    const error = await openLibrary().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LibraryVersionError)
    expect((error as Error).message).toMatch(/schema version 3/)
    expect((error as Error).message).toMatch(/supports only version 2/)
    expect(await snapshot(testFolder.dir)).toEqual(before)
    expect(await readFile(join(testFolder.dir, 'library.json'), 'utf8')).toBe(newer)
  })

  it('moves an unreadable shard file aside, reports it, and opens with the rest', async () => {
    const library = await openLibrary()
    const { addedIds } = await library.api.importText({ text: DAILY_PAPERS })
    await library.api.saveNote({ paperId: addedIds[0] ?? '', body: 'kept' })
    await library.close()
    const shards = (await listFiles(join(testFolder.dir, 'papers'))).filter((path) =>
      path.endsWith('.json'),
    )
    const [victim] = shards
    const lost = (JSON.parse(await readFile(victim ?? '', 'utf8')) as { records: unknown[] })
      .records.length
    expect(lost).toBeGreaterThan(0)
    const corrupt = Buffer.concat([await readFile(victim ?? ''), Buffer.from('}}garbage')])
    await writeFile(victim ?? '', corrupt)

    const reopened = await openLibrary({ now: () => new Date('2026-11-26T03:10:00.123Z') })
    const info = await reopened.api.getLibraryInfo({})
    // No backup has the shard, but this device's journal keeps its recent
    // changes: the import is merged in again, so no paper is lost.
    expect(info.paperCount).toBe(53)
    expect(info.noteCount).toBe(1)
    expect(info.problems).toHaveLength(1)
    const problem = info.problems[0]
    expect(problem?.file).toBe(victim)
    expect(problem?.movedTo).toBe(`${victim}.unreadable-2026-11-26T03-10-00Z`)
    expect(problem?.reason).not.toBe('')
    expect((await readFile(problem?.movedTo ?? '')).equals(corrupt)).toBe(true)

    // The library keeps working, and the moved file is never touched again.
    expect((await reopened.api.importText({ text: SMALL_LISTING })).added).toBe(2)
    await reopened.close()
    expect((await readFile(problem?.movedTo ?? '')).equals(corrupt)).toBe(true)
  })

  it('sets aside one unusable record alone, and a shard of the wrong shape whole', async () => {
    const library = await openLibrary()
    await library.api.importText({ text: DAILY_PAPERS })
    await library.close()
    const shards = (await listFiles(join(testFolder.dir, 'papers'))).filter((path) =>
      path.endsWith('.json'),
    )
    const [first, second] = shards
    const recordsOf = async (file: string | undefined): Promise<unknown[]> =>
      (JSON.parse(await readFile(file ?? '', 'utf8')) as { records: unknown[] }).records
    const records = await recordsOf(first)
    // The first shard keeps its papers; the second, set aside whole, loses its own.
    const lost = (await recordsOf(second)).length
    await writeFile(first ?? '', JSON.stringify({ records: [...records, { id: 1 }] }))
    await writeFile(second ?? '', '[]')

    const at = () => new Date('2026-11-26T03:10:00Z')
    const reopened = await Library.open(testFolder.dir, { now: at })
    const { problems, paperCount } = await reopened.api.getLibraryInfo({})
    // The journal still holds the import: the set-aside shard's papers come back from it.
    expect(lost).toBeGreaterThan(0)
    expect(paperCount).toBe(53)
    expect(problems.map((p) => p.reason)).toEqual([
      '1 unusable record set aside',
      expect.stringMatching(/no "records" list/),
    ])
    const quarantined = JSON.parse(await readFile(problems[0]?.movedTo ?? '', 'utf8')) as unknown
    expect(quarantined).toEqual({ records: [{ id: 1 }] })
    expect(await readFile(`${second}.unreadable-2026-11-26T03-10-00Z`, 'utf8')).toBe('[]')
    await reopened.close()
    // The shard was rewritten without the bad record: the next open is clean.
    const clean = await Library.open(testFolder.dir, { now: at })
    expect((await clean.api.getLibraryInfo({})).problems).toEqual([])
    await clean.close()
  })

  it('rejects bad input with BadInputError and changes no file', async () => {
    const library = await openLibrary()
    await library.api.importText({ text: SMALL_LISTING })
    const before = await snapshot(testFolder.dir)
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString(
      'latin1',
    )
    const prose =
      'It was a bright cold day in April, and the clocks were striking thirteen.\n\n' +
      'Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, ' +
      'slipped quickly through the glass doors of Victory Mansions.\n'
    for (const text of ['', '  \n\n ', prose, binary, 'Just a title']) {
      const error = await library.api
        .importText({ text, fileName: 'x.txt' })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(BadInputError)
      expect((error as Error).message).not.toMatch(/\n/)
    }
    await expect(library.api.importText({ text: prose })).rejects.toThrow(
      'No papers found: it is not in a format Offprint reads (tried RIS, arXiv RSS or Atom announcement feed, arXiv Atom feed, a saved Hugging Face papers page (HTML), Hugging Face API JSON, CSL-JSON, BibTeX, a Hugging Face papers page (markdown or text-browser capture), a Hugging Face Daily Papers page, a list of arXiv ids / DOIs)',
    )
    expect(await snapshot(testFolder.dir)).toEqual(before)
    expect((await library.api.listPapers({ offset: 0, limit: 10 })).total).toBe(2)
    await library.close()
  })
})

describe('Library: listing', () => {
  it('pages through the papers without gaps or repeats', async () => {
    const library = await openLibrary()
    await library.api.importText({ text: DAILY_PAPERS })
    const all = await allSummaries(library)
    const paged: PaperSummary[] = []
    for (let offset = 0; offset < 60; offset += 10) {
      const page = await library.api.listPapers({ offset, limit: 10 })
      expect(page.total).toBe(53)
      expect(page.offset).toBe(offset)
      paged.push(...page.items)
    }
    expect(paged).toEqual(all)
    expect((await library.api.listPapers({ offset: 53, limit: 10 })).items).toEqual([])
    expect((await library.api.listPapers({ offset: 50, limit: 10 })).items).toHaveLength(3)
    await library.close()
  })

  it('sorts by date (undated last, ties by title), title, upvotes and date added', async () => {
    const library = await openLibrary()
    await library.api.importText({ text: SMALL_LISTING })
    await library.api.importText({ text: DAILY_PAPERS })

    const byDate = await library.api.listPapers({ offset: 0, limit: 1000, sort: 'published' })
    const dates = byDate.items.map((p) => p.published)
    const dated = dates.filter((d): d is string => d !== undefined)
    expect(dated).toEqual([...dated].sort().reverse())
    expect(dates.indexOf(undefined)).toBe(dated.length) // undated at the end
    expect(byDate.items.map((p) => p.title)).toEqual(
      (await library.api.listPapers({ offset: 0, limit: 1000 })).items.map((p) => p.title),
    )

    const byTitle = (await library.api.listPapers({ offset: 0, limit: 1000, sort: 'title' })).items
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
    for (let i = 1; i < byTitle.length; i++) {
      expect(
        collator.compare(byTitle[i - 1]?.title ?? '', byTitle[i]?.title ?? ''),
      ).toBeLessThanOrEqual(0)
    }
    // Locale-aware: the lower-case "alpha paper, second" sorts among the A's, not after Z.
    const titles = byTitle.map((p) => p.title)
    const alphaAt = titles.indexOf('alpha paper, second')
    expect(alphaAt).toBeLessThan(titles.length - 1)
    expect(titles.slice(0, alphaAt).every((title) => /^a/i.test(title))).toBe(true)

    const byVotes = (await library.api.listPapers({ offset: 0, limit: 1000, sort: 'upvotes' }))
      .items
    const votes = byVotes.map((p) => p.upvotes)
    expect(votes).toEqual([...votes].sort((a, b) => b - a))
    expect(byVotes[0]?.title).toBe('Zeta: A Paper About Things')

    const byAdded = (await library.api.listPapers({ offset: 0, limit: 1000, sort: 'added' })).items
    // The fixture came second, so its papers come first, in the order of the file.
    expect(byAdded[0]?.title).toBe(SECOND_TITLE)
    expect(byAdded.slice(-2).map((p) => p.title)).toEqual([
      'Zeta: A Paper About Things',
      'alpha paper, second',
    ])
    await library.close()
  })

  it('marks hasNote only for a note with a non-blank body', async () => {
    const library = await openLibrary()
    const { addedIds } = await library.api.importText({ text: SMALL_LISTING })
    const [zeta, alpha] = addedIds as [string, string]
    await library.api.saveNote({ paperId: zeta, body: 'worth reading' })
    await library.api.saveNote({ paperId: alpha, body: '  \n ' })
    const rows = await allSummaries(library)
    expect(rows.find((p) => p.id === zeta)?.hasNote).toBe(true)
    expect(rows.find((p) => p.id === alpha)?.hasNote).toBe(false)
    await library.close()
  })

  it('rejects an unknown paper id with NotFoundError', async () => {
    const library = await openLibrary()
    await expect(library.api.getPaper({ id: 'no-such-paper' })).rejects.toBeInstanceOf(
      NotFoundError,
    )
    await expect(library.api.getPaper({ id: 'no-such-paper' })).rejects.toThrow(/no-such-paper/)
    await expect(library.api.getNote({ paperId: 'nope' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(library.api.saveNote({ paperId: 'nope', body: 'x' })).rejects.toBeInstanceOf(
      NotFoundError,
    )
    await library.close()
  })
})
