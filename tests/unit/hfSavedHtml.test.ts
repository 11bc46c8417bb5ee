// A Hugging Face papers page saved with the browser's Save Page As…: only its
// hydration data is read. No real saved page could be found to keep as a
// fixture (the search index holds none), so these pages are built the way the
// site builds them, around the real API response of the day: the same JSON,
// HTML-escaped into the data-props attribute of the DailyPapers element, amid
// visual markup that says something else.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hfPageDataPapers } from '../../src/main/core/imports/hf/apiJson'
import { decodeAttribute } from '../../src/main/core/imports/hf/savedHtml'
import { readImport } from '../../src/main/core/imports/readImport'

const FIXTURES = resolve(__dirname, '../fixtures/formats')

function escapeAttribute(json: string): string {
  return json
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

async function dailyEntries(): Promise<unknown[]> {
  const text = await readFile(resolve(FIXTURES, 'hf-api-daily-papers-2026-06-12.json'), 'utf8')
  return JSON.parse(text) as unknown[]
}

function page(target: string, props: unknown): string {
  return [
    '<!DOCTYPE html>',
    '<html class=""><head><meta charset="utf-8"><title>Daily Papers - Hugging Face</title></head>',
    '<body><div class="flex min-h-dvh flex-col">',
    '<header><a href="/">Hugging Face</a> <a href="/models">Models</a></header>',
    '<main class="flex flex-1 flex-col">',
    `<div class="SVELTE_HYDRATER contents" data-target="${target}" data-props="${escapeAttribute(JSON.stringify(props))}">`,
    // The visual cards: never read (a title here that the data does not have must not appear).
    '<article><h3><a href="/papers/0000.00000">Visual markup only</a></h3><p>Not the data.</p></article>',
    '</div></main></body></html>',
  ].join('\n')
}

describe('a saved Hugging Face listing page', () => {
  it("reads the day's 30 papers from the DailyPapers data, not the visual cards", async () => {
    const html = page('DailyPapers', {
      canSubmit: false,
      dateString: '2026-06-12',
      periodType: 'day',
      dailyPapers: await dailyEntries(),
    })
    const parsed = await readImport(html, {
      fileName: 'Daily Papers - Hugging Face.html',
      today: '2026-12-06',
    })
    expect(parsed.format).toBe('hf-saved-html')
    expect(parsed.records).toHaveLength(30)
    expect(parsed.pageDate).toBe('2026-06-12')
    expect(parsed.records.map((r) => r.title)).not.toContain('Visual markup only')
    expect(parsed.records.find((r) => r.arxivId === '2606.13392')).toMatchObject({
      title: 'MiniMax Sparse Attention',
      organization: 'MiniMax',
      upvotes: 103,
      comments: 4,
      dailyDate: '2026-06-12',
      githubStars: 251,
    })
    // Decoded entities: a title with an apostrophe or ampersand reads as typed.
    expect(parsed.records.every((r) => !/&quot;|&amp;|&#/.test(r.title + r.abstract))).toBe(true)
  })

  it('names no day for a weekly page, whose papers span several days', async () => {
    const html = page('DailyPapers', {
      dateString: '2026-W24',
      periodType: 'week',
      dailyPapers: await dailyEntries(),
    })
    const parsed = await readImport(html, { today: '2026-12-06' })
    expect(parsed.records).toHaveLength(30)
    expect(parsed.pageDate).toBeUndefined()
  })

  it("reads a saved paper page's paper", async () => {
    const [entry] = (await dailyEntries()) as { paper: unknown }[]
    const html = page('PaperPage', { paper: entry?.paper, canWrite: false })
    const parsed = await readImport(html, { today: '2026-12-06' })
    expect(parsed.format).toBe('hf-saved-html')
    expect(parsed.records.map((r) => [r.arxivId, r.title, r.dailyDate])).toEqual([
      [
        '2606.00467',
        'On the Limits of LLM Adaptability: Impact of Model-Internalized Priors on Annotation Task Performance',
        '2026-06-12',
      ],
    ])
  })

  it('refuses a page saved before its data loaded, saying why', async () => {
    const html = page('DailyPapers', { dateString: '2026-06-12', dailyPapers: [] })
    await expect(readImport(html, { fileName: 'empty.html', today: '2026-12-06' })).rejects.toThrow(
      'No papers found in empty.html: it is a saved Hugging Face page, but its data holds no papers (saved before the page had loaded?)',
    )
  })
})

describe("a listing page's data", () => {
  const entry = (id: string, title: string): string =>
    JSON.stringify({ paper: { id, title, summary: `About ${title}.` }, numComments: 2 })

  it('reads its list wherever the date is, a key given twice counting once, as its last value', () => {
    const json = `{ "dailyPapers" : [ ${entry('2606.00001', 'First "quoted" ]} paper')} , ${entry('2606.00002', 'Second')} ] , "periodType":"week", "periodType": "day", "dateString":"2026-06-12" }`
    const data = hfPageDataPapers(json, 7)
    expect(data?.found.papers.map((p) => [p.arxivId, p.title, p.line, p.comments])).toEqual([
      ['2606.00001', 'First "quoted" ]} paper', 7, 2],
      ['2606.00002', 'Second', 7, 2],
    ])
    // The data as JSON.parse reads it: the list, and the key given twice as its last value.
    expect(data?.value).toEqual({
      dailyPapers: [
        JSON.parse(entry('2606.00001', 'First "quoted" ]} paper')),
        JSON.parse(entry('2606.00002', 'Second')),
      ],
      periodType: 'day',
      dateString: '2026-06-12',
    })
  })

  it('is not valid JSON when one entry of the list is broken, or a member after the list', () => {
    const broken = `{"dateString":"2026-06-12","dailyPapers":[${entry('2606.00001', 'Fine')},{"paper":{"id":2606.x}}]}`
    expect(hfPageDataPapers(broken, 1)).toBeUndefined()
    const after = `{"dailyPapers":[${entry('2606.00001', 'Fine')}],"dateString":2026-06-12}`
    expect(hfPageDataPapers(after, 1)).toBeUndefined()
  })
})

describe('a listing written as the site writes it (only " and & escaped)', () => {
  const entries = [
    ['2606.00001', 'A "quoted" title ]},{"paper": that looks like the list'],
    ['2606.00002', 'A path ending in a backslash C:\\'],
    ['2606.00003', 'R&D with &quot; written as text'],
    ['2606.00004', '日本語 and Ünïcode'],
  ].map(([id, title]) => ({ paper: { id, title, summary: `About ${title}.` }, numComments: 1 }))
  const listing = (escape: (json: string) => string): string =>
    `<html><body><div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${escape(
      JSON.stringify({ dateString: '2026-06-12', dailyPapers: entries }),
    )}"></div></body></html>`
  const siteEscape = (json: string): string => json.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

  it('reads each paper of the list, titles exactly as typed', async () => {
    const parsed = await readImport(listing(siteEscape), { today: '2026-12-06' })
    expect(parsed.format).toBe('hf-saved-html')
    expect(parsed.records.map((r) => [r.arxivId, r.title, r.abstract])).toEqual(
      entries.map((e) => [e.paper.id, e.paper.title, e.paper.summary]),
    )
    expect(parsed.pageDate).toBe('2026-06-12')
  })

  it('reads the same papers when other entities are written too', async () => {
    const other = (json: string): string => siteEscape(json).replace(/ /g, '&#32;')
    const parsed = await readImport(listing(other), { today: '2026-12-06' })
    expect(parsed.records.map((r) => r.title)).toEqual(entries.map((e) => e.paper.title))
  })
})

describe('the data-props attribute', () => {
  it('decodes entities as a browser does, &amp; last so that an escaped entity stays text', () => {
    expect(decodeAttribute('a &lt;b&gt; &#38; &#x41; &quot;q&quot; &amp;quot; &apos;')).toBe(
      'a <b> & A "q" &quot; \'',
    )
    expect(decodeAttribute('no entities')).toBe('no entities')
  })

  it('decodes a value of only &quot; and &amp; the same way, letters beyond ASCII included', () => {
    expect(decodeAttribute('Ünï &quot;q&quot; &amp;quot; 日本 &amp;amp; 😀&quot;')).toBe(
      'Ünï "q" &quot; 日本 &amp; 😀"',
    )
    // Letters that all fit in Latin-1 (read as bytes) come out the same way.
    expect(decodeAttribute('Ünï &quot;Müller&quot; &amp;amp; ©')).toBe('Ünï "Müller" &amp; ©')
    // A lone or cut-off "&" is left as it is.
    expect(decodeAttribute('R&D &quot;x&quot; &amp')).toBe('R&D "x" &amp')
    expect(decodeAttribute('Ü R&D &quot;x&quot;')).toBe('Ü R&D "x"')
  })

  it('gives back any text written with only " and & escaped, whatever the runs between them', () => {
    // Runs of every length around the decoder's word size and its short-run
    // limit, in Latin-1 and beyond (a page with one such letter is read as UTF-16).
    const letters = fc.constantFrom('a', 'Z', '0', ' ', ':', '{', ']', 'ü', '©', '日', '😀', '\\')
    const run = fc.array(letters, { maxLength: 70 }).map((chars) => chars.join(''))
    const text = fc
      .array(fc.tuple(run, fc.constantFrom('"', '&', '&quot;', '&amp;')), { maxLength: 40 })
      .map((parts) => parts.flat().join(''))
    fc.assert(
      fc.property(text, run, (body, tail) => {
        const written = `${body}${tail}`.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
        expect(decodeAttribute(written)).toBe(`${body}${tail}`)
      }),
      { numRuns: 500 },
    )
  })
})

describe('a page with several hydration elements', () => {
  it('reads each, whichever of data-target and data-props comes first in its tag', async () => {
    const entries = await dailyEntries()
    const props = (list: unknown[]) =>
      escapeAttribute(JSON.stringify({ dateString: '2026-06-12', dailyPapers: list }))
    const html = [
      '<!DOCTYPE html><html><body>',
      `<div class="SVELTE_HYDRATER" data-target="DailyPapers" data-props="${props(entries.slice(0, 12))}"></div>`,
      `<section data-props="${props(entries.slice(12))}" class="SVELTE_HYDRATER" data-target="DailyPapers"></section>`,
      '</body></html>',
    ].join('\n')
    const parsed = await readImport(html, { fileName: 'two.html', today: '2026-12-06' })
    expect(parsed.format).toBe('hf-saved-html')
    expect(parsed.records).toHaveLength(30)
    expect(parsed.records[12]?.title).toBe(
      'From 2D Grids to 1D Tokens: Reforming Shared Representations for Multimodal Image Fusion',
    )
  })
})

// A real page: huggingface.co/papers/2509.24002 as a scraper fetched it and
// wrote it back with BeautifulSoup's prettify(), which quotes data-props with
// ' and leaves the JSON's quotes bare (source and licence: the fixtures README).
describe('a real paper page, rewritten by BeautifulSoup', () => {
  it('is read from its PaperContent data: one paper, every field the page has', async () => {
    const html = await readFile(resolve(FIXTURES, 'hf-paper-page-bs4-prettified.html'), 'utf8')
    const parsed = await readImport(html, { fileName: 'debug_upvote.html', today: '2026-12-06' })
    expect(parsed.format).toBe('hf-saved-html')
    expect(parsed.skipped).toEqual([])
    expect(parsed.records).toHaveLength(1)
    const paper = parsed.records[0]
    expect(paper).toMatchObject({
      arxivId: '2509.24002',
      // The data wraps the title over two lines; it reads as one.
      title: 'MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use',
      organization: 'National University of Singapore',
      upvotes: 118,
      dailyDate: '2025-10-01',
      published: '2025-09-28',
      githubRepo: 'https://github.com/eval-sys/mcpmark',
      githubStars: 182,
      projectPage: 'https://mcpmark.ai/',
      line: 199,
    })
    expect(paper?.authors).toHaveLength(15)
    expect(paper?.authors.slice(0, 2)).toEqual(['Zijian Wu', 'Xiangyan Liu'])
    expect(paper?.authors.at(-1)).toBe('Michael Qizhe Shieh')
    expect(
      paper?.abstract.startsWith('MCP standardizes how LLMs interact with external systems'),
    ).toBe(true)
    expect(paper?.abstract.endsWith('highlighting the stress-testing nature of MCPMark.')).toBe(
      true,
    )
    expect(paper?.aiSummary?.startsWith('MCPMark is a comprehensive benchmark')).toBe(true)
    expect(paper?.aiKeywords?.slice(0, 3)).toEqual(['MCP', 'LLMs', 'general agents'])
    expect(paper?.links.map((link) => link.url)).toEqual([
      'https://arxiv.org/abs/2509.24002',
      'https://arxiv.org/pdf/2509.24002',
      'https://huggingface.co/papers/2509.24002',
      'https://github.com/eval-sys/mcpmark',
      'https://mcpmark.ai/',
    ])
  })
})
