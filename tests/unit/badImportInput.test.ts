// Input that is not a bibliography ends with a clear error, reading no more
// than it must; the library is never left half-written. The inputs are
// generated; the test bounds are vitest's timeouts, not timing assertions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_IMPORT_CHARS } from '../../src/shared/api/limits'
import { callApi } from '../../src/main/core/kernel/dispatch'
import type { Library } from '../../src/main/core/library'
import { makeDir, openAt, removeDir } from './libraryFixture'
import { folderSnapshot } from './support/libraryFolder'

let dir: string
let library: Library
beforeEach(async () => {
  dir = await makeDir()
  library = await openAt(dir)
})
afterEach(async () => {
  await library.close()
  await removeDir(dir)
})

let n = 0
async function preview(text: string, fileName = 'input.bib') {
  return callApi(library.api, 'previewImport', { previewId: `bad-${++n}`, text, fileName })
}

const TRIED =
  'tried RIS, arXiv RSS or Atom announcement feed, arXiv Atom feed, a saved Hugging Face papers page (HTML), Hugging Face API JSON, CSL-JSON, BibTeX, a Hugging Face papers page (markdown or text-browser capture), a Hugging Face Daily Papers page, a list of arXiv ids / DOIs'

describe('bad import input', () => {
  it('a 0-byte file', async () => {
    expect(await preview('')).toEqual({
      ok: false,
      error: { code: 'bad-input', message: 'Nothing to import: input.bib is empty' },
    })
  })

  it('a binary file (NUL bytes, or what a browser decodes from invalid UTF-8)', async () => {
    const png = '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR'
    expect(await preview(png, 'photo.png')).toMatchObject({
      ok: false,
      error: { message: 'Nothing to import: photo.png is not a text file (it contains NUL bytes)' },
    })
    const replaced = Array.from({ length: 4000 }, (_, i) => (i % 3 === 0 ? '\ufffd' : 'a')).join('')
    expect(await preview(replaced, 'x.pdf')).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/not a text file \(it is mostly control characters/),
      },
    })
  })

  it('text in no supported format names the formats tried', async () => {
    expect(
      await preview('Dear colleague,\n\nplease find the draft attached.\n', 'letter.txt'),
    ).toEqual({
      ok: false,
      error: {
        code: 'bad-input',
        message: `No papers found in letter.txt: it is not in a format Offprint reads (${TRIED})`,
      },
    })
  })

  it('a 100 MB file of prose is refused after reading its head', async () => {
    const huge = 'All work and no play makes Jack a dull boy. '.repeat(Math.ceil(100e6 / 44))
    expect(huge.length).toBeGreaterThanOrEqual(100e6)
    expect(await preview(huge, 'huge.txt')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('it is not in a format Offprint reads') },
    })
  })

  it('more than the import limit is refused before parsing', async () => {
    const tooBig = 'x'.repeat(MAX_IMPORT_CHARS + 1)
    expect(await preview(tooBig)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-arguments',
        message: expect.stringMatching(/^Invalid arguments for previewImport: text: Too big/),
      },
    })
  })

  it('one enormous BibTeX entry (10 MB) is skipped with its size; the rest imports', async () => {
    const text =
      '@article{ok, title = {A Fine Paper}, year = 2020}\n' +
      `@article{big, title = {Big}, abstract = {${'word '.repeat(2_000_000)}}}\n`
    const response = await preview(text)
    expect(response).toMatchObject({
      ok: true,
      value: {
        newTitles: ['A Fine Paper'],
        skipped: [
          {
            line: 2,
            entry: 2,
            reason: 'the entry is 10000 kB long; entries over 100 kB are not read',
          },
        ],
      },
    })
  })

  it('pathological nesting in BibTeX, CSL-JSON and Atom ends with a clear reason', async () => {
    const empty = await folderSnapshot(dir)
    const bib = `@article{deep, title = {${'{'.repeat(5000)}x${'}'.repeat(5000)}}}\n@article{ok, title = {Fine}, year = 2020}`
    expect(await preview(bib)).toMatchObject({
      ok: true,
      value: {
        newTitles: ['Fine'],
        skipped: [{ line: 1, entry: 1, reason: 'braces are nested more than 64 levels deep' }],
      },
    })
    const json = `[{"title": "x", "note": ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}]`
    expect(await preview(json, 'deep.json')).toMatchObject({
      ok: true,
      value: {
        entries: 0,
        skipped: [{ line: 1, entry: 1, reason: expect.stringMatching(/^not a CSL item: note/) }],
      },
    })
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom">${'<entry>'.repeat(100_000)}</feed>`
    expect(await preview(atom, 'deep.atom')).toMatchObject({
      ok: false,
      error: {
        code: 'bad-input',
        message: expect.stringMatching(
          /^No papers found in deep\.atom: the Atom feed is not well-formed XML/,
        ),
      },
    })
    const unterminated = `[{"title": "x", "note": ${'['.repeat(1_000_000)}`
    expect(await preview(unterminated, 'cut.json')).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/^No papers found in cut\.json: the file is not valid JSON/),
      },
    })
    // Nothing was written by any of it.
    expect(await folderSnapshot(dir)).toEqual(empty)
  })
})
