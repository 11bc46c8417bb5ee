// A BibTeX file whose entries share a title and year under different keys
// (d2l-en's bibliography has Vapnik's 1994 paper as both
// Vapnik.Levin.Le-Cun.1994 and vapnik1994measuring) becomes one paper that
// keeps every key: the import says which keys were merged, and an export can
// still be cited by each (issue 15).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../../src/main/core/library'
import { importVia, makeDir, openAt, removeDir } from './libraryFixture'
import { allPapers } from './support/libraryPapers'

const corpus = unzipSync(
  readFileSync(join(__dirname, '..', 'fixtures', 'bibtex-corpus', 'corpus.zip')),
  { filter: (file) => file.name === 'd2l-en.bib' },
)
const D2L = strFromU8(corpus['d2l-en.bib'] ?? new Uint8Array())

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

/** The exported entry for `key`, as text. */
function exportedEntry(bib: string, key: string): string {
  const start = bib.indexOf(`{${key},\n`)
  return start === -1 ? '' : bib.slice(start, bib.indexOf('\n}\n', start))
}

describe('citation keys of merged entries', () => {
  it("keeps d2l-en's second key of a paper as an alias, says so, and exports it as ids", async () => {
    const { preview, report } = await importVia(library, D2L, 'd2l.bib')
    const vapnik = { key: 'vapnik1994measuring', into: 'Vapnik.Levin.Le-Cun.1994' }
    expect(preview.mergedKeys).toContainEqual(vapnik)
    expect(report.mergedKeys).toContainEqual(vapnik)
    expect(report.mergedKeys).toContainEqual({ key: 'ba2016layer', into: 'Ba.Kiros.Hinton.2016' })

    const papers = await allPapers(library)
    const paper = papers.find((p) => p.citationKey === 'Vapnik.Levin.Le-Cun.1994')
    expect(paper?.title).toBe('Measuring the VC-dimension of a learning machine')
    expect(paper?.citationKeyAliases).toEqual(['vapnik1994measuring'])

    const exported = await library.api.exportPapers({
      format: 'bibtex',
      scope: { kind: 'selection', paperIds: [paper?.id ?? ''] },
    })
    const entry = exportedEntry(exported.files[0]?.text ?? '', 'Vapnik.Levin.Le-Cun.1994')
    expect(entry).toMatch(/^ {2}ids += \{vapnik1994measuring\},$/m)
  })

  it('reads the ids back, so an export imported again keeps every key', async () => {
    await importVia(library, D2L, 'd2l.bib')
    const paper = (await allPapers(library)).find(
      (p) => p.citationKey === 'Vapnik.Levin.Le-Cun.1994',
    )
    const exported = await library.api.exportPapers({
      format: 'bibtex',
      scope: { kind: 'selection', paperIds: [paper?.id ?? ''] },
    })
    const otherDir = await makeDir()
    const other = await openAt(otherDir)
    try {
      await importVia(other, exported.files[0]?.text ?? '', 'again.bib')
      const again = await allPapers(other)
      expect(again.map((p) => [p.citationKey, p.citationKeyAliases])).toEqual([
        ['Vapnik.Levin.Le-Cun.1994', ['vapnik1994measuring']],
      ])
    } finally {
      await other.close()
      await removeDir(otherDir)
    }
  })
})
