// Importing BibTeX at scale (issue 5: 100k entries within 2x the time the
// parser alone takes on the same file). The reference is @retorquere/bibtex-parser
// parsing the whole file in one call, with the options the importer uses; the
// measured import is everything a user waits for: detection, parsing entry by
// entry, matching against the library, and the durable write.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PARSE_OPTIONS, loadBibtexParser } from '../../src/main/core/imports/bibtex/parseBibtex'
import { Library } from '../../src/main/core/library'
import { time } from './measure'

const WORDS = (
  'we propose a novel method for learning representations from large corpora and show that ' +
  'it improves accuracy on several benchmarks while reducing the cost of training by an order ' +
  'of magnitude our analysis reveals why attention based models generalize beyond their data'
).split(' ')

/** A deterministic pseudo-random generator, so every run benches the same file. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

/** `count` entries in the shape Zotero exports: macros, accents, DOI, URL, keywords, abstract. */
export function syntheticBibtex(count: number): string {
  const next = random(42)
  const word = (): string => WORDS[Math.floor(next() * WORDS.length)] ?? 'data'
  const parts = ['@string{neurips = "Advances in Neural Information Processing Systems"}\n']
  for (let i = 0; i < count; i++) {
    const title = Array.from({ length: 8 }, word).join(' ')
    const abstract = Array.from({ length: 160 }, word).join(' ')
    const authors = Array.from({ length: 4 }, (_, a) => `M{\\"u}ller${i % 997}, Anna${a}`).join(
      ' and ',
    )
    parts.push(
      `@inproceedings{key${i},\n  title = {{T}${title} ${i}},\n  author = {${authors}},\n` +
        `  booktitle = neurips,\n  year = ${1990 + (i % 35)},\n  month = jan,\n` +
        `  doi = {10.1000/bench.${i}},\n  url = {https://example.org/papers/${i}},\n` +
        `  keywords = {${word()}, ${word()}},\n  abstract = {${abstract}},\n}\n`,
    )
  }
  return parts.join('')
}

export interface ImportBench {
  entries: number
  megabytes: number
  importMs: number
  parserMs: number
}

export async function benchImportBibtex(count: number): Promise<ImportBench> {
  const text = syntheticBibtex(count)
  const { parse } = await loadBibtexParser()
  let parsed = 0
  const parserMs = await time(async () => {
    parsed = parse(text, PARSE_OPTIONS).entries.length
  })
  if (parsed !== count) throw new Error(`the parser read ${parsed} of ${count} entries`)
  const dir = await mkdtemp(join(tmpdir(), 'offprint-bench-import-'))
  try {
    const library = await Library.open(dir)
    let added = 0
    const importMs = await time(async () => {
      added = (await library.api.importText({ text, fileName: 'bench.bib' })).added
    })
    await library.close()
    if (added !== count) throw new Error(`the import added ${added} of ${count} entries`)
    return { entries: count, megabytes: text.length / 1e6, importMs, parserMs }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
