// Deterministic synthetic libraries for the benchmark: titles and abstracts of
// real length and vocabulary (recombined from the Daily Papers fixture),
// authors, tags, collections, and notes of 1–5 KB on 10% of the papers.
import { readFileSync } from 'node:fs'
import type { Collection, Note, Paper } from '../../src/shared/model'
import { parseHfListing } from '../../src/main/core/imports/hfListing'
import { LibraryStore } from '../../src/main/core/store/libraryStore'

const FIXTURE = new URL('../fixtures/hf-daily-papers.txt', import.meta.url)

/** mulberry32: a tiny seeded PRNG, so every run builds the same library. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Corpus {
  titleWords: string[]
  sentences: string[]
}

let corpus: Corpus | undefined

export function fixtureCorpus(): Corpus {
  if (corpus !== undefined) return corpus
  const listing = parseHfListing(readFileSync(FIXTURE, 'utf8'), { pageDate: '2026-02-09' })
  const titleWords = listing.papers.flatMap((paper) => paper.title.split(/\s+/))
  const sentences = listing.papers.flatMap((paper) =>
    paper.abstract.split(/(?<=\.)\s+/).filter((sentence) => sentence.length > 20),
  )
  corpus = { titleWords, sentences }
  return corpus
}

const FIRST_NAMES = [
  'Ada',
  'Yann',
  'Fei',
  'Geoffrey',
  'Daphne',
  'Andrew',
  'Mira',
  'Ilya',
  'Chen',
  'Priya',
  'Omar',
  'Sara',
  'Kenji',
  'Lena',
  'Tomás',
  'Aisha',
]
const LAST_NAMES = [
  'Lovelace',
  'Li',
  'Hinton',
  'Koller',
  'Ng',
  'Murati',
  'Sutskever',
  'Wang',
  'Patel',
  'Haddad',
  'Nguyen',
  'Tanaka',
  'Müller',
  'García',
  'Okafor',
  'Kim',
]
const TAGS = [
  'tool-use',
  'rl',
  'robotics',
  'retrieval',
  'survey',
  'benchmark',
  'vision',
  'reasoning',
  'agents',
  'to-read',
  'important',
  'reproduce',
]

export interface SyntheticLibrary {
  papers: Paper[]
  notes: Note[]
  collections: Collection[]
}

export function synthesize(count: number, seed = 42): SyntheticLibrary {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const { titleWords, sentences } = fixtureCorpus()
  const papers: Paper[] = []
  const notes: Note[] = []
  const stamp = '2026-02-10T00:00:00.000Z'
  for (let i = 0; i < count; i++) {
    const titleLength = 6 + Math.floor(random() * 10)
    const title = Array.from({ length: titleLength }, () => pick(titleWords)).join(' ')
    const abstract = Array.from({ length: 6 + Math.floor(random() * 6) }, () =>
      pick(sentences),
    ).join(' ')
    const authorCount = 1 + Math.floor(random() * 12)
    const year = 2015 + Math.floor(random() * 12)
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0')
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0')
    const id = `p${seed}-${i.toString(36)}`
    papers.push({
      id,
      title,
      abstract,
      authors: Array.from(
        { length: Math.min(authorCount, 6) },
        () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
      ),
      authorCount,
      published: `${year}-${month}-${day}`,
      arxivId: `${String(year).slice(2)}${month}.${String(10000 + i).slice(-5)}`,
      links:
        random() < 0.3
          ? [
              {
                label: `Code · github.com/lab/${id}`,
                url: `https://github.com/lab/${id}`,
                kind: 'code',
              },
            ]
          : [],
      upvotes: Math.floor(random() * 40),
      tags:
        random() < 0.5
          ? [pick(TAGS), pick(TAGS)].filter((tag, index, all) => all.indexOf(tag) === index)
          : [],
      status: random() < 0.6 ? 'unread' : random() < 0.5 ? 'reading' : 'read',
      starred: random() < 0.05,
      addedAt: stamp,
      updatedAt: stamp,
      source: {
        format: 'hf-daily-papers',
        fileName: 'synthetic.txt',
        importedAt: stamp,
        line: i + 1,
      },
    })
    if (random() < 0.1) {
      const target = 1024 + Math.floor(random() * 4096)
      let body = `# Notes on ${title}\n\n`
      while (body.length < target) body += `- ${pick(sentences)}\n`
      notes.push({
        id: `n${seed}-${i.toString(36)}`,
        paperId: id,
        title,
        body,
        createdAt: stamp,
        updatedAt: stamp,
      })
    }
  }
  const collections: Collection[] = Array.from({ length: 40 }, (_, c) => ({
    id: `c${seed}-${c}`,
    name: `Collection ${c}`,
    ...(c >= 10 ? { parentId: `c${seed}-${c % 10}` } : {}),
    position: c,
    paperIds: papers.filter(() => random() < 0.02).map((paper) => paper.id),
    createdAt: stamp,
    updatedAt: stamp,
  }))
  return { papers, notes, collections }
}

/** Writes a synthetic library into `dir` through the real store, fully checkpointed. */
export async function writeSyntheticLibrary(dir: string, library: SyntheticLibrary): Promise<void> {
  const store = await LibraryStore.open(dir, { checkpointDelayMs: 60_000 })
  const BATCH = 5000
  for (let start = 0; start < library.papers.length; start += BATCH) {
    await store.commit({ papers: { put: library.papers.slice(start, start + BATCH) } })
    await store.flush() // keeps the journal small while generating
  }
  await store.commit({ notes: { put: library.notes }, collections: { put: library.collections } })
  await store.close()
}
