// The Hugging Face API's JSON, as three real responses recorded in public
// repositories (compact and pretty-printed), through readImport: recognized
// by its shape before CSL-JSON, every field a user sees in the paper pane.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hfApiRecords, parseHfApiJson } from '../../src/main/core/imports/hf/apiJson'
import type { ParsedImport, ParsedRecord } from '../../src/main/core/imports/parsedRecord'
import { readImport } from '../../src/main/core/imports/readImport'

const FIXTURES = resolve(__dirname, '../fixtures/formats')

async function read(name: string): Promise<ParsedImport> {
  return readImport(await readFile(resolve(FIXTURES, name), 'utf8'), {
    fileName: name,
    today: '2026-12-06',
  })
}

function paper(parsed: ParsedImport, arxivId: string): ParsedRecord {
  const record = parsed.records.find((r) => r.arxivId === arxivId)
  if (record === undefined) throw new Error(`no paper ${arxivId}`)
  return record
}

describe('Hugging Face API JSON (/api/daily_papers)', () => {
  it('reads all 30 papers of the day of Jun 12, 2026, and skips nothing', async () => {
    const parsed = await read('hf-api-daily-papers-2026-06-12.json')
    expect(parsed.format).toBe('hf-api-json')
    expect(parsed.records).toHaveLength(30)
    expect(parsed.skipped).toEqual([])
    expect(parsed.records.map((r) => r.dailyDate)).toEqual(Array(30).fill('2026-06-12'))
  })

  it('gives a paper its id, names, organization, counts, dates, code, AI summary and keywords', async () => {
    const parsed = await read('hf-api-daily-papers-2026-06-12.json')
    const msa = paper(parsed, '2606.13392')
    expect(msa).toMatchObject({
      title: 'MiniMax Sparse Attention',
      organization: 'MiniMax',
      upvotes: 103,
      comments: 4,
      dailyDate: '2026-06-12',
      published: '2026-06-11',
      githubRepo: 'https://github.com/MiniMax-AI/MSA',
      githubStars: 251,
      aiSummary:
        'MiniMax Sparse Attention enables efficient processing of ultra-long contexts in large language models through blockwise sparsity and optimized GPU execution, achieving significant speedups while maintaining performance.',
      aiKeywords: [
        'sparse attention',
        'Grouped Query Attention',
        'Top-k selection',
        'blockwise sparse attention',
        'tensor-core utilization',
        'prefill',
        'decoding',
        'attention compute',
        'context length',
      ],
    })
    expect(msa.authors).toEqual([
      'Xunhao Lai',
      'Weiqi Xu',
      'Yufeng Yang',
      'Qiaorui Chen',
      'Yang Xu',
      'Lunbin Zeng',
      'Xiaolong Li',
      'Haohai Sun',
      'Haichao Zhu',
      'Vito Zhang',
      'Pengyu Zhao',
    ])
    expect(msa.abstract.startsWith('Ultra-long-context capability is becoming indispensable')).toBe(
      true,
    )
    expect(msa.abstract.endsWith('https://huggingface.co/MiniMaxAI/MiniMax-M3.')).toBe(true)
    // The AI summary is its own field: the authors' abstract does not contain it.
    expect(msa.abstract).not.toContain('enables efficient processing of ultra-long contexts')
    expect(msa.links.map((l) => l.url)).toEqual([
      'https://arxiv.org/abs/2606.13392',
      'https://arxiv.org/pdf/2606.13392',
      'https://huggingface.co/papers/2606.13392',
      'https://github.com/MiniMax-AI/MSA',
      'https://huggingface.co/MiniMaxAI/MiniMax-M3',
    ])
  })

  it('takes the Daily Papers day from submittedOnDailyAt, not the entry time of the evening before', async () => {
    // The entry's own publishedAt is 2026-05-29T20:00Z, the day before the
    // paper's 2026-05-30; the paper was on Daily Papers on Jun 12.
    const parsed = await read('hf-api-daily-papers-2026-06-12.json')
    expect(paper(parsed, '2606.00467')).toMatchObject({
      published: '2026-05-30',
      dailyDate: '2026-06-12',
      organization: 'California institute of technology',
      authors: ['Etienne Casanova', 'Rafal Kocielnik', 'R. Michael Alvarez'],
      comments: 2,
      upvotes: 0,
    })
  })

  it('keeps a project page without a repository as a project link', async () => {
    const parsed = await read('hf-api-daily-papers-2026-06-12.json')
    const record = paper(parsed, '2606.13594')
    expect(record.projectPage).toBe('https://chicychen.github.io/dense-hetero-latent-mas/')
    expect(record.githubRepo).toBeUndefined()
    expect(record.githubStars).toBeUndefined()
    expect(record.links.find((l) => l.kind === 'project')?.url).toBe(
      'https://chicychen.github.io/dense-hetero-latent-mas/',
    )
  })

  it('reads a pretty-printed response the same way (3 papers of May 8, 2026)', async () => {
    const parsed = await read('hf-api-daily-papers-pretty.json')
    expect(parsed.format).toBe('hf-api-json')
    expect(
      parsed.records.map((r) => [r.arxivId, r.title, r.upvotes, r.comments, r.dailyDate]),
    ).toEqual([
      [
        '2605.05242',
        'Beyond Semantic Similarity: Rethinking Retrieval for Agentic Search via Direct Corpus Interaction',
        86,
        3,
        '2026-05-08',
      ],
      ['2605.06548', 'Continuous Latent Diffusion Language Model', 68, 6, '2026-05-08'],
      [
        '2605.06130',
        'Skill1: Unified Evolution of Skill-Augmented Agents via Reinforcement Learning',
        67,
        2,
        '2026-05-08',
      ],
    ])
    expect(parsed.records[0]?.authors).toHaveLength(19)
    expect(parsed.records[0]).toMatchObject({ organization: 'TIGER-Lab', githubStars: 101 })
  })

  it('keeps Greek letters of titles and leaves absent AI fields absent', async () => {
    const parsed = await read('hf-api-daily-papers-2026-07.json')
    expect(parsed.records.map((r) => r.title)).toEqual([
      'OmniScope: Modality-Decoupled Token Compression for Omnimodal Large Language Models',
      'Σ-Mem: An Online Reliability Memory for LLM-based Multi-Agent Systems',
      'β-OPSD: Deriving with Policy Optimization, Training with Self-Distillation',
      'Beyond Geometric Complementarity: Coherent Overlap in Sparse Mixture-of-Experts Routing',
      'Pedestrian Archetypes Extension -- More Pedestrian Models for Autonomous Vehicle Safety Testing',
    ])
    expect(
      parsed.records.every((r) => r.aiSummary === undefined && r.aiKeywords === undefined),
    ).toBe(true)
    expect(paper(parsed, '2607.28582').organization).toBe("Furong Huang's Lab at UMD")
  })

  it('reads one /api/papers/{id} object, and the value the online fetch hands over', () => {
    const single = {
      id: '2606.13392',
      title: 'MiniMax Sparse Attention',
      summary: 'Blockwise sparse\nattention.',
      authors: [{ name: 'Xunhao Lai' }],
      publishedAt: '2026-06-11T00:00:00.000Z',
      submittedOnDailyAt: '2026-06-12T00:00:00.000Z',
      upvotes: 103,
      discussionId: 'x',
    }
    const { records, skipped } = hfApiRecords(single)
    expect(skipped).toEqual([])
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      arxivId: '2606.13392',
      abstract: 'Blockwise sparse attention.',
      authors: ['Xunhao Lai'],
      dailyDate: '2026-06-12',
      published: '2026-06-11',
      upvotes: 103,
    })
  })

  it('skips an entry that is not a paper, with its position, and keeps the rest', () => {
    const { records, skipped } = hfApiRecords([
      { paper: { id: '2606.00001', title: 'A paper', summary: 'Text.' } },
      { paper: { id: '2606.00002', summary: 'No title.' } },
      'junk',
    ])
    expect(records.map((r) => r.title)).toEqual(['A paper'])
    expect(skipped.map((s) => s.reason)).toEqual([
      'Entry 2: it is not a Hugging Face paper (no title)',
      'Entry 3: it is not an object',
    ])
  })

  it('reads entries whose texts hold quotes, backslashes and brackets as written', () => {
    const text = JSON.stringify([
      { paper: { id: '2606.00001', title: 'Quotes "]}, { inside', summary: 'A path C:\\' } },
      { paper: { id: '2606.00002', title: 'Brackets [[x]] and {y}', summary: '\\"' } },
    ])
    expect(parseHfApiJson(text).records.map((r) => [r.title, r.abstract])).toEqual([
      ['Quotes "]}, { inside', 'A path C:\\'],
      ['Brackets [[x]] and {y}', '\\"'],
    ])
  })

  it('says where an answer cut off in its second entry stops being JSON, counted in the whole text', () => {
    const cut = '[{"paper":{"id":"2606.00001","title":"A paper"}},{"paper":{"id":"2606.0'
    expect(() => parseHfApiJson(cut)).toThrow(
      'it looks like Hugging Face API JSON but is not valid JSON (Unterminated string in JSON at position 71)',
    )
    const broken = '[{"paper":{"id":"2606.00001","title":"A paper"}},{"paper":{"id":2606.x}}]'
    expect(() => parseHfApiJson(broken)).toThrow(
      'it looks like Hugging Face API JSON but is not valid JSON (Unterminated fractional number in JSON at position 69)',
    )
  })
})
