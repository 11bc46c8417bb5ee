// A growable list of document numbers, emptied and refilled by each query
// (no garbage per query).

/** A growable list of document numbers, emptied and refilled by each query. */
export class DocList {
  private docs = new Int32Array(1024)
  length = 0

  clear(): this {
    this.length = 0
    return this
  }

  push(doc: number): void {
    if (this.length === this.docs.length) {
      const bigger = new Int32Array(this.docs.length * 2)
      bigger.set(this.docs)
      this.docs = bigger
    }
    this.docs[this.length++] = doc
  }

  at(index: number): number {
    return this.docs[index] as number
  }
}
