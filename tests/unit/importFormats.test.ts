// Each import format on fixtures in the style of real exports (Zotero, Better
// BibTeX, JabRef, EndNote, the arXiv API), through readImport: the detector
// and the parser together, as the library uses them.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readImport } from '../../src/main/core/imports/readImport'
import type { ParsedImport, ParsedRecord } from '../../src/main/core/imports/parsedRecord'

const FIXTURES = resolve(__dirname, '../fixtures/formats')

async function read(name: string): Promise<ParsedImport> {
  return readImport(await readFile(resolve(FIXTURES, name), 'utf8'), {
    fileName: name,
    today: '2026-02-10',
  })
}

function byKey(records: ParsedRecord[], title: string): ParsedRecord {
  const record = records.find((r) => r.title.startsWith(title))
  if (record === undefined) throw new Error(`no record "${title}"`)
  return record
}

describe('BibTeX', () => {
  it('expands @string macros, concatenation and month macros, and skips @comment / @preamble', async () => {
    const parsed = await read('zotero-export.bib')
    expect(parsed.format).toBe('bibtex')
    const attention = byKey(parsed.records, 'Attention Is All You Need')
    expect(attention).toMatchObject({
      venue: 'Advances in Neural Information Processing Systems 30',
      published: '2017-12',
      pages: '5998–6008',
      type: 'paper-conference',
      citationKey: 'vaswani2017attention',
      arxivId: '1706.03762',
      line: 9,
      entry: 1,
    })
    // 8 authors, in order, with LaTeX \L turned into Ł.
    expect(attention.authors).toEqual([
      'Ashish Vaswani',
      'Noam Shazeer',
      'Niki Parmar',
      'Jakob Uszkoreit',
      'Llion Jones',
      'Aidan N. Gomez',
      'Łukasz Kaiser',
      'Illia Polosukhin',
    ])
    expect(attention.tags.sort()).toEqual(['attention', 'transformers'])
  })

  it('reads several URLs from one field and from url2', async () => {
    const parsed = await read('zotero-export.bib')
    expect(byKey(parsed.records, 'Attention').links.map((l) => [l.kind, l.url])).toEqual([
      ['other', 'https://arxiv.org/abs/1706.03762'],
      ['code', 'https://github.com/tensorflow/tensor2tensor'],
    ])
    expect(byKey(parsed.records, 'Über').links.map((l) => l.url)).toEqual([
      'https://example.org/mueller.pdf',
      'https://example.org/mueller-code',
    ])
  })

  it('turns LaTeX accents and commands into Unicode and drops case-protecting braces', async () => {
    const parsed = await read('zotero-export.bib')
    const mueller = byKey(parsed.records, 'Über')
    expect(mueller.title).toBe('Über die Stabilität von Gradienten in München – eine Étude')
    expect(mueller.authors).toEqual(['Jörg Müller', 'Jan van der Berg', 'John Smith Jr.'])
    expect(byKey(parsed.records, 'BERT').title).toBe(
      'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    )
    expect(byKey(parsed.records, 'A Survey').title).toBe(
      'A Survey of GPT-Style Models: 50% Fewer & Better',
    )
    expect(byKey(parsed.records, 'A Survey').authors).toEqual(['Alice Smith', 'OpenAI Research'])
  })

  it('applies crossref: the proceedings give venue, year, month and publisher, and are not a paper', async () => {
    const parsed = await read('zotero-export.bib')
    expect(byKey(parsed.records, 'Über')).toMatchObject({
      venue: 'Proceedings of the Annual Meeting of the Association for Computational Linguistics',
      published: '2020-07',
      publisher: 'Association for Computational Linguistics',
    })
    expect(parsed.records.map((r) => r.title)).not.toContain(
      'Proceedings of the Annual Meeting of the Association for Computational Linguistics',
    )
  })

  it('recognizes arXiv ids in eprint (new style with version, old style) and DOIs', async () => {
    const parsed = await read('zotero-export.bib')
    expect(byKey(parsed.records, 'A Survey')).toMatchObject({
      arxivId: '2101.00001',
      type: 'preprint',
    })
    expect(byKey(parsed.records, 'Strings and Branes')).toMatchObject({
      arxivId: 'hep-th/9802150',
      type: 'thesis',
      publisher: 'Princeton University',
    })
    expect(byKey(parsed.records, 'BERT')).toMatchObject({
      doi: '10.48550/arXiv.1810.04805',
      arxivId: '1810.04805',
    })
  })

  it('skips a malformed entry and one without a title, with line, entry number and reason', async () => {
    const parsed = await read('zotero-export.bib')
    expect(parsed.records).toHaveLength(5)
    expect(parsed.skipped).toEqual([
      { line: 47, entry: 5, reason: expect.stringMatching(/expected "}"/) },
      { line: 62, entry: 7, reason: '@book{notitle} has no title' },
    ])
  })
})

describe('RIS', () => {
  it('reads tags, continuation lines, dates and page ranges', async () => {
    const parsed = await read('endnote.ris')
    expect(parsed.format).toBe('ris')
    expect(parsed.records[0]).toMatchObject({
      title: 'Attention is all you need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      venue: 'Advances in Neural Information Processing Systems',
      published: '2017-12-04',
      volume: '30',
      pages: '5998–6008',
      doi: '10.5555/3295222.3295349',
      arxivId: '1706.03762',
      tags: ['transformers', 'attention'],
      type: 'article-journal',
      abstract:
        'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.',
    })
    expect(parsed.records[1]).toMatchObject({
      title: 'Chapter on Things',
      authors: ['John Smith Jr.'],
      venue: 'The Book of Things',
      published: '2019-03',
      publisher: 'Springer',
      type: 'chapter',
    })
  })

  it('skips an entry that is never closed and one without a title', async () => {
    const parsed = await read('endnote.ris')
    expect(parsed.records).toHaveLength(2)
    expect(parsed.skipped).toEqual([
      {
        line: 19,
        entry: 2,
        reason: 'the entry is not closed by "ER  -" before the next one starts at line 24',
      },
      { line: 32, entry: 4, reason: 'the entry has no title (TI)' },
    ])
  })
  it('passes over record numbers before "TY  -", and keeps a number that continues a field', async () => {
    const text = [
      '1.',
      'TY  - JOUR',
      'TI  - First',
      'AB  - Steps:',
      '2.',
      'collect the data',
      'ER  - ',
      '',
      '2.',
      'TY  - JOUR',
      'TI  - Second',
      'ER  - ',
    ].join('\n')
    const parsed = await readImport(text, { fileName: 'numbered.txt', today: '2026-02-10' })
    expect(parsed.format).toBe('ris')
    expect(parsed.records.map((r) => [r.title, r.abstract, r.line])).toEqual([
      ['First', 'Steps: 2. collect the data', 2],
      ['Second', '', 10],
    ])
    expect(parsed.skipped).toEqual([])
  })
})

describe('CSL-JSON', () => {
  it('reads names with particles and literals, date-parts, raw dates and numbers given as numbers', async () => {
    const parsed = await read('zotero.csl.json')
    expect(parsed.format).toBe('csl-json')
    expect(parsed.records[0]).toMatchObject({
      title: 'Attention is all you need',
      published: '2017-12-04',
      pages: '5998–6008',
      tags: ['transformers', 'attention'],
    })
    // A Zotero URL id is not a citation key.
    expect(parsed.records[0]?.citationKey).toBeUndefined()
    expect(parsed.records[1]).toMatchObject({
      authors: ['Jan van der Berg', 'The Offprint Consortium'],
      published: '2020-07',
      arxivId: '2007.01234',
      citationKey: 'berg2020',
    })
    expect(parsed.records[2]).toMatchObject({ volume: '7', published: '2018' })
  })

  it('skips an item that fails the schema with its line and position', async () => {
    const parsed = await read('zotero.csl.json')
    expect(parsed.skipped).toEqual([
      { line: 29, entry: 3, reason: expect.stringMatching(/^not a CSL item: title/) },
    ])
  })
})

describe('arXiv Atom feeds', () => {
  it('reads entries, versions dropped from ids, PDF links, DOIs, journal refs and categories', async () => {
    const parsed = await read('arxiv-api.atom')
    expect(parsed.format).toBe('arxiv-atom')
    expect(parsed.records[0]).toMatchObject({
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      arxivId: '1706.03762',
      published: '2017-06-12',
      doi: '10.48550/arXiv.1706.03762',
      venue: 'Advances in Neural Information Processing Systems 30 (2017)',
      tags: ['cs.CL', 'cs.LG'],
      type: 'preprint',
    })
    expect(parsed.records[0]?.abstract).toContain('convolutional neural networks & more.')
    expect(parsed.records[0]?.links.map((l) => l.kind)).toEqual(['other', 'pdf', 'code'])
    expect(parsed.records[1]).toMatchObject({ arxivId: 'hep-th/9711200', line: 29 })
    expect(parsed.skipped).toEqual([
      { line: 37, entry: 3, reason: 'arXiv reported an error: incorrect id format for 1234.5678x' },
    ])
  })

  it('reads a real API answer: wrapped titles joined, abstracts unwrapped, every category', async () => {
    const parsed = await read('arxiv-api-cs.RO-neural-2025-10-17.xml')
    expect(parsed.format).toBe('arxiv-atom')
    expect(parsed.skipped).toEqual([])
    expect(parsed.records.map((r) => [r.title, r.arxivId, r.published, r.authors.length])).toEqual([
      [
        'RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks',
        '2510.14968',
        '2025-10-16',
        4,
      ],
      [
        'Neural Implicit Flow Fields for Spatio-Temporal Motion Mapping',
        '2510.14827',
        '2025-10-16',
        6,
      ],
    ])
    const rdd = parsed.records[0]
    expect(rdd?.tags).toEqual(['cs.RO', 'cs.AI', 'cs.CV', 'cs.LG', 'cs.SY', 'eess.SY'])
    expect(
      rdd?.abstract.startsWith(
        'To tackle long-horizon tasks, recent hierarchical vision-language-action (VLAs) frameworks',
      ),
    ).toBe(true)
    expect(
      rdd?.abstract.endsWith('Code and more results are available at rdd-neurips.github.io.'),
    ).toBe(true)
  })
})

describe('pasted identifier lists', () => {
  it('collects arXiv ids and DOIs in every spelling, and names what is neither', async () => {
    const parsed = await read('pasted-ids.txt')
    expect(parsed.format).toBe('identifiers')
    expect(parsed.identifiers).toEqual([
      'arXiv:1706.03762',
      'arXiv:2101.00001',
      'doi:10.1145/3292500.3330701',
      'arXiv:hep-th/9711200',
      'doi:10.48550/arXiv.1810.04805',
    ])
    expect(parsed.skipped).toEqual([
      { line: 5, reason: '"not-an-identifier" is neither an arXiv id nor a DOI' },
    ])
  })
})

describe('progress and cancelling', () => {
  function manyEntries(n: number): string {
    return Array.from(
      { length: n },
      (_, i) =>
        `@article{k${i},\n  title = {Paper number ${i}},\n  author = {Doe, Jane},\n  year = 2020\n}\n`,
    ).join('')
  }

  it('reports progress that ends at the total', async () => {
    const seen: [number, number][] = []
    const parsed = await readImport(manyEntries(300), {
      today: '2026-02-10',
      onProgress: (done, total) => seen.push([done, total]),
    })
    expect(parsed.records).toHaveLength(300)
    expect(seen.at(-1)).toEqual([300, 300])
    expect(seen.every(([done], i) => i === 0 || done >= (seen[i - 1]?.[0] ?? 0))).toBe(true)
  })

  it('stops with ImportCancelledError when the signal fires', async () => {
    const controller = new AbortController()
    const run = readImport(manyEntries(3000), {
      today: '2026-02-10',
      signal: controller.signal,
      onProgress: () => controller.abort(),
    })
    await expect(run).rejects.toThrow('The import was cancelled; nothing was added to the library')
  })
})
