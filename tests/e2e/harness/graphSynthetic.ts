// A synthetic library for the graph views at scale: the bench's synthetic
// papers, each given one of a few dozen topics (its title and abstract drawn
// mostly from one Daily Papers fixture paper's words, as a field's papers share
// a vocabulary), so the map has real clusters; and each tenth with a note
// linking three papers further on, so the map has link edges beside its
// similar-paper edges.
import { readFileSync } from 'node:fs'
import { parseHfListing } from '../../../src/main/core/imports/hfListing'
import { formatWikiLink } from '../../../src/shared/text/wikiLinks'
import { seededRandom, synthesize, type SyntheticLibrary } from '../../bench/syntheticLibrary'

const FIXTURE = new URL('../../fixtures/hf-daily-papers.txt', import.meta.url)
/** How many topics the papers are drawn from (each one fixture paper's words). */
export const SYNTHETIC_TOPICS = 30
/** The share of a paper's words and sentences from its own topic; the rest from any. */
const ON_TOPIC = 0.8

interface Topic {
  words: string[]
  sentences: string[]
}

function topics(): Topic[] {
  const listing = parseHfListing(readFileSync(FIXTURE, 'utf8'), { pageDate: '2026-02-09' })
  return listing.papers.slice(0, SYNTHETIC_TOPICS).map((paper) => ({
    words: `${paper.title} ${paper.abstract}`.split(/\s+/).filter((word) => word.length > 3),
    sentences: paper.abstract.split(/(?<=\.)\s+/).filter((sentence) => sentence.length > 20),
  }))
}

/** Paper i is of topic i mod SYNTHETIC_TOPICS. */
function topical(library: SyntheticLibrary): SyntheticLibrary {
  const random = seededRandom(11)
  const all = topics()
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const from = (own: Topic): Topic => (random() < ON_TOPIC ? own : pick(all))
  const papers = library.papers.map((paper, i) => {
    const own = all[i % all.length] ?? pick(all)
    const title = paper.title
      .split(' ')
      .map(() => pick(from(own).words))
      .join(' ')
    const sentences = paper.abstract.split(/(?<=\.)\s+/).length
    const abstract = Array.from({ length: sentences }, () => pick(from(own).sentences)).join(' ')
    return { ...paper, title, abstract }
  })
  const titles = new Map(papers.map((paper) => [paper.id, paper.title]))
  const notes = library.notes.map((note) => ({
    ...note,
    title: titles.get(note.paperId ?? '') ?? note.title,
  }))
  return { ...library, papers, notes }
}

export function linkedSynthetic(count: number): SyntheticLibrary {
  const library = topical(synthesize(count))
  const { papers } = library
  const notes = library.notes.map((note, i) => {
    const at = papers.findIndex((paper) => paper.id === note.paperId)
    const links = [1, 7, 31].map((step) => {
      const target = papers[(at + step * (i + 1)) % papers.length]
      return target === undefined ? '' : formatWikiLink('paper', target.id, target.title)
    })
    return { ...note, body: `${note.body}\nSee ${links.join(', ')}.\n` }
  })
  return { ...library, notes }
}
