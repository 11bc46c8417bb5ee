// The two-step import: the preview says what would happen and writes nothing;
// confirm writes it in one go; cancel leaves the library untouched.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { callApi } from '../../src/main/core/kernel/dispatch'
import { importVia, makeDir, openAt, removeDir } from './libraryFixture'
import { folderSnapshot } from './support/libraryFolder'

const BIB = resolve(__dirname, '../fixtures/formats/zotero-export.bib')
const RIS = resolve(__dirname, '../fixtures/formats/endnote.ris')

let dir: string
beforeEach(async () => {
  dir = await makeDir()
})
afterEach(async () => {
  await removeDir(dir)
})

describe('previewImport / confirmImport', () => {
  it('previews new entries and skipped ones without writing, then confirms in one write', async () => {
    const library = await openAt(dir)
    const before = await folderSnapshot(dir)
    const preview = await library.api.previewImport({
      previewId: 'p1',
      text: await readFile(BIB, 'utf8'),
      fileName: 'zotero-export.bib',
    })
    expect(preview).toMatchObject({
      previewId: 'p1',
      format: 'bibtex',
      fileName: 'zotero-export.bib',
      entries: 5,
      duplicates: [],
      repeatsInFile: 0,
      queued: [],
    })
    expect(preview.newTitles).toHaveLength(5)
    expect(preview.skipped.map((s) => [s.line, s.entry])).toEqual([
      [47, 5],
      [62, 7],
    ])
    expect(await folderSnapshot(dir)).toEqual(before)
    expect((await library.api.getLibraryInfo({})).paperCount).toBe(0)

    const report = await library.api.confirmImport({ previewId: 'p1' })
    expect(report).toMatchObject({ format: 'bibtex', added: 5, alreadyPresent: 0, updated: 0 })
    const paper = await library.api.getPaper({ id: report.addedIds[0] ?? '' })
    expect(paper).toMatchObject({
      title: 'Attention Is All You Need',
      authors: expect.arrayContaining(['Łukasz Kaiser']),
      source: { format: 'bibtex', fileName: 'zotero-export.bib' },
    })
    await library.close()
  })

  it('shows duplicates with what would merge, and merging fills the gaps', async () => {
    const library = await openAt(dir)
    await importVia(library, await readFile(BIB, 'utf8'))
    const { preview, report } = await importVia(library, await readFile(RIS, 'utf8'), 'endnote.ris')
    // The RIS "Attention is all you need" (2017) matches the BibTeX one by title and year.
    expect(preview.duplicates).toEqual([
      {
        title: 'Attention is all you need',
        line: 1,
        existingId: expect.any(String),
        existingTitle: 'Attention Is All You Need',
        matchedBy: 'title-year',
        wouldMerge: ['published', 'doi', 'volume'],
      },
    ])
    expect(preview.newTitles).toEqual(['Chapter on Things'])
    expect(report).toMatchObject({ added: 1, alreadyPresent: 1, updated: 1 })
    const merged = await library.api.getPaper({ id: preview.duplicates[0]?.existingId ?? '' })
    expect(merged).toMatchObject({
      title: 'Attention Is All You Need',
      published: '2017-12-04',
      volume: '30',
      doi: '10.5555/3295222.3295349',
      venue: 'Advances in Neural Information Processing Systems 30',
      citationKey: 'vaswani2017attention',
    })
    expect(merged.authors).toHaveLength(8)
    await library.close()
  })

  it('re-importing the same file adds nothing and changes nothing', async () => {
    const library = await openAt(dir)
    const text = await readFile(BIB, 'utf8')
    await importVia(library, text)
    await library.flush()
    const before = await folderSnapshot(dir)
    const { preview, report } = await importVia(library, text)
    expect(preview.newTitles).toEqual([])
    expect(preview.duplicates.every((d) => d.wouldMerge.length === 0)).toBe(true)
    expect(report).toMatchObject({ added: 0, alreadyPresent: 5, updated: 0 })
    await library.flush()
    expect(await folderSnapshot(dir)).toEqual(before)
    await library.close()
  })

  it('cancelImport forgets a finished preview: confirming it is refused and nothing is written', async () => {
    const library = await openAt(dir)
    await library.api.previewImport({ previewId: 'gone', text: await readFile(BIB, 'utf8') })
    expect(await library.api.cancelImport({ previewId: 'gone' })).toEqual({ cancelled: true })
    await expect(library.api.confirmImport({ previewId: 'gone' })).rejects.toThrow(
      /No finished import preview/,
    )
    expect((await library.api.getLibraryInfo({})).paperCount).toBe(0)
    expect(await library.api.cancelImport({ previewId: 'gone' })).toEqual({ cancelled: false })
    await library.close()
  })

  it('cancelling a long preview while it runs stops it; the library stays empty', async () => {
    const library = await openAt(dir)
    const before = await folderSnapshot(dir)
    const text = Array.from(
      { length: 10_000 },
      (_, i) => `@article{k${i}, title = {Paper ${i}}, author = {Doe, Jane}, year = 2020}\n`,
    ).join('')
    const reading: number[] = []
    const states: string[] = []
    library.onProgress((p) => {
      states.push(p.state)
      if (p.step !== 'Reading entries') return
      reading.push(p.done)
      if (p.done > 0) void library.api.cancelImport({ previewId: 'big' })
    })
    const response = await callApi(library.api, 'previewImport', { previewId: 'big', text })
    expect(response).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'Importing the pasted text: cancelled' },
    })
    // It read part of the file, reporting as it went, and ended as cancelled.
    expect(reading.length).toBeGreaterThan(1)
    expect(Math.max(...reading)).toBeLessThan(10_000)
    expect(states.at(-1)).toBe('cancelled')
    expect((await library.api.getLibraryInfo({})).paperCount).toBe(0)
    expect(await folderSnapshot(dir)).toEqual(before)
    await library.close()
  })

  it('merges repeats within one file into one paper', async () => {
    const library = await openAt(dir)
    const text =
      '@article{a, title = {Same Paper}, year = 2020, doi = {10.1/x}}\n' +
      '@article{b, title = {Same paper!}, year = 2020, abstract = {Longer text here.}}\n'
    const { preview, report } = await importVia(library, text)
    expect(preview).toMatchObject({ entries: 2, newTitles: ['Same Paper'], repeatsInFile: 1 })
    expect(report).toMatchObject({ added: 1, alreadyPresent: 1 })
    const paper = await library.api.getPaper({ id: report.addedIds[0] ?? '' })
    expect(paper).toMatchObject({ doi: '10.1/x', abstract: 'Longer text here.' })
    await library.close()
  })

  it('validates arguments: a missing previewId is a clear error', async () => {
    const library = await openAt(dir)
    const response = await callApi(library.api, 'previewImport', { text: 'x' } as never)
    expect(response).toEqual({
      ok: false,
      error: {
        code: 'invalid-arguments',
        message: 'Invalid arguments for previewImport: previewId: missing (expected string)',
      },
    })
    await library.close()
  })
})
