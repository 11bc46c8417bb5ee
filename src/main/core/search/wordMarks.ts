// Scratch arrays indexed by word number, shared by every field of an index
// (fields are indexed one after another, never at once): which words a
// document was already seen to hold, and where each one's list entry went.
// Each pass over a document takes a fresh stamp, so nothing is ever cleared.

export class WordMarks {
  /** The stamp of the last pass that saw each word. */
  seen = new Int32Array(0)
  /** Where the last pass put each word's entry. */
  slot = new Int32Array(0)
  private stamp = 0

  /** A stamp no earlier pass used. */
  next(): number {
    if (this.stamp === 0x7fffffff) {
      this.seen.fill(0)
      this.stamp = 0
    }
    return ++this.stamp
  }

  reserve(size: number): void {
    if (size <= this.seen.length) return
    const capacity = Math.max(size, this.seen.length + (this.seen.length >> 1), 1024)
    const seen = new Int32Array(capacity)
    seen.set(this.seen)
    this.seen = seen
    this.slot = new Int32Array(capacity)
  }
}
