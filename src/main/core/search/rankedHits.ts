// The papers a query matched, best first, sorted only as far as someone looks.
// A broad query at 100k papers matches tens of thousands; the list asks for
// 200 rows at a time, so the first page is picked with a bounded heap (O(n log
// k)) and the full sort happens only if the user scrolls past what was picked.

/** A page this deep or shallower is picked with the heap; deeper pages sort everything. */
const PARTIAL_LIMIT = 2000

export class RankedHits {
  private order: Int32Array | undefined
  /** How many leading entries of `order` are final. */
  private ordered = 0
  private members: Set<string> | undefined

  constructor(
    private readonly ids: readonly string[],
    private readonly scores: Float64Array,
    /** Publication day (yyyymmdd, 0 unknown): newer wins a tie. */
    private readonly days: Int32Array,
  ) {}

  get count(): number {
    return this.ids.length
  }

  /** Paper ids ranked `start` to `end` (exclusive). */
  slice(start: number, end: number): string[] {
    const stop = Math.min(end, this.count)
    if (start >= stop) return []
    this.orderUpTo(stop)
    const order = this.order as Int32Array
    const page: string[] = []
    for (let i = start; i < stop; i++) page.push(this.ids[order[i] as number] as string)
    return page
  }

  /** Whether `id` is among the hits (in no particular order: nothing is sorted for it). */
  has(id: string): boolean {
    this.members ??= new Set(this.ids)
    return this.members.has(id)
  }

  /** Every id, best first. */
  all(): string[] {
    return this.slice(0, this.count)
  }

  /** Negative when hit a ranks above hit b. */
  private compare = (a: number, b: number): number =>
    (this.scores[b] as number) - (this.scores[a] as number) ||
    (this.days[b] as number) - (this.days[a] as number) ||
    ((this.ids[a] as string) < (this.ids[b] as string) ? -1 : 1)

  private orderUpTo(needed: number): void {
    if (needed <= this.ordered) return
    if (needed <= PARTIAL_LIMIT && this.count > needed * 4) {
      const k = Math.max(needed, Math.min(PARTIAL_LIMIT, 200))
      this.order = this.topK(k)
      this.ordered = k
      return
    }
    const all = new Int32Array(this.count)
    for (let i = 0; i < all.length; i++) all[i] = i
    this.order = all.sort(this.compare)
    this.ordered = this.count
  }

  /** The k best hits, in order: a heap holding the k best so far, worst at the top. */
  private topK(k: number): Int32Array {
    const heap = new Int32Array(k)
    let size = 0
    const worse = (a: number, b: number): boolean => this.compare(a, b) > 0
    const siftDown = (from: number): void => {
      let i = from
      for (;;) {
        const left = 2 * i + 1
        const right = left + 1
        let worst = i
        if (left < size && worse(heap[left] as number, heap[worst] as number)) worst = left
        if (right < size && worse(heap[right] as number, heap[worst] as number)) worst = right
        if (worst === i) return
        const swap = heap[i] as number
        heap[i] = heap[worst] as number
        heap[worst] = swap
        i = worst
      }
    }
    for (let hit = 0; hit < this.count; hit++) {
      if (size < k) {
        heap[size] = hit
        let i = size++
        while (i > 0) {
          const parent = (i - 1) >> 1
          if (!worse(heap[i] as number, heap[parent] as number)) break
          const swap = heap[i] as number
          heap[i] = heap[parent] as number
          heap[parent] = swap
          i = parent
        }
      } else if (worse(heap[0] as number, hit)) {
        heap[0] = hit
        siftDown(0)
      }
    }
    return heap.subarray(0, size).sort(this.compare)
  }
}
