// Hugging Face papers pages as people capture them without the browser's
// copy: a text browser's dump of a search page (numbered reference links, the
// upvotes before each title, wrapped `###` titles, a `[Content truncated]`
// end) and a scraper's markdown of the trending page (every paper twice, the
// AI summary on the card). Both are real captures kept unchanged.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ParsedImport, ParsedRecord } from '../../src/main/core/imports/parsedRecord'
import { readImport } from '../../src/main/core/imports/readImport'

const FIXTURES = resolve(__dirname, '../fixtures/formats')

async function read(name: string, today = '2026-06-29'): Promise<ParsedImport> {
  return readImport(await readFile(resolve(FIXTURES, name), 'utf8'), { fileName: name, today })
}

function titled(parsed: ParsedImport, start: string): ParsedRecord {
  const record = parsed.records.find((r) => r.title.startsWith(start))
  if (record === undefined) throw new Error(`no paper "${start}"`)
  return record
}

/** What a title must never look like: markup, page furniture, a date. */
const NOT_A_TITLE =
  /\]\[|\]\(|^\[|^#|^```|Content truncated|^Web source$|^[A-Z][a-z]{2} \d{1,2}(, \d{4})?$/

describe('a text-browser dump of a Hugging Face search page', () => {
  it('is recognized as a page capture and gives 33 papers, not 70 records of junk', async () => {
    const parsed = await read('hf-search-lynx-dump.txt')
    expect(parsed.format).toBe('hf-page-capture')
    expect(parsed.records).toHaveLength(33)
    expect(parsed.records.filter((r) => NOT_A_TITLE.test(r.title))).toEqual([])
    expect(parsed.records.map((r) => r.title).slice(0, 3)).toEqual([
      'MURMUR: An Efficient Inference System for Long-Form ASR',
      'Gemini 1.5: Unlocking multimodal understanding across millions of tokens of context',
      'Speech-Aware Long Context Pruning and Integration for Contextualized Automatic Speech Recognition',
    ])
    expect(parsed.records.at(-1)?.title).toBe(
      'Distilling Conversations: Abstract Compression of Conversational Audio Context for LLM-based ASR',
    )
  })

  it('skips the paper the capture cuts off mid-abstract, and says so', async () => {
    const parsed = await read('hf-search-lynx-dump.txt')
    expect(parsed.skipped).toEqual([
      {
        line: 939,
        reason:
          '"Reducing Distraction in Long-Context Language Models by Focused Learning": the capture ends inside this paper (its abstract is cut off), so it was not imported',
      },
    ])
  })

  it('gives each paper the upvotes shown before its title, its author count, date and comments', async () => {
    const parsed = await read('hf-search-lynx-dump.txt')
    const gemini = titled(parsed, 'Gemini 1.5')
    expect(gemini).toMatchObject({
      upvotes: 65,
      authorCount: 671,
      published: '2024-03-08',
      comments: 6,
    })
    expect(
      gemini.abstract.startsWith(
        'In this report, we present the latest model of the Gemini family,',
      ),
    ).toBe(true)
    expect(
      gemini.abstract.endsWith('at a similar level to a person who learned from the same content.'),
    ).toBe(true)
    expect(titled(parsed, 'MURMUR')).toMatchObject({
      upvotes: 0,
      authorCount: 3,
      published: '2026-05-30',
    })
    expect(titled(parsed, 'LongRoPE')).toMatchObject({
      upvotes: 116,
      comments: 20,
      published: '2024-02-21',
    })
  })

  it('reads an organization in place of the author count', async () => {
    const parsed = await read('hf-search-lynx-dump.txt')
    const vibe = titled(parsed, 'VIBEVOICE-ASR Technical Report')
    expect(vibe).toMatchObject({
      organization: 'Microsoft',
      upvotes: 24,
      published: '2026-03-13',
      comments: 3,
    })
    expect(vibe.authorCount).toBeUndefined()
    expect(titled(parsed, 'Distilling Conversations').organization).toBe('Idiap Research Institute')
  })

  it('joins a title the text browser wrapped over two ### lines', async () => {
    const parsed = await read('hf-search-lynx-dump.txt')
    expect(titled(parsed, 'KV Cache Compression').title).toBe(
      'KV Cache Compression, But What Must We Give in Return? A Comprehensive Benchmark of Long Context Capable Approaches',
    )
    expect(titled(parsed, 'Selecting Influential Samples').title).toBe(
      "Selecting Influential Samples for Long Context Alignment via Homologous Models' Guidance and Contextual Awareness Measurement",
    )
  })
})

describe("a scraper's markdown of the trending page", () => {
  it('lists every paper twice; each is imported once (50 of 100 entries)', async () => {
    const parsed = await read('hf-trending-markdown.md', '2026-01-20')
    expect(parsed.format).toBe('hf-page-capture')
    expect(parsed.records).toHaveLength(50)
    expect(parsed.skipped).toEqual([])
    expect(new Set(parsed.records.map((r) => r.title)).size).toBe(50)
    expect(parsed.records.filter((r) => NOT_A_TITLE.test(r.title))).toEqual([])
  })

  it('keeps the one-sentence card text as the AI summary, never as the abstract', async () => {
    const parsed = await read('hf-trending-markdown.md', '2026-01-20')
    const lightning = titled(parsed, 'Agent Lightning')
    expect(lightning).toMatchObject({
      title: 'Agent Lightning: Train ANY AI Agents with Reinforcement Learning',
      abstract: '',
      aiSummary:
        'Agent Lightning is a flexible RL framework for training LLMs in various agents, using a hierarchical RL algorithm and decoupling execution from training to handle complex interactions.',
      authorCount: 8,
      githubRepo: 'https://github.com/microsoft/agent-lightning',
      githubStars: 11300,
    })
    // A card that shows the authors' abstract (several sentences) keeps it as the abstract.
    const simpleMem = titled(parsed, 'SimpleMem')
    expect(simpleMem.aiSummary).toBeUndefined()
    expect(simpleMem.abstract.startsWith('To support reliable long-term interaction')).toBe(true)
    expect(
      simpleMem.abstract.endsWith('Code is available at https://github.com/aiming-lab/SimpleMem.'),
    ).toBe(true)
  })

  it('joins titles wrapped onto an indented line and reads stars without a k', async () => {
    const parsed = await read('hf-trending-markdown.md', '2026-01-20')
    expect(titled(parsed, 'SmolDocling').title).toBe(
      'SmolDocling: An ultra-compact vision-language model for end-to-end multi-modal document conversion',
    )
    expect(titled(parsed, 'OmniTransfer')).toMatchObject({
      githubRepo: 'https://github.com/PangzeCheung/OmniTransfer',
      githubStars: 84,
    })
    expect(titled(parsed, 'ShapeR').authorCount).toBeUndefined()
  })
})
