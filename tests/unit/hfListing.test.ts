import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  ListingFormatError,
  looksLikeHfListing,
  parseHfListing,
  type ParsedListingPaper,
} from '../../src/main/core/imports/hfListing'

const fixture = readFileSync(new URL('../fixtures/hf-daily-papers.txt', import.meta.url), 'utf8')
const fixtureLines = fixture.split('\n')
const parsed = parseHfListing(fixture, { today: '2026-11-26' })

function paper(title: string): ParsedListingPaper {
  const found = parsed.papers.find((p) => p.title === title)
  if (!found) throw new Error(`no paper titled "${title}"`)
  return found
}

const SMALL_LISTING = `Daily Papers

byAK and the research community

Feb 9

A First Hand-Written Paper

We study things. Code at https://github.com/me/first and the project page is https://me.github.io/first/.

  • 3 authors
·
Dec 30 4

Second Paper: Organizations Too

Another abstract, with no links in it.

acme ACME Research Lab
·
Mar 3, 2024
`

describe('parseHfListing on the bundled sample', () => {
  it('finds the 53 papers, no boilerplate, nothing skipped', () => {
    expect(parsed.papers).toHaveLength(53)
    expect(parsed.skipped).toEqual([])
    const titles = parsed.papers.map((p) => p.title)
    for (const boilerplate of [
      'new',
      'Subscribe',
      'Daily Papers',
      'Get trending papers in your email inbox!',
      'byAK and the research community',
      'Feb 9',
    ]) {
      expect(titles).not.toContain(boilerplate)
    }
    expect(titles.slice(0, 3)).toEqual([
      'GenAgent: Scaling Text-to-Image Generation via Agentic Multimodal Reasoning',
      'Can Tool-Integrated Reinforcement Learning Generalize Across Diverse Domains?',
      'Cross-LLM Generalization of Behavioral Backdoor Detection in AI Agent Supply Chains',
    ])
    expect(titles.at(-1)).toBe('Symbolic Discovery of Optimization Algorithms')
    expect(new Set(titles).size).toBe(53)
  })

  it('resolves the page date "Feb 9" against today', () => {
    expect(parsed.pageDate).toBe('2026-02-09')
    expect(parseHfListing(fixture, { today: '2026-02-09' }).pageDate).toBe('2026-02-09')
    const early = parseHfListing(fixture, { today: '2026-01-15' })
    expect(early.pageDate).toBe('2025-02-09')
    // Year-less entry dates follow the page date.
    expect(early.papers[0]?.published).toBe('2025-01-26')
  })

  it('takes a fixed page date from the options', () => {
    const fixed = parseHfListing(fixture, { pageDate: '2026-02-09', today: '2020-01-01' })
    expect(fixed.pageDate).toBe('2026-02-09')
    expect(fixed.papers[0]?.published).toBe('2026-01-26')
  })

  it('keeps titles and abstracts exactly as written', () => {
    for (const p of parsed.papers) {
      expect(fixtureLines[p.line - 1]?.trim()).toBe(p.title)
      expect(p.abstract).toBe(fixtureLines[p.line + 1]?.trim())
    }
    const tool = paper('Tool Learning with Foundation Models')
    const start = fixture.indexOf('Humans possess an extraordinary ability')
    const end =
      fixture.indexOf('integrating tools with foundation models.', start) +
      'integrating tools with foundation models.'.length
    expect(tool.abstract).toBe(fixture.slice(start, end).trim())
    expect(tool.abstract).toHaveLength(1787)
    expect(
      paper('Only-IF:Revealing the Decisive Effect of Instruction Diversity on Generalization')
        .line,
    ).toBe(161)
  })

  it('reads the organization footers', () => {
    expect(paper('Learning to Grasp Anything by Playing with Random Toys')).toMatchObject({
      organization: 'UC Berkeley',
      published: '2025-10-14',
      upvotes: 2,
      line: 113,
    })
    expect(
      paper('On the Tool Manipulation Capability of Open-source Large Language Models'),
    ).toMatchObject({ organization: 'SambaNova', published: '2023-05-25', upvotes: 0, line: 345 })
    expect(paper('PORTool: Tool-Use LLM Training with Rewarded Tree')).toMatchObject({
      organization: 'Apple',
      published: '2025-10-29',
      upvotes: 1,
    })
    expect(paper('PORTool: Tool-Use LLM Training with Rewarded Tree').authorCount).toBeUndefined()
    expect(parsed.papers.filter((p) => p.organization !== undefined)).toHaveLength(3)
    expect(parsed.papers.filter((p) => p.authorCount !== undefined)).toHaveLength(49)
  })

  it('reads author counts, dates and upvotes', () => {
    expect(paper('Tool Learning with Foundation Models')).toMatchObject({
      authorCount: 41,
      published: '2023-04-17',
      upvotes: 0,
      line: 45,
    })
    expect(
      paper(
        'MIGE: A Unified Framework for Multimodal Instruction-Based Image Generation and Editing',
      ),
    ).toMatchObject({ authorCount: 6, published: '2025-02-28', upvotes: 2 })
    expect(
      paper('ToolLLM: Facilitating Large Language Models to Master 16000+ Real-world APIs'),
    ).toMatchObject({ authorCount: 18, published: '2023-07-31', upvotes: 5 })
    expect(
      paper('Cross-LLM Generalization of Behavioral Backdoor Detection in AI Agent Supply Chains'),
    ).toMatchObject({ authorCount: 1, published: '2025-11-24', upvotes: 0 })
    // The last entry ends the file without a newline.
    expect(paper('Symbolic Discovery of Optimization Algorithms')).toMatchObject({
      authorCount: 12,
      published: '2023-02-13',
      upvotes: 1,
      line: 425,
    })
  })

  it('gives year-less dates the year of the page', () => {
    expect(parsed.papers[0]).toMatchObject({
      title: 'GenAgent: Scaling Text-to-Image Generation via Agentic Multimodal Reasoning',
      authorCount: 9,
      published: '2026-01-26',
      upvotes: 0,
      line: 13,
    })
    // "Jan 29 2": no year, 2 upvotes.
    expect(
      paper(
        'Spotlighting Task-Relevant Features: Object-Centric Representations for Better Generalization in Robotic Manipulation',
      ),
    ).toMatchObject({ authorCount: 4, published: '2026-01-29', upvotes: 2 })
  })

  it('imports the entry that has no footer', () => {
    const ada = paper('AdaReasoner: Dynamic Tool Orchestration for Iterative Visual Reasoning')
    expect(ada.line).toBe(85)
    expect(ada.upvotes).toBe(0)
    expect(ada.authorCount).toBeUndefined()
    expect(ada.organization).toBeUndefined()
    expect(ada.published).toBeUndefined()
    expect(ada.abstract.startsWith('When humans face problems')).toBe(true)
    expect(ada.abstract.endsWith('including VSP and Jigsaw.')).toBe(true)
    // The next entry keeps its own footer.
    expect(
      paper(
        'On the generalization capacity of neural networks during generic multimodal reasoning',
      ),
    ).toMatchObject({ authorCount: 5, published: '2024-01-26', line: 89 })
  })

  it('extracts the links of the abstracts', () => {
    expect(
      paper(
        'MIGE: A Unified Framework for Multimodal Instruction-Based Image Generation and Editing',
      ).links,
    ).toEqual([
      {
        label: 'Code · github.com/Eureka-Maggie/MIGE',
        url: 'https://github.com/Eureka-Maggie/MIGE',
        kind: 'code',
      },
    ])
    // The only abstract with two URLs repeats the same one inside braces.
    expect(
      paper('MSGCoOp: Multiple Semantic-Guided Context Optimization for Few-Shot Learning').links,
    ).toEqual([
      {
        label: 'Code · github.com/Rain-Bus/MSGCoOp',
        url: 'https://github.com/Rain-Bus/MSGCoOp',
        kind: 'code',
      },
    ])
    expect(paper('Learning to Grasp Anything by Playing with Random Toys').links).toEqual([
      {
        label: 'Project page · lego-grasp.github.io',
        url: 'https://lego-grasp.github.io/',
        kind: 'project',
      },
    ])
    expect(parsed.papers.filter((p) => p.links.length > 0)).toHaveLength(14)
    expect(paper('Tool Learning with Foundation Models').links).toEqual([])
  })

  it('gives the same result with CRLF line endings and with or without a final newline', () => {
    const crlf = fixture.replace(/\n/g, '\r\n')
    expect(parseHfListing(crlf, { today: '2026-11-26' })).toEqual(parsed)
    expect(parseHfListing(`${fixture}\n`, { today: '2026-11-26' })).toEqual(parsed)
    expect(parseHfListing(`${crlf}\r\n\r\n`, { today: '2026-11-26' })).toEqual(parsed)
  })

  it('normalizes line breaks inside an abstract that spans several lines', () => {
    const wrapped = SMALL_LISTING.replace('Another abstract,', 'Another\nabstract,')
    const lf = parseHfListing(wrapped, { today: '2026-03-01' })
    expect(lf.papers[1]?.abstract).toBe('Another\nabstract, with no links in it.')
    expect(parseHfListing(wrapped.replace(/\n/g, '\r\n'), { today: '2026-03-01' })).toEqual(lf)
    expect(parseHfListing(wrapped.replace(/\n/g, '\r'), { today: '2026-03-01' })).toEqual(lf)
  })

  it('is recognized by the sniffer', () => {
    expect(looksLikeHfListing(fixture)).toBe(true)
    expect(looksLikeHfListing(fixture.replace(/\n/g, '\r\n'))).toBe(true)
  })
})

