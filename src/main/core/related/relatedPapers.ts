// Automatic related papers: TF-IDF vectors of title + abstract, compared by
// cosine similarity, entirely offline.
//
// Why TF-IDF cosine: on a library of titles and abstracts it finds papers that
// share the rare, specific words of a paper ("grasping", "embodiment", "tool
// retrieval") and ignores the words every abstract shares, which is what
// "related" means to a reader; it needs no model download, explains itself
// (shared terms), and answers in a few milliseconds at 50k papers.
//
// Speed: the index keeps, for every term, the list of papers holding it with
// their weights (postings). A query walks the postings of the paper's strongest
// terms only (like Lucene's "more like this"): those are the rare ones, whose
// lists are short, so a query touches a tiny part of the library. Terms are
// counted once per paper, and document frequencies are kept up to date as
// papers come and go; the weights depend on the whole library (IDF), so they
// are rebuilt from those counts on the first query after the papers changed.
import { PaperSubset, bestScored } from './paperSubset'
import type { SimilarPaper, TextVector } from './paperSubset'
import { paperTermCounts } from './paperTerms'

export { PaperSubset, vectorSimilarity } from './paperSubset'
export type { SimilarPaper, TextVector } from './paperSubset'

/** How many of a paper's strongest terms a query compares. */
const QUERY_TERMS = 48
/** A subset leaves out terms in more than this share of its papers (but never below SUBSET_MIN_DF). */
const SUBSET_MAX_SHARE = 0.01
const SUBSET_MIN_DF = 20

/** A paper's terms as ids into the vocabulary, with how often each occurs. */
interface PaperTerms {
  title: string
  abstract: string
  termIds: Int32Array
  counts: Float32Array
}

/**
 * The weighted vectors and postings, in flat arrays (one allocation each, not
 * one per term or paper, which is what keeps a rebuild at 50k papers short).
 * Paper p's terms are docTermIds[docStart[p] .. docStart[p+1]); term t's papers
 * are postingDocs[postingStart[t] .. postingStart[t+1]).
 */
export interface BuiltIndex {
  ids: string[]
  position: Map<string, number>
  docStart: Int32Array
  docTermIds: Int32Array
  docWeights: Float32Array
  postingStart: Int32Array
  postingDocs: Int32Array
  postingWeights: Float32Array
  /** Each term's inverse document frequency (0: it tells papers apart not at all). */
  idf: Float32Array
  /** Scratch space for one query's scores, reused (queries are synchronous). */
  scores: Float32Array
}

export class RelatedPapersIndex {
  private readonly papers = new Map<string, PaperTerms>()
  // Every term ever seen gets an id; its document frequency is kept up to date
  // on every add and remove, so a rebuild needs no counting pass.
  private readonly termIds = new Map<string, number>()
  private documentFrequency = new Int32Array(1024)
  private built: BuiltIndex | undefined
  private building: Promise<void> | undefined
  // Bumped by every change, so a build started before it is known to be stale.
  private generation = 0

  get size(): number {
    return this.papers.size
  }

  /** Changes whenever a paper is added, changed or removed (the weights with it). */
  get version(): number {
    return this.generation
  }

  /** Adds a paper, or refreshes it; its words are counted again only if they changed. */
  set(id: string, title: string, abstract: string): void {
    const known = this.papers.get(id)
    if (known !== undefined && known.title === title && known.abstract === abstract) return
    if (known !== undefined) this.countOut(known)
    const counts = paperTermCounts(title, abstract)
    const termIds = new Int32Array(counts.size)
    const values = new Float32Array(counts.size)
    let i = 0
    for (const [term, count] of counts) {
      const termId = this.termIdOf(term)
      termIds[i] = termId
      values[i] = count
      this.documentFrequency[termId] = (this.documentFrequency[termId] ?? 0) + 1
      i++
    }
    this.papers.set(id, { title, abstract, termIds, counts: values })
    this.changed()
  }

