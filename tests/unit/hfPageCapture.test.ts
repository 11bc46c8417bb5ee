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

/** What a listing card shows of a paper, in the order the card shows it. */
function cardFields(r: ParsedRecord): unknown[] {
  return [r.arxivId, r.title, r.upvotes, r.organization, r.authorCount, r.published, r.comments]
}

/** What a title must never look like: markup, page furniture, a date. */
const NOT_A_TITLE =
  /\]\[|\]\(|^\[|^#|^```|Content truncated|^Web source$|^[A-Z][a-z]{2} \d{1,2}(, \d{4})?$/

describe('a text-browser dump of a Hugging Face search page', () => {
  it('is recognized as a page capture and gives 34 papers, not 70 records of junk', async () => {
    const parsed = await read('hf-search-lynx-dump.txt')
    expect(parsed.format).toBe('hf-page-capture')
    expect(parsed.records).toHaveLength(34)
    expect(parsed.records.filter((r) => NOT_A_TITLE.test(r.title))).toEqual([])
    expect(parsed.records.map((r) => r.title).slice(0, 3)).toEqual([
      'MURMUR: An Efficient Inference System for Long-Form ASR',
      'Gemini 1.5: Unlocking multimodal understanding across millions of tokens of context',
      'Speech-Aware Long Context Pruning and Integration for Contextualized Automatic Speech Recognition',
    ])
    expect(parsed.records.at(-2)?.title).toBe(
      'Distilling Conversations: Abstract Compression of Conversational Audio Context for LLM-based ASR',
    )
  })

  it('imports the paper the capture cuts off mid-abstract with what is there, and says so', async () => {
    const parsed = await read('hf-search-lynx-dump.txt')
    expect(parsed.skipped).toEqual([])
    expect(parsed.partial).toEqual([
      {
        line: 939,
        reason:
          '"Reducing Distraction in Long-Context Language Models by Focused Learning": the capture ends inside its abstract; imported with the first 123 characters of it, and no authors, date or comments',
      },
    ])
    const cut = titled(parsed, 'Reducing Distraction')
    expect(cut).toMatchObject({
      abstract:
        'Recent advancements in Large Language Models (LLMs) have significantly enhanced their capacity to process long contexts. Ho',
      authors: [],
      upvotes: 1,
    })
    expect([cut.authorCount, cut.published, cut.comments]).toEqual([
      undefined,
      undefined,
      undefined,
    ])
  })

  it('skips a paper the capture cuts off at its title, and says so', async () => {
    const lines = (await readFile(resolve(FIXTURES, 'hf-search-lynx-dump.txt'), 'utf8')).split('\n')
    // The same capture, had the recorder stopped right after the last title.
    const text = [...lines.slice(0, 939), '', '[Content truncated]', '```', ''].join('\n')
    const parsed = await readImport(text, { fileName: 'cut.txt', today: '2026-06-29' })
    expect(parsed.records).toHaveLength(33)
    expect(parsed.partial).toBeUndefined()
    expect(parsed.skipped).toEqual([
      {
        line: 939,
        reason:
          '"Reducing Distraction in Long-Context Language Models by Focused Learning": the capture ends at its title, before its abstract, so it was not imported',
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

// Lines of a real firecrawl capture of a search page (found through the
// code-search index, file id 70793901431; 205 kB, too large to keep whole):
// three entries in order, the last two abstracts shortened to their first
// sentences. Links wrap everything: the upvote button before the title, the
// abstract, the avatars and author count, the comment count after the date.
const FIRECRAWL = String.raw`Oct 2

[101](https://huggingface.co/login?next=%2Fpapers%2F2606.00683)

### [OCC-RAG: Optimal Cognitive Core for Faithful Question Answering](https://huggingface.co/papers/2606.00683)

[Recent progress in the development of language models has been defined by scale, with each generation absorbing more of the world's knowledge into its weights. However, many practical applications benefit more from robust reasoning than from extensive parametric knowledge.](https://huggingface.co/papers/2606.00683)

[![occ-ai](https://cdn-avatars.huggingface.co/v1/production/uploads/661e44cf1d8ffc49b57ba07e/jibWvvUHa3KlYL-tXkek0.png)OCC](https://huggingface.co/occ-ai)

·

May 29[6](https://huggingface.co/papers/2606.00683#community)

[-](https://huggingface.co/login?next=%2Fpapers%2F2502.20581)

### [The Noisy Path from Source to Citation: Measuring How Scholars Engage\  with Past Research](https://huggingface.co/papers/2502.20581)

[Academic citations are widely used for evaluating research and tracing\\
knowledge flows. Such uses typically rely on raw citation counts and neglect\\
variability in citation types.](https://huggingface.co/papers/2502.20581)

[- ![](https://cdn-avatars.huggingface.co/v1/production/uploads/63516acdce7cf1fe8a854cdc/TlOI7iPdG7zJKWyGLoPQN.jpeg)\\
- ![](https://huggingface.co/avatars/1515b197a71d150ddecaf7cd109ac84e.svg)\\
- 3 authors](https://huggingface.co/papers/2502.20581)

·

Feb 27, 2025

[-](https://huggingface.co/login?next=%2Fpapers%2F2609.00319)

### [Sources of Truth: A Multi-Platform, Multilingual Audit of Citations in AI Mental Health Information Queries](https://huggingface.co/papers/2609.00319)

[Online health information seeking is shifting from keyword search, where users consider a ranked list of links, to conversational systems that compose a single answer and curate its citations.](https://huggingface.co/papers/2609.00319)

[- 10 authors](https://huggingface.co/papers/2609.00319)

·

Aug 30
`

describe("a scraper's markdown of a search page, every part a link", () => {
  it('reads ids from the title links, upvotes, organization or author count, date and comments', async () => {
    const parsed = await readImport(`# Daily Papers - Hugging Face\n\n${FIRECRAWL}`, {
      today: '2026-10-02',
    })
    expect(parsed.format).toBe('hf-page-capture')
    expect(parsed.skipped).toEqual([])
    expect(parsed.records.map(cardFields)).toEqual([
      [
        '2606.00683',
        'OCC-RAG: Optimal Cognitive Core for Faithful Question Answering',
        101,
        'OCC',
        undefined,
        '2026-05-29',
        6,
      ],
      [
        '2502.20581',
        'The Noisy Path from Source to Citation: Measuring How Scholars Engage with Past Research',
        0,
        undefined,
        3,
        '2025-02-27',
        undefined,
      ],
      [
        '2609.00319',
        'Sources of Truth: A Multi-Platform, Multilingual Audit of Citations in AI Mental Health Information Queries',
        0,
        undefined,
        10,
        '2026-08-30',
        undefined,
      ],
    ])
    expect(parsed.records[1]?.abstract).toBe(
      'Academic citations are widely used for evaluating research and tracing knowledge flows. Such uses typically rely on raw citation counts and neglect variability in citation types.',
    )
  })
})

// A real jina capture of a paper page (found through the code-search index,
// file id 61473528134, inside a 200 kB research dump of several web pages):
// its two header lines, then the paper's part from the breadcrumb to the
// community thread; the site navigation between them left out and the
// upvoters' avatar list cut to its first line, the rest as captured.
const PAPER_PAGE = String.raw`[3] Title: Paper page - FAN: Fourier Analysis Networks
[3] URL Source: https://huggingface.co/papers/2410.02675

[Papers](https://huggingface.co/papers)

arxiv:2410.02675 

Copy markdown

# FAN: Fourier Analysis Networks

Published on Oct 3, 2024

·Submitted by[![Image 3](https://cdn-avatars.huggingface.co/v1/production/uploads/64d98ef7a4839890b25eb78b/215-CSVLl81z6CAq0ECWU.jpeg) Fangyuan Yu](https://huggingface.co/Ksgk-fy)on Oct 8, 2024

[- [x] Upvote 29](https://huggingface.co/login?next=%2Fpapers%2F2410.02675)
*   [![Image 4](https://cdn-avatars.huggingface.co/v1/production/uploads/64d98ef7a4839890b25eb78b/215-CSVLl81z6CAq0ECWU.jpeg)](https://huggingface.co/Ksgk-fy "Ksgk-fy")
*   +21

Authors:

![Image 12](https://huggingface.co/avatars/3acd3868232067289fad69db6c32cf87.svg)[Yihong Dong](https://huggingface.co/dongyh) ,

![Image 13](https://huggingface.co/avatars/ecc2874e612d0aed357d072427faf21a.svg)[Ge Li](https://huggingface.co/ligechina) ,

![Image 14](https://cdn-avatars.huggingface.co/v1/production/uploads/664b3aebfe822b08e62357f0/keEfUHXnkfwZ4o7588VdC.jpeg)[Yongding Tao](https://huggingface.co/YongdingTao) ,

Xue Jiang ,

![Image 15](https://huggingface.co/avatars/c7b3cf80a9a1c78802faa97b569aba4c.svg)[Kechi Zhang](https://huggingface.co/zkcpku) ,

Jia Li ,

Jing Su ,

Jun Zhang ,

![Image 16](https://huggingface.co/avatars/395710d328a824a8a84f4b78babe5809.svg)[Jingjing Xu](https://huggingface.co/Jingjingxu)

## Abstract

A new Fourier-based network architecture, FAN, efficiently models periodic phenomena with fewer parameters and demonstrates superior performance across various tasks.

 Generated by [Qwen/Qwen2.5-Coder-32B-Instruct](https://huggingface.co/Qwen/Qwen2.5-Coder-32B-Instruct)

Despite the remarkable success achieved by neural networks, particularly those represented by MLP and Transformer, we reveal that they exhibit potential flaws in the modeling and reasoning of periodicity, i.e., they tend to memorize the periodic data rather than genuinely understanding the underlying principles of periodicity. However, periodicity is a crucial trait in various forms of reasoning and generalization, underpinning predictability across natural and engineered systems through recurring patterns in observations. In this paper, we propose [FAN](https://huggingface.co/papers?q=FAN), a novel network architecture based on [Fourier Analysis](https://huggingface.co/papers?q=Fourier%20Analysis), which empowers the ability to efficiently model and reason about [periodic phenomena](https://huggingface.co/papers?q=periodic%20phenomena). By introducing [Fourier Series](https://huggingface.co/papers?q=Fourier%20Series), the periodicity is naturally integrated into the structure and computational processes of the neural network, thus achieving a more accurate expression and prediction of periodic patterns. As a promising substitute to multi-layer perceptron (MLP), [FAN](https://huggingface.co/papers?q=FAN) can seamlessly replace MLP in various models with fewer parameters and FLOPs. Through extensive experiments, we demonstrate the effectiveness of [FAN](https://huggingface.co/papers?q=FAN) in modeling and reasoning about periodic functions, and the superiority and generalizability of [FAN](https://huggingface.co/papers?q=FAN) across a range of real-world tasks, including [symbolic formula representation](https://huggingface.co/papers?q=symbolic%20formula%20representation), time series forecasting, and [language modeling](https://huggingface.co/papers?q=language%20modeling).

[View arXiv page](https://arxiv.org/abs/2410.02675)[View PDF](https://arxiv.org/pdf/2410.02675)[GitHub 264 auto](https://github.com/yihongdong/fan)[Add to collection](https://huggingface.co/login?next=%2Fpapers%2F2410.02675)

### Community
`

describe('a markdown capture of a single paper page', () => {
  it('gives the paper with names, dates, upvotes, code, and the AI summary apart from the abstract', async () => {
    const parsed = await readImport(PAPER_PAGE, { today: '2026-06-29' })
    expect(parsed.format).toBe('hf-page-capture')
    expect(parsed.records).toHaveLength(1)
    const fan = parsed.records[0]
    expect(fan).toMatchObject({
      arxivId: '2410.02675',
      title: 'FAN: Fourier Analysis Networks',
      published: '2024-10-03',
      dailyDate: '2024-10-08',
      upvotes: 29,
      githubRepo: 'https://github.com/yihongdong/fan',
      githubStars: 264,
      aiSummary:
        'A new Fourier-based network architecture, FAN, efficiently models periodic phenomena with fewer parameters and demonstrates superior performance across various tasks.',
      authors: [
        'Yihong Dong',
        'Ge Li',
        'Yongding Tao',
        'Xue Jiang',
        'Kechi Zhang',
        'Jia Li',
        'Jing Su',
        'Jun Zhang',
        'Jingjing Xu',
      ],
    })
    expect(
      fan?.abstract.startsWith('Despite the remarkable success achieved by neural networks'),
    ).toBe(true)
    expect(fan?.abstract).toContain(
      'In this paper, we propose FAN, a novel network architecture based on Fourier Analysis,',
    )
    expect(fan?.abstract.endsWith('time series forecasting, and language modeling.')).toBe(true)
  })
})

// A real plain-text export of a search page that puts every link's URL on a
// line of its own (a notebook tool's "web_page" export, found through the
// code-search index, file id 61121252562; 175 kB): its heading, then two of
// its entries as captured, each with the lines around it.
const URL_LINES = String.raw`# Daily Papers - Hugging Face
Daily Papers - Hugging Face

https://huggingface.co/papers/date/2026-03-24

Mar 25

 [-] 1

https://huggingface.co/login?next=%2Fpapers%2F2410.05434

Better than Your Teacher: LLM Agents that learn from Privileged AI Feedback

https://huggingface.co/papers/2410.05434

While large language models (LLMs) show impressive decision-making abilities, current methods lack a mechanism for automatic self-improvement from errors during task execution. We propose LEAP, an iterative fine-tuning framework that continually improves LLM agents using feedback from AI expert teachers. Our key insight is to equip the expert teachers with a privileged state -- information that is available during training but hidden at test time. This allows even weak experts to provide precise guidance, significantly improving the student agent's performance without access to privileged information at test time. We evaluate LEAP on diverse decision-making benchmarks, including text-based games (ALFWorld), web navigation (WebShop), and interactive coding ( Intercode Bash). Our experiments show that LEAP (1) outperforms behavior cloning and ReAct baselines (2) enables weak student models (e.g., Llama3-8B) to exceed the performance of strong teacher models (GPT4-o), and (3) allows weak models to self-improve using privileged versions of themselves. We also provide a theoretical analysis showing that LEAP's success hinges on balancing privileged information with the student's realizability, which we empirically validate. Our code is available at https://leap-llm.github.io

https://huggingface.co/papers/2410.05434

[

2 authors](https://huggingface.co/papers/2410.05434)

·

Oct 7, 2024

 [-] 5

https://huggingface.co/login?next=%2Fpapers%2F2510.21057

Soft Instruction De-escalation Defense

https://huggingface.co/papers/2510.21057

Large Language Models (LLMs) are increasingly deployed in agentic systems that interact with an external environment; this makes them susceptible to prompt injections when dealing with untrusted data. To overcome this limitation, we propose SIC (Soft Instruction Control)-a simple yet effective iterative prompt sanitization loop designed for tool-augmented LLM agents. Our method repeatedly inspects incoming data for instructions that could compromise agent behavior. If such content is found, the malicious content is rewritten, masked, or removed, and the result is re-evaluated. The process continues until the input is clean or a maximum iteration limit is reached; if imperative instruction-like content remains, the agent halts to ensure security. By allowing multiple passes, our approach acknowledges that individual rewrites may fail but enables the system to catch and correct missed injections in later steps. Although immediately useful, worst-case analysis shows that SIC is not infallible; strong adversary can still get a 15% ASR by embedding non-imperative workflows. This nonetheless raises the bar.

https://huggingface.co/papers/2510.21057

 

https://huggingface.co/papers/2510.21057

 Google

https://huggingface.co/google

·

Oct 23, 2025 

1

https://huggingface.co/papers/2510.21057#community

 [-] 74
`

describe('a plain-text export with every URL on a line of its own', () => {
  it('takes the line between the upvote URL and the paper URL as the title, and no URL as a title', async () => {
    const parsed = await readImport(URL_LINES, { today: '2026-03-25' })
    expect(parsed.format).toBe('hf-page-capture')
    expect(parsed.skipped).toEqual([])
    expect(parsed.records.map(cardFields)).toEqual([
      [
        '2410.05434',
        'Better than Your Teacher: LLM Agents that learn from Privileged AI Feedback',
        1,
        undefined,
        2,
        '2024-10-07',
        undefined,
      ],
      [
        '2510.21057',
        'Soft Instruction De-escalation Defense',
        5,
        'Google',
        undefined,
        '2025-10-23',
        1,
      ],
    ])
    expect(
      parsed.records[0]?.abstract.endsWith('Our code is available at https://leap-llm.github.io'),
    ).toBe(true)
    expect(parsed.records[1]?.abstract.endsWith('This nonetheless raises the bar.')).toBe(true)
  })
})
