// Every file of tests/fixtures/formats that holds papers, imported as a user
// would, then imported again: the first import adds exactly the papers the
// file holds, read as the format it is; the second adds nothing and finds
// every one of them already there. (Refused files, the empty and the error
// feed, are in arxivFeeds.test.ts; the pasted ids need the lookup stub.)
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportFormat } from '../../src/shared/model'
import { makeDir, openAt, removeDir } from './libraryFixture'

const FIXTURES = resolve(__dirname, '../fixtures/formats')

const FILES: [string, ImportFormat, number][] = [
  ['arxiv-api-cs.RO-neural-2025-10-17.xml', 'arxiv-atom', 2],
  ['arxiv-api.atom', 'arxiv-atom', 2],
  ['arxiv-atom-cs.AI-2025-08-20.xml', 'arxiv-feed', 86],
  ['arxiv-rss-2024-11-28.xml', 'arxiv-feed', 1504],
  ['atom-titles/entry_title_inline_markup.xml', 'arxiv-atom', 1],
  ['bbt-crossref-inbook.bib', 'bibtex', 1],
  ['bibdesk-crossref-children-first.bib', 'bibtex', 3],
  ['endnote.ris', 'ris', 2],
  ['hf-api-daily-papers-2026-06-12.json', 'hf-api-json', 30],
  ['hf-api-daily-papers-2026-07.json', 'hf-api-json', 5],
  ['hf-api-daily-papers-pretty.json', 'hf-api-json', 3],
  ['hf-paper-page-bs4-prettified.html', 'hf-saved-html', 1],
  ['hf-search-lynx-dump.txt', 'hf-page-capture', 34],
  ['hf-trending-markdown.md', 'hf-page-capture', 50],
  ['jabref-RisImporterTestScience.ris', 'ris', 1],
  ['rispy-example_empty_tag.ris', 'ris', 1],
  ['rispy-example_full.ris', 'ris', 2],
  ['rispy-example_utf_chars.ris', 'ris', 1],
  ['zotero-export.bib', 'bibtex', 5],
  ['zotero.csl.json', 'csl-json', 3],
]

let dir: string
beforeEach(async () => {
  dir = await makeDir()
})
afterEach(async () => {
  await removeDir(dir)
})

describe.each(FILES)('%s, imported twice', (name, format, papers) => {
  it(`adds ${papers} papers the first time and nothing the second`, async () => {
    const library = await openAt(dir)
    const text = await readFile(resolve(FIXTURES, name), 'utf8')
    try {
      const first = await library.api.importText({ text, fileName: name })
      const again = await library.api.importText({ text, fileName: name })
      expect(first).toMatchObject({ format, added: papers, alreadyPresent: 0 })
      expect(again).toMatchObject({ format, added: 0, alreadyPresent: papers, updated: 0 })
      expect((await library.api.getLibraryInfo({})).paperCount).toBe(papers)
    } finally {
      await library.close()
    }
  })
})