  /** The ids of the papers indexed. */
  ids(): IterableIterator<string> {
    return this.papers.keys()
  }

  /**
   * Computes the weights if a change made them stale, in slices that let the
   * event loop run in between (at 50k papers a rebuild takes a fraction of a
   * second, which the rest of the app should not wait for).
   */
  async ready(): Promise<void> {
    while (this.built === undefined) {
      this.building ??= this.buildInSlices()
      await this.building
    }
  }

  delete(id: string): void {
    const known = this.papers.get(id)
    if (known === undefined) return
    this.countOut(known)
    this.papers.delete(id)
    this.changed()
  }

  /** The `limit` papers most similar to `id`, best first; empty when `id` is not indexed. */
  similarTo(id: string, limit: number): SimilarPaper[] {
    const index = this.index()
    const query = index.position.get(id)
    if (query === undefined) return []
    const { scores, postingStart, postingDocs, postingWeights } = index
    const from = index.docStart[query] ?? 0
    const to = index.docStart[query + 1] ?? from
    // The query's strongest terms: the rare, specific ones, with short postings.
    const queryTerms = Array.from({ length: to - from }, (_, i) => from + i)
      .sort((a, b) => (index.docWeights[b] ?? 0) - (index.docWeights[a] ?? 0))
      .slice(0, QUERY_TERMS)
    const touched: number[] = []
    for (const at of queryTerms) {
      const term = index.docTermIds[at] ?? 0
      const weight = index.docWeights[at] ?? 0
      const end = postingStart[term + 1] ?? 0
      for (let p = postingStart[term] ?? 0; p < end; p++) {
        const doc = postingDocs[p] ?? 0
        if (scores[doc] === 0) touched.push(doc)
        scores[doc] = (scores[doc] ?? 0) + weight * (postingWeights[p] ?? 0)
      }
    }
    return bestScored(touched, scores, limit, index.ids, query)
  }

  /**
   * A text from outside the library (a feed item) as a vector over the
   * library's terms, weighted as the papers are, its strongest terms only.
   */
  textVector(
    title: string,
    abstract: string,
    terms = QUERY_TERMS,
    weights: IndexWeights = this.index(),
  ): TextVector {
    return this.countsVector(paperTermCounts(title, abstract), terms, weights)
  }

  /** The same from a text's terms counted before (paperTermCounts), under `weights`. */
  countsVector(
    counts: ReadonlyMap<string, number>,
    terms: number,
    weights: IndexWeights,
  ): TextVector {
    const { idf } = weights
    const weighted: { termId: number; weight: number }[] = []
    let norm = 0
    for (const [term, tf] of counts) {
      const termId = this.termIds.get(term)
      const termIdf = termId === undefined ? 0 : (idf[termId] ?? 0)
      if (termId === undefined || termIdf <= 0) continue
      const weight = (tf < 1 ? tf : 1 + Math.log(tf)) * termIdf
      weighted.push({ termId, weight })
      norm += weight * weight
    }
    norm = Math.sqrt(norm) || 1
    weighted.sort((a, b) => b.weight - a.weight)
    const kept = weighted.slice(0, terms)
    return {
      termIds: Int32Array.from(kept, (t) => t.termId),
      weights: Float32Array.from(kept, (t) => t.weight / norm),
    }
  }

