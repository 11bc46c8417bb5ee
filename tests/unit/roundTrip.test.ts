// Import -> export -> import of the same format gives the same papers, in
// every field the format carries.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExportFormat, Paper } from '../../src/shared/model'
import { citationKeys } from '../../src/main/core/exports/citationKeys'
import { EXTRA_FIELDS } from '../../src/main/core/imports/extraFields'
import { OPTIONAL_TEXT_FIELDS } from '../../src/main/core/imports/parsedRecord'
import { importVia, makeDir, openAt, removeDir } from './libraryFixture'
import { allPapers } from './support/libraryPapers'

const FIXTURES = resolve(__dirname, '../fixtures/formats')

let dirs: string[] = []
beforeEach(() => {
  dirs = []
})
afterEach(async () => {
  for (const dir of dirs) await removeDir(dir)
})

async function library() {
  const dir = await makeDir()
  dirs.push(dir)
  return openAt(dir)
}

/**
 * A record's fields (parsedRecord.ts): those every format has a place for, then
 * Hugging Face's, which each format keeps as extras (extraFields.ts).
 */
const COMMON = [
  'title',
  'abstract',
  'authors',
  ...new Set([...OPTIONAL_TEXT_FIELDS, ...EXTRA_FIELDS.map(([field]) => field)]),
] as const

/**
 * The fields a format carries, for comparison. A paper imported without a
 * citation key is exported with a generated one, which it has from then on.
 */
function carried(
  format: ExportFormat,
  paper: Paper,
  keys: ReadonlyMap<string, string> = new Map(),
): Record<string, unknown> {
  const fields: Record<string, unknown> = Object.fromEntries(COMMON.map((f) => [f, paper[f]]))
  fields['citationKey'] = paper.citationKey ?? keys.get(paper.id)
  // BibTeX sorts keywords; CSL-JSON has one URL.
  fields['tags'] = format === 'bibtex' ? [...paper.tags].sort() : paper.tags
  fields['links'] =
    format === 'csl-json'
      ? paper.links.slice(0, 1).map((l) => l.url)
      : paper.links.map((l) => l.url)
  return fields
}

/** Imports `text` into a fresh library, exports it as `format`, imports that into another. */
async function roundTrip(format: ExportFormat, text: string) {
  const first = await library()
  const { report } = await importVia(first, text)
  const exported = await first.api.exportPapers({ format, scope: { kind: 'library' } })
  const second = await library()
  const again = await importVia(second, exported.files[0]?.text ?? '', exported.name)
  const before = await allPapers(first, 'added')
  const after = await allPapers(second, 'added')
  await first.close()
  await second.close()
  const keys = citationKeys(before)
  return {
    report,
    exported,
    again,
    before: before.map((p) => carried(format, p, keys)),
    after: after.map((p) => carried(format, p)),
  }
}

const words = (text: string): string[] => text.split(' ')

/** The fields that have a value in at least one of `papers`: what a round trip really checks. */
function fieldsWithValues(papers: Record<string, unknown>[]): string[] {
  // Every paper has upvotes; 0 is none.
  const filled = (value: unknown): boolean =>
    value !== undefined &&
    value !== '' &&
    value !== 0 &&
    !(Array.isArray(value) && value.length === 0)
  return Object.keys(papers[0] ?? {}).filter((field) => papers.some((p) => filled(p[field])))
}

// Each fixture, with the number of papers it holds and the fields it gives them
// (read off the file; a citation key is generated where the file has none).
const CASES: [ExportFormat, string, number, string[]][] = [
  [
    'bibtex',
    'zotero-export.bib',
    5,
    words(
      'title abstract authors published venue doi arxivId type pages publisher citationKey tags links',
    ),
  ],
  [
    'ris',
    'endnote.ris',
    2,
    words(
      'title abstract authors published venue doi arxivId type volume pages publisher citationKey tags links',
    ),
  ],
  [
    'csl-json',
    'zotero.csl.json',
    3,
    words('title authors published venue doi arxivId type volume pages citationKey tags links'),
  ],
  // The real Hugging Face API answer of 2026-06-12: 30 papers with every HF field.
  ...(['bibtex', 'ris', 'csl-json'] as const).map((format): (typeof CASES)[number] => [
    format,
    'hf-api-daily-papers-2026-06-12.json',
    30,
    words(
      'title abstract authors organization published arxivId citationKey dailyDate githubRepo ' +
        'projectPage aiSummary upvotes comments githubStars aiKeywords links',
    ),
  ]),
]

describe.each(CASES)('%s round trip', (format, fixture, papers, fields) => {
  it('gives the same papers, field by field', async () => {
    const text = await readFile(resolve(FIXTURES, fixture), 'utf8')
    const { report, exported, again, before, after } = await roundTrip(format, text)
    expect(report.added).toBe(papers)
    expect(fieldsWithValues(before)).toEqual(fields)
    expect(exported.paperCount).toBe(papers)
    expect(again.report).toMatchObject({ format, added: papers, skipped: [] })
    expect(after).toEqual(before)
  })
})

describe('BibTeX escaping', () => {
  it('writes LaTeX specials, braces and Unicode so they read back unchanged', async () => {
    const tricky = JSON.stringify([
      {
        id: 'tricky',
        type: 'article-journal',
        title: 'GPT-4 & BERT: 50% of $5 {costs} #1 in x_y ~ a^b \\ H₂O, α-helix, Łódź, “quoted”',
        author: [
          { family: 'Müller', given: 'Jörg' },
          { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' },
          { family: 'Smith', given: 'John', suffix: 'Jr.' },
        ],
        abstract: 'We use 100% of {the} data & more: a_b, c^d, ~e, \\f.',
        'container-title': 'Journal of Ünusual Characters',
        issued: { 'date-parts': [[2024, 2, 29]] },
        page: '1-10',
      },
    ])
    const { exported, before, after } = await roundTrip('bibtex', tricky)
    // Field names are padded to line up; compare without the padding.
    const bib = (exported.files[0]?.text ?? '').replace(/ +=/g, ' =')
    // ASCII LaTeX out; acronyms protected from lower-casing styles.
    expect(bib).toMatch(/^[\x20-\x7e\n]*$/)
    expect(bib).toContain('{GPT-4}')
    expect(bib).toContain('{BERT:}')
    expect(bib).toContain('50\\%')
    expect(bib).toContain(
      'author = {M{\\"u}ller, J{\\"o}rg and van der Berg, Jan and Smith, Jr., John}',
    )
    expect(bib).toContain('date = {2024-02-29}')
    expect(bib).toContain('pages = {1--10}')
    expect(after).toEqual(before)
  })
})
