// Which library paper a feed item already is: the library's identity keys
// (arXiv id, DOI, title and year: duplicates' own) to paper ids, kept level
// with every commit, so marking 2,000 items "in your library" costs a lookup
// each. Normalizing 100,000 titles takes a third of a second, so the map is
// built in slices once the similar-papers index has been counted (build), not
// by the first ranking; a lookup before that finishes the build at once.
import type { FeedItem } from '../../../shared/model'
import { duplicateKeys } from '../duplicates/duplicateKeys'
import type { LibraryKernel } from '../kernel/kernel'
import type { ChangeSubscriber, CommittedChange } from '../kernel/service'

/** Papers keyed between two yields to the event loop. */
const KEYS_SLICE = 2000

export class LibraryKeys implements ChangeSubscriber {
  private byKey: Map<string, string> | undefined
  private keysOf = new Map<string, string[]>()
  /** The papers' ids when the build began, and how many of them are keyed. */
  private pending: string[] = []
  private next = 0

  constructor(private readonly kernel: LibraryKernel) {}

  /** The live (not trashed) library paper the item is, if any. */
  paperOf(item: FeedItem): string | undefined {
    const byKey = this.keys()
    for (const key of duplicateKeys(item.fields)) {
      const paperId = byKey.get(key)
      if (paperId !== undefined) return paperId
    }
    return undefined
  }

  /** Keys every paper, a slice at a time (lookups meanwhile finish it at once). */
  async build(): Promise<void> {
    this.start()
    while (this.next < this.pending.length) {
      this.keyPending(KEYS_SLICE)
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  committed({ changes }: CommittedChange): void {
    if (this.byKey === undefined || changes.papers === undefined) return
    for (const id of changes.papers.remove ?? []) this.drop(id)
    for (const paper of changes.papers.put ?? []) {
      this.drop(paper.id)
      if (paper.trashedAt === undefined) this.add(paper.id, duplicateKeys(paper))
    }
  }

  reset(): void {
    this.byKey = undefined
    this.keysOf = new Map()
    this.pending = []
    this.next = 0
  }

  private keys(): Map<string, string> {
    const byKey = this.start()
    this.keyPending(Number.POSITIVE_INFINITY)
    return byKey
  }

  private start(): Map<string, string> {
    if (this.byKey === undefined) {
      this.byKey = new Map()
      this.pending = Array.from(this.kernel.store.papers.values(), (paper) => paper.id)
      this.next = 0
    }
    return this.byKey
  }

  /**
   * Keys up to `count` pending papers as they are now: one committed since the
   * build began is keyed already (committed), one deleted or trashed is not.
   */
  private keyPending(count: number): void {
    const papers = this.kernel.store.papers
    const end = Math.min(this.pending.length, this.next + count)
    for (; this.next < end; this.next++) {
      const id = this.pending[this.next] ?? ''
      if (this.keysOf.has(id)) continue
      const paper = papers.get(id)
      if (paper !== undefined && paper.trashedAt === undefined) this.add(id, duplicateKeys(paper))
    }
    if (this.next === this.pending.length) {
      this.pending = []
      this.next = 0
    }
  }

  private add(id: string, keys: string[]): void {
    const byKey = this.byKey
    if (byKey === undefined) return
    this.keysOf.set(id, keys)
    for (const key of keys) if (!byKey.has(key)) byKey.set(key, id)
  }

  private drop(id: string): void {
    const byKey = this.byKey
    const keys = this.keysOf.get(id)
    if (byKey === undefined || keys === undefined) return
    for (const key of keys) if (byKey.get(key) === id) byKey.delete(key)
    this.keysOf.delete(id)
  }
}