  /** Some of the papers (those a ranking compares against), as a small index of their own. */
  subset(ids: Iterable<string>, weights: IndexWeights = this.index()): PaperSubset {
    const index = weights
    const members: string[] = []
    const docs: number[] = []
    for (const id of ids) {
      const doc = index.position.get(id)
      if (doc === undefined) continue
      members.push(id)
      docs.push(doc)
    }
    // Flat postings, counted first and then filled: no array per term.
    const termCount = index.postingStart.length - 1
    const counts = new Int32Array(termCount)
    for (const doc of docs) {
      for (let i = index.docStart[doc] ?? 0; i < (index.docStart[doc + 1] ?? 0); i++) {
        const termId = index.docTermIds[i] ?? 0
        counts[termId] = (counts[termId] ?? 0) + 1
      }
    }
    // A term most of the subset shares tells its papers apart hardly at all and
    // would make every query walk most of the subset: left out, as "more like
    // this" searches leave out terms above a document frequency.
    const maxShare = Math.max(SUBSET_MIN_DF, Math.ceil(members.length * SUBSET_MAX_SHARE))
    const start = new Int32Array(termCount + 1)
    const common = new Uint8Array(termCount)
    for (let t = 0; t < termCount; t++) {
      const count = counts[t] ?? 0
      if (count > maxShare) common[t] = 1
      start[t + 1] = (start[t] ?? 0) + (count <= maxShare ? count : 0)
    }
    const postingDocs = new Int32Array(start[termCount] ?? 0)
    const postingWeights = new Float32Array(postingDocs.length)
    const fill = start.slice(0, termCount)
    docs.forEach((doc, member) => {
      for (let i = index.docStart[doc] ?? 0; i < (index.docStart[doc + 1] ?? 0); i++) {
        const termId = index.docTermIds[i] ?? 0
        if ((counts[termId] ?? 0) > maxShare) continue
        const slot = fill[termId] ?? 0
        postingDocs[slot] = member
        postingWeights[slot] = index.docWeights[i] ?? 0
        fill[termId] = slot + 1
      }
    })
    return new PaperSubset(members, start, postingDocs, postingWeights, common)
  }

  /**
   * The weights as they are now, to hold on to: a caller that can bear a
   * hundredth of drift (the inbox's ranking) keeps using them after papers
   * change, instead of waiting for the library to be weighed again.
   */
  weights(): IndexWeights {
    return this.index()
  }

  /** A paper's whole vector under `weights` (also a paper indexed after they were computed). */
  paperVector(id: string, weights: IndexWeights): TextVector | undefined {
    const paper = this.papers.get(id)
    return paper === undefined
      ? undefined
      : this.textVector(paper.title, paper.abstract, Number.MAX_SAFE_INTEGER, weights)
  }

  /**
   * The `limit` terms that most set the papers `ids` apart from the library:
   * the largest sums of their TF-IDF weights (frequent among them, rare elsewhere).
   */
  distinctiveTerms(ids: Iterable<string>, limit: number): string[] {
    const index = this.index()
    const sums = new Map<number, number>()
    for (const id of ids) {
      const doc = index.position.get(id)
      if (doc === undefined) continue
      for (let i = index.docStart[doc] ?? 0; i < (index.docStart[doc + 1] ?? 0); i++) {
        const term = index.docTermIds[i] ?? 0
        sums.set(term, (sums.get(term) ?? 0) + (index.docWeights[i] ?? 0))
      }
    }
    const names = [...this.termIds.keys()]
    return [...sums]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([term]) => names[term] ?? '')
  }

  private termIdOf(term: string): number {
    let termId = this.termIds.get(term)
    if (termId === undefined) {
      termId = this.termIds.size
      this.termIds.set(term, termId)
      if (termId >= this.documentFrequency.length) {
        const grown = new Int32Array(this.documentFrequency.length * 2)
        grown.set(this.documentFrequency)
        this.documentFrequency = grown
      }
    }
    return termId
  }

  private countOut(paper: PaperTerms): void {
    for (const termId of paper.termIds) {
      this.documentFrequency[termId] = (this.documentFrequency[termId] ?? 1) - 1
    }
  }

  private changed(): void {
    this.built = undefined
    this.generation++
  }

  private index(): BuiltIndex {
    if (this.built === undefined) {
      const steps = buildSteps(this.papers, this.documentFrequency, this.termIds.size)
      let step = steps.next()
      while (step.done !== true) step = steps.next()
      this.built = step.value
    }
    return this.built
  }

  private async buildInSlices(): Promise<void> {
    const generation = this.generation
    const steps = buildSteps(this.papers, this.documentFrequency, this.termIds.size)
    let step = steps.next()
    while (step.done !== true) {
      await new Promise((resolve) => setImmediate(resolve))
      step = steps.next()
    }
    this.building = undefined
    // Papers changed meanwhile: this result is already stale; ready() builds again.
    if (generation === this.generation) this.built ??= step.value
  }
}

