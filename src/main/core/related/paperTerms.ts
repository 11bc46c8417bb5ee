// What a paper is about, as counted words: the terms the related-papers index
// compares. Words are case-folded, stripped of accents, stemmed (Porter, so
// "robotic", "robots" and "robot" are one term) and filtered of words that say
// nothing about a topic: English function words and the boilerplate every
// abstract uses ("we propose a novel method that achieves state-of-the-art").
import { stemmer } from 'stemmer'

/** Title words count this many times: a title says what a paper is about. */
const TITLE_WEIGHT = 3
/** A pair of words counts this much of a word: it sharpens, words still decide. */
const PAIR_WEIGHT = 0.5

const STOPWORDS = new Set(
  // English function words
  (
    'a about above after again against all also although am an and any are as at be because ' +
    'been before being below between both but by can could did do does doing down during each ' +
    'either else even ever every few for from further had has have having he her here hers how ' +
    'however i if in into is it its itself just least less like may me might more most much ' +
    'must my neither no nor not now of off often on once one only or other our ours out over ' +
    'own per rather same several she should since so some still such than that the their them ' +
    'then there these they this those though through thus to too toward towards two under ' +
    'until up upon us very via was we were what when where whether which while who whom whose ' +
    'why will with within without would yet you your ' +
    // what every abstract says
    'able achieve achieves achieved across address addresses approach approaches based ' +
    'demonstrate demonstrates demonstrated effective effectively enable enables existing ' +
    'experiment experiments experimental extensive finally first furthermore given high ' +
    'highly however improve improves improved improvement improvements introduce introduces ' +
    'key large leading moreover new novel outperform outperforms paper present presents ' +
    'previous propose proposed proposes provide provides recent recently remains result ' +
    'results show shows shown significant significantly state study studies art various ' +
    'well work works code available github com https http www project page'
  ).split(' '),
)

// The vocabulary is far smaller than the word count, so each word's fate is
// remembered: its stem, or '' for a stopword (one map lookup per word).
const MAX_CACHED_WORDS = 500_000
const stems = new Map<string, string>()

function stemOf(word: string): string {
  let stem = stems.get(word)
  if (stem === undefined) {
    if (stems.size >= MAX_CACHED_WORDS) stems.clear()
    // Too short, a stopword, or a bare number: says nothing about a topic.
    const useless = word.length < 2 || STOPWORDS.has(word) || !/\p{L}/u.test(word)
    stem = useless ? '' : stemmer(word)
    stems.set(word, stem)
  }
  return stem
}

/** The words of a text, case-folded and stripped of accents. */
function foldedWords(text: string): string[] {
  // Most abstracts are plain ASCII: skip Unicode folding and Unicode classes for them.
  const words = /[^\t-~]/.test(text)
    ? text
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu)
    : text.toLowerCase().match(/[a-z0-9]+/g)
  return words ?? []
}

/** The stemmed topic words of a text, in order. */
function topicWords(text: string): string[] {
  const result: string[] = []
  for (const word of foldedWords(text)) {
    const stem = stemOf(word)
    if (stem !== '') result.push(stem)
  }
  return result
}

/**
 * The topic words of a text with the term each counts as ("robots" -> "robot"):
 * how a stemmed term reads to people, for labels.
 */
export function topicWordForms(text: string): { term: string; word: string }[] {
  const result: { term: string; word: string }[] = []
  for (const word of foldedWords(text)) {
    const term = stemOf(word)
    if (term !== '') result.push({ term, word })
  }
  return result
}

/**
 * Term -> how often it occurs, title words weighted up. Terms are single words
 * and, in titles, pairs of neighbouring topic words ("tool retriev", "robot
 * polici"): a pair is far more specific than either word alone. Pairs from
 * abstracts would be mostly unique to one paper, and cost memory for nothing.
 */
export function paperTermCounts(title: string, abstract: string): Map<string, number> {
  const counts = new Map<string, number>()
  addTerms(counts, topicWords(title), TITLE_WEIGHT, true)
  addTerms(counts, topicWords(abstract), 1, false)
  return counts
}

function addTerms(
  counts: Map<string, number>,
  words: string[],
  weight: number,
  withPairs: boolean,
): void {
  let previous: string | undefined
  for (const word of words) {
    counts.set(word, (counts.get(word) ?? 0) + weight)
    if (withPairs && previous !== undefined && previous !== word) {
      const pair = `${previous} ${word}`
      counts.set(pair, (counts.get(pair) ?? 0) + weight * PAIR_WEIGHT)
    }
    previous = word
  }
}