describe('parseHfListing on other input', () => {
  it('parses a small hand-written listing', () => {
    const result = parseHfListing(SMALL_LISTING, { today: '2026-03-01' })
    expect(result.pageDate).toBe('2026-02-09')
    expect(result.skipped).toEqual([])
    expect(result.papers).toEqual([
      {
        title: 'A First Hand-Written Paper',
        abstract:
          'We study things. Code at https://github.com/me/first and the project page is https://me.github.io/first/.',
        authorCount: 3,
        published: '2025-12-30',
        upvotes: 4,
        links: [
          { label: 'Code · github.com/me/first', url: 'https://github.com/me/first', kind: 'code' },
          {
            label: 'Project page · me.github.io/first',
            url: 'https://me.github.io/first/',
            kind: 'project',
          },
        ],
        line: 7,
      },
      {
        title: 'Second Paper: Organizations Too',
        abstract: 'Another abstract, with no links in it.',
        organization: 'ACME Research Lab',
        published: '2024-03-03',
        upvotes: 0,
        links: [],
        line: 15,
      },
    ])
    expect(looksLikeHfListing(SMALL_LISTING)).toBe(true)
  })

  it('skips a title followed by nothing, with its line', () => {
    const result = parseHfListing(`${fixture}\n\nA Dangling Title\n`, { today: '2026-11-26' })
    expect(result.papers).toHaveLength(53)
    expect(result.skipped).toHaveLength(1)
    expect(result.skipped[0]?.line).toBe(433)
    expect(result.skipped[0]?.reason).toContain('A Dangling Title')
  })

  it('skips a title whose footer follows without an abstract', () => {
    const text = SMALL_LISTING.replace(
      'Second Paper',
      'Lonely Title\n\n  • 2 authors\n·\nJan 3\n\nSecond Paper',
    )
    const result = parseHfListing(text, { today: '2026-03-01' })
    expect(result.papers.map((p) => p.title)).toEqual([
      'A First Hand-Written Paper',
      'Second Paper: Organizations Too',
    ])
    expect(result.skipped).toEqual([{ line: 15, reason: expect.stringContaining('Lonely Title') }])
  })

  it('says nothing was cut off in the whole page', () => {
    expect(parsed.partial).toBeUndefined()
  })

  describe('a copy that stops inside the last paper', () => {
    // The page as copied, up to the last paper's title (line 425), and then
    // `abstractChars` characters of its abstract (line 427), if any.
    const cutAt = (abstractChars: number | undefined): string => {
      const head = fixtureLines.slice(0, 425)
      const abstract = fixtureLines[426] ?? ''
      return abstractChars === undefined
        ? head.join('\n')
        : [...head, '', abstract.slice(0, abstractChars)].join('\n')
    }
    const TITLE = 'Symbolic Discovery of Optimization Algorithms'

    it.each([
      [60, 'We present a method to formulate algorithm discovery as prog'],
      [
        100,
        'We present a method to formulate algorithm discovery as program search, and apply it to discover opt',
      ],
    ])(
      'imports the paper with the %i characters of abstract there are, and says so',
      (chars, abstract) => {
        const result = parseHfListing(cutAt(chars), { today: '2026-11-26' })
        expect(result.papers).toHaveLength(53)
        expect(result.skipped).toEqual([])
        expect(result.papers.at(-1)).toMatchObject({
          title: TITLE,
          abstract,
          line: 425,
          upvotes: 0,
        })
        expect(result.papers.at(-1)?.published).toBeUndefined()
        expect(result.partial).toEqual([
          {
            line: 425,
            reason: `"${TITLE}": the text ends before its author and date line (its abstract may be cut off); imported with the ${abstract.length} characters of abstract that are there, and no authors, date or upvotes`,
          },
        ])
      },
    )

    it('skips the paper when the copy stops at its title', () => {
      const result = parseHfListing(cutAt(undefined), { today: '2026-11-26' })
      expect(result.papers).toHaveLength(52)
      expect(result.partial).toBeUndefined()
      expect(result.skipped).toEqual([
        {
          line: 425,
          reason: `"${TITLE}": the text ends at its title, before its abstract, so it was not imported`,
        },
      ])
    })
  })

  it('throws a plain-words ListingFormatError for text with no entry', () => {
    const lorem = [
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.',
      'Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.',
      'Short line',
      'Curabitur pretium tincidunt lacus. Nulla gravida orci a odio.',
    ].join('\n\n')
    for (const text of ['', '   \n\n\t \r\n', lorem, 'Hello\n\nThis is a note.\n']) {
      expect(() => parseHfListing(text)).toThrow(ListingFormatError)
      expect(looksLikeHfListing(text)).toBe(false)
    }
    expect(() => parseHfListing('')).toThrow(/empty/)
    expect(() => parseHfListing(lorem)).toThrow(/No Daily Papers entries/)
  })

  it('rejects binary input straight away', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256))
    const withNul = bytes.toString('latin1')
    expect(() => parseHfListing(withNul)).toThrow(ListingFormatError)
    expect(() => parseHfListing(withNul)).toThrow(/binary/)
    expect(looksLikeHfListing(withNul)).toBe(false)
    const noNul = Buffer.from(bytes.filter((b) => b !== 0)).toString('utf8')
    expect(noNul.includes('\u0000')).toBe(false)
    expect(() => parseHfListing(noNul)).toThrow(/binary/)
  })

  // No clock here (timings are for `npm run bench`): the parser is one pass over
  // lines and blocks, with no regex that can backtrack; a blow-up on these inputs
  // would hit the suite's timeout.
  it('reads a long page, and a run of near-dates and separators, whole', () => {
    const big = Array.from({ length: 40 }, () => fixture).join('\n\n')
    const many = parseHfListing(big, { today: '2026-11-26' })
    expect(many.papers).toHaveLength(53 * 40)
    // Each later copy's page date ("Feb 9") comes after entries: a date line with no paper.
    expect(many.skipped).toHaveLength(39)
    expect(new Set(many.skipped.map((entry) => entry.reason))).toEqual(
      new Set(['Author or date line without a paper above it']),
    )
    expect(many.papers.slice(-53).map((p) => [p.title, p.abstract, p.published])).toEqual(
      parsed.papers.map((p) => [p.title, p.abstract, p.published]),
    )

    // 100,000 "Jan 1"s on one line are no date line: the block is an abstract, and
    // 50,000 lone separators after it are no footer either.
    const nasty = `Title\n\n${'Jan 1 '.repeat(100_000)}${'. '.repeat(100_000)}\n\n${'·\n'.repeat(50_000)}`
    const odd = parseHfListing(nasty)
    expect(odd.papers.map((p) => [p.title, p.published, p.upvotes])).toEqual([
      ['Title', undefined, 0],
    ])
    expect(odd.papers[0]?.abstract.startsWith('Jan 1 Jan 1')).toBe(true)
  })
})