/** The weights of one build of the index (see RelatedPapersIndex.weights). */
export type IndexWeights = Readonly<BuiltIndex>

/** Papers weighed between two yields of buildSteps. */
const BUILD_SLICE = 5000

/** Builds the weighted index, yielding now and then so a caller can pause between slices. */
function* buildSteps(
  papersById: Map<string, PaperTerms>,
  documentFrequency: Int32Array,
  termCount: number,
): Generator<void, BuiltIndex> {
  const ids = [...papersById.keys()]
  const papers = [...papersById.values()]
  const count = ids.length
  // A term in every paper tells them apart not at all (idf 0). A term of a
  // single paper can match nothing: leaving it out keeps the vectors small and
  // keeps a paper's unique words from diluting what it shares with others.
  const idf = new Float32Array(termCount)
  for (let t = 0; t < termCount; t++) {
    const df = documentFrequency[t] ?? 0
    idf[t] = df < 2 ? 0 : Math.log(count / df)
  }

  let kept = 0
  for (const paper of papers) {
    for (const termId of paper.termIds) if ((idf[termId] ?? 0) > 0) kept++
  }
  yield
  const docStart = new Int32Array(count + 1)
  const docTermIds = new Int32Array(kept)
  const docWeights = new Float32Array(kept)
  const postingLength = new Int32Array(termCount + 1)
  let at = 0
  let doc = 0
  for (const paper of papers) {
    if (doc > 0 && doc % BUILD_SLICE === 0) yield
    docStart[doc] = at
    let norm = 0
    for (let i = 0; i < paper.termIds.length; i++) {
      const termId = paper.termIds[i] ?? 0
      const termIdf = idf[termId] ?? 0
      if (termIdf <= 0) continue
      const tf = paper.counts[i] ?? 0
      // Sublinear: a word said ten times is not ten times as telling.
      const weight = (tf < 1 ? tf : 1 + Math.log(tf)) * termIdf
      docTermIds[at] = termId
      docWeights[at] = weight
      norm += weight * weight
      postingLength[termId] = (postingLength[termId] ?? 0) + 1
      at++
    }
    norm = Math.sqrt(norm) || 1
    for (let i = docStart[doc] ?? 0; i < at; i++) docWeights[i] = (docWeights[i] ?? 0) / norm
    doc++
  }
  docStart[count] = at

  const postingStart = new Int32Array(termCount + 1)
  for (let t = 0; t < termCount; t++) {
    postingStart[t + 1] = (postingStart[t] ?? 0) + (postingLength[t] ?? 0)
  }
  const postingDocs = new Int32Array(kept)
  const postingWeights = new Float32Array(kept)
  const filled = postingStart.slice(0, termCount)
  for (let d = 0; d < count; d++) {
    if (d > 0 && d % BUILD_SLICE === 0) yield
    for (let i = docStart[d] ?? 0; i < (docStart[d + 1] ?? 0); i++) {
      const termId = docTermIds[i] ?? 0
      const slot = filled[termId] ?? 0
      postingDocs[slot] = d
      postingWeights[slot] = docWeights[i] ?? 0
      filled[termId] = slot + 1
    }
  }

  return {
    ids,
    position: new Map(ids.map((id, i) => [id, i])),
    docStart,
    docTermIds,
    docWeights,
    postingStart,
    postingDocs,
    postingWeights,
    idf,
    scores: new Float32Array(count),
  }
}
