// Scoring shared by the similar-papers index and the subsets a ranking compares
// against: text vectors, their cosine, the best few of a query's scores, and
// PaperSubset, some of the library's papers with postings of their own that
// are kept level with the library paper by paper (a keep adds one) instead of
// being built again.

/** Below this a paper shares too little to be called related. */
const MIN_SCORE = 0.02

export interface SimilarPaper {
  id: string
  /** Cosine similarity of the two papers' vectors (over the query terms), in (0, 1]. */
  score: number
}

/** A text's strongest terms (ids into the library's vocabulary) with unit-length weights. */
export interface TextVector {
  termIds: Int32Array
  weights: Float32Array
}

/**
 * The best `limit` of the touched documents, best first, their scores reset to
 * 0 for the next query (`skip`: the query's own document). A small sorted
 * array: `limit` is tiny next to `touched`.
 */
export function bestScored(
  touched: readonly number[],
  scores: Float32Array,
  limit: number,
  ids: readonly string[],
  skip = -1,
): SimilarPaper[] {
  const best: SimilarPaper[] = []
  for (const doc of touched) {
    const score = scores[doc] ?? 0
    scores[doc] = 0
    if (doc === skip || score < MIN_SCORE) continue
    if (best.length === limit && score <= (best[limit - 1]?.score ?? 0)) continue
    let at = best.length
    while (at > 0 && (best[at - 1]?.score ?? 0) < score) at--
    best.splice(at, 0, { id: ids[doc] ?? '', score: Math.min(1, score) })
    if (best.length > limit) best.pop()
  }
  return best
}

/** Cosine similarity of two text vectors (over the terms each kept). */
export function vectorSimilarity(a: TextVector, b: TextVector): number {
  let sum = 0
  for (let i = 0; i < a.termIds.length; i++) {
    const termId = a.termIds[i]
    for (let j = 0; j < b.termIds.length; j++) {
      if (b.termIds[j] === termId) sum += (a.weights[i] ?? 0) * (b.weights[j] ?? 0)
    }
  }
  return Math.min(1, sum)
}

/**
 * Some of the library's papers with postings of their own: a query touches
 * only them. Built once in flat arrays; afterwards a member can leave (it is
 * skipped) and a paper can join with its vector (kept in small postings of
 * their own beside the flat ones), so a keep costs one paper, not a rebuild.
 */
export class PaperSubset {
  /** Scratch space for one query's scores, reused (queries are synchronous). */
  private readonly scores: Float32Array
  private readonly position: Map<string, number>
  /** 1 for a built member that has left. */
  private readonly gone: Uint8Array
  private goneCount = 0
  /** Papers joined since the build, by id, and their postings (term → [member, weight]...). */
  private readonly joined = new Map<string, TextVector>()
  private joinedPostings: Map<number, { ids: string[]; weights: number[] }> | undefined

  /**
   * Term t's members are docs[start[t] .. start[t+1]), with their weights;
   * `common[t]` is 1 for a term left out as too common among the members.
   */
  constructor(
    private readonly ids: readonly string[],
    private readonly start: Int32Array,
    private readonly docs: Int32Array,
    private readonly weights: Float32Array,
    private readonly common: Uint8Array = new Uint8Array(0),
  ) {
    this.scores = new Float32Array(ids.length)
    this.position = new Map(ids.map((id, member) => [id, member]))
    this.gone = new Uint8Array(ids.length)
  }

  get size(): number {
    return this.ids.length - this.goneCount + this.joined.size
  }

  /** How many members left or joined since the build. */
  get drift(): number {
    return this.goneCount + this.joined.size
  }

  /** Whether a paper is a member (built and not gone, or joined). */
  has(id: string): boolean {
    if (this.joined.has(id)) return true
    const member = this.position.get(id)
    return member !== undefined && this.gone[member] === 0
  }

  /** The members' ids. */
  *members(): IterableIterator<string> {
    for (const [member, id] of this.ids.entries()) if (this.gone[member] === 0) yield id
    yield* this.joined.keys()
  }

  /** A member leaves (unknown ids are ignored). */
  remove(id: string): void {
    const member = this.position.get(id)
    if (member !== undefined && this.gone[member] === 0) {
      this.gone[member] = 1
      this.goneCount++
    }
    if (this.joined.delete(id)) this.joinedPostings = undefined
  }

  /** A paper joins (or its vector changes), with all its terms' weights. */
  add(id: string, vector: TextVector): void {
    this.remove(id)
    this.joined.set(id, vector)
    this.joinedPostings = undefined
  }

  /** The `limit` members most similar to a text vector, best first. */
  similarTo(vector: TextVector, limit: number): SimilarPaper[] {
    const { scores, start, docs, weights, gone } = this
    const touched: number[] = []
    for (let i = 0; i < vector.termIds.length; i++) {
      const termId = vector.termIds[i] ?? -1
      if (termId < 0 || termId + 1 >= start.length) continue
      const weight = vector.weights[i] ?? 0
      const end = start[termId + 1] ?? 0
      for (let p = start[termId] ?? 0; p < end; p++) {
        const doc = docs[p] ?? 0
        if (gone[doc] === 1) continue
        if (scores[doc] === 0) touched.push(doc)
        scores[doc] = (scores[doc] ?? 0) + weight * (weights[p] ?? 0)
      }
    }
    const best = bestScored(touched, scores, limit, this.ids)
    if (this.joined.size === 0) return best
    return [...best, ...this.similarJoined(vector, limit)]
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
  }

  private similarJoined(vector: TextVector, limit: number): SimilarPaper[] {
    const postings = this.joinedPostingsNow()
    const sums = new Map<string, number>()
    for (let i = 0; i < vector.termIds.length; i++) {
      const posting = postings.get(vector.termIds[i] ?? -1)
      if (posting === undefined) continue
      const weight = vector.weights[i] ?? 0
      posting.ids.forEach((id, at) => {
        sums.set(id, (sums.get(id) ?? 0) + weight * (posting.weights[at] ?? 0))
      })
    }
    const ids = [...sums.keys()]
    const scores = Float32Array.from(sums.values())
    return bestScored(
      ids.map((_, at) => at),
      scores,
      limit,
      ids,
    )
  }

  private joinedPostingsNow(): Map<number, { ids: string[]; weights: number[] }> {
    if (this.joinedPostings !== undefined) return this.joinedPostings
    const postings = new Map<number, { ids: string[]; weights: number[] }>()
    for (const [id, vector] of this.joined) {
      for (let i = 0; i < vector.termIds.length; i++) {
        const termId = vector.termIds[i] ?? -1
        // The same terms as the built members: none of those left out as too common.
        if (this.common[termId] === 1) continue
        let posting = postings.get(termId)
        if (posting === undefined) postings.set(termId, (posting = { ids: [], weights: [] }))
        posting.ids.push(id)
        posting.weights.push(vector.weights[i] ?? 0)
      }
    }
    this.joinedPostings = postings
    return postings
  }
}
