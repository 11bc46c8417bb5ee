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
// counted once per paper and cached; the weights depend on the whole library
// (IDF), so they are rebuilt, from the cached counts, on the first query after
// papers were added, changed or removed.
import { paperTermCounts } from './paperTerms'

/** How many of a paper's strongest terms a query compares. */
const QUERY_TERMS = 48
/** Below this a paper shares too little to be called related. */
const MIN_SCORE = 0.02

export interface SimilarPaper {
  id: string
  /** Cosine similarity of the two papers' vectors (over the query terms), in (0, 1]. */
  score: number
}

interface PaperTerms {
  title: string
  abstract: string
  counts: Map<string, number>
}

interface BuiltIndex {
  ids: string[]
  position: Map<string, number>
  /** Per paper: its term ids, strongest first, and their normalized weights. */
  docTerms: Int32Array[]
  docWeights: Float32Array[]
  /** Per term: the papers holding it and the term's weight in each. */
  postingDocs: Int32Array[]
  postingWeights: Float32Array[]
  /** Scratch space for one query's scores, reused (queries are synchronous). */
  scores: Float32Array
}

export class RelatedPapersIndex {
  private readonly papers = new Map<string, PaperTerms>()
  private built: BuiltIndex | undefined

  get size(): number {
    return this.papers.size
  }

  /** Adds a paper, or refreshes it; its words are counted again only if they changed. */
  set(id: string, title: string, abstract: string): void {
    const known = this.papers.get(id)
    if (known !== undefined && known.title === title && known.abstract === abstract) return
    this.papers.set(id, { title, abstract, counts: paperTermCounts(title, abstract) })
    this.built = undefined
  }

  delete(id: string): void {
    if (this.papers.delete(id)) this.built = undefined
  }

  /** The `limit` papers most similar to `id`, best first; empty when `id` is not indexed. */
  similarTo(id: string, limit: number): SimilarPaper[] {
    const index = this.index()
    const query = index.position.get(id)
    if (query === undefined) return []
    const { scores, postingDocs, postingWeights } = index
    const terms = index.docTerms[query] ?? new Int32Array()
    const weights = index.docWeights[query] ?? new Float32Array()
    const touched: number[] = []
    for (let t = 0; t < Math.min(QUERY_TERMS, terms.length); t++) {
      const term = terms[t] ?? 0
      const weight = weights[t] ?? 0
      const docs = postingDocs[term] ?? new Int32Array()
      const docWeights = postingWeights[term] ?? new Float32Array()
      for (let p = 0; p < docs.length; p++) {
        const doc = docs[p] ?? 0
        if (scores[doc] === 0) touched.push(doc)
        scores[doc] = (scores[doc] ?? 0) + weight * (docWeights[p] ?? 0)
      }
    }
    // Keep the best `limit` in a small sorted array: limit is tiny next to `touched`.
    const best: SimilarPaper[] = []
    for (const doc of touched) {
      const score = scores[doc] ?? 0
      scores[doc] = 0
      if (doc === query || score < MIN_SCORE) continue
      if (best.length === limit && score <= (best[limit - 1]?.score ?? 0)) continue
      const entry = { id: index.ids[doc] ?? '', score: Math.min(1, score) }
      let at = best.length
      while (at > 0 && (best[at - 1]?.score ?? 0) < score) at--
      best.splice(at, 0, entry)
      if (best.length > limit) best.pop()
    }
    return best
  }

  private index(): BuiltIndex {
    this.built ??= buildIndex(this.papers)
    return this.built
  }
}

function buildIndex(papers: Map<string, PaperTerms>): BuiltIndex {
  const ids = [...papers.keys()]
  const count = ids.length
  const termIds = new Map<string, number>()
  const documentFrequency: number[] = []
  for (const { counts } of papers.values()) {
    for (const term of counts.keys()) {
      let termId = termIds.get(term)
      if (termId === undefined) {
        termId = documentFrequency.length
        termIds.set(term, termId)
        documentFrequency.push(0)
      }
      documentFrequency[termId] = (documentFrequency[termId] ?? 0) + 1
    }
  }
  // A term in every paper tells them apart not at all (idf 0). A term of a
  // single paper can match nothing: leaving it out keeps the vectors small and
  // keeps a paper's unique words from diluting what it shares with others.
  const idf = documentFrequency.map((df) => (df < 2 ? 0 : Math.log(count / df)))

  const docTerms: Int32Array[] = []
  const docWeights: Float32Array[] = []
  const postingLength = new Int32Array(documentFrequency.length)
  for (const { counts } of papers.values()) {
    const entries: Array<[number, number]> = []
    let norm = 0
    for (const [term, tf] of counts) {
      const termId = termIds.get(term) ?? 0
      const weight = (tf < 1 ? tf : 1 + Math.log(tf)) * (idf[termId] ?? 0)
      if (weight <= 0) continue
      entries.push([termId, weight])
      norm += weight * weight
    }
    norm = Math.sqrt(norm) || 1
    entries.sort((a, b) => b[1] - a[1])
    const termsOf = new Int32Array(entries.length)
    const weightsOf = new Float32Array(entries.length)
    entries.forEach(([termId, weight], i) => {
      termsOf[i] = termId
      weightsOf[i] = weight / norm
      postingLength[termId] = (postingLength[termId] ?? 0) + 1
    })
    docTerms.push(termsOf)
    docWeights.push(weightsOf)
  }

  const postingDocs = Array.from(postingLength, (length) => new Int32Array(length))
  const postingWeights = Array.from(postingLength, (length) => new Float32Array(length))
  const filled = new Int32Array(postingLength.length)
  docTerms.forEach((termsOf, doc) => {
    const weightsOf = docWeights[doc] ?? new Float32Array()
    termsOf.forEach((termId, i) => {
      const at = filled[termId] ?? 0
      const docs = postingDocs[termId]
      const weights = postingWeights[termId]
      if (docs === undefined || weights === undefined) return
      docs[at] = doc
      weights[at] = weightsOf[i] ?? 0
      filled[termId] = at + 1
    })
  })

  return {
    ids,
    position: new Map(ids.map((id, i) => [id, i])),
    docTerms,
    docWeights,
    postingDocs,
    postingWeights,
    scores: new Float32Array(count),
  }
}
