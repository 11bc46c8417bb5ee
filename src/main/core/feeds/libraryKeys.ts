// Which library paper a feed item already is: the library's identity keys
// (arXiv id, DOI, title and year: duplicates' own) to paper ids, built on
// first use and kept level with every commit, so marking 2,000 items "in your
// library" costs a lookup each.
import type { FeedItem } from '../../../shared/model'
import { duplicateKeys } from '../duplicates/duplicateKeys'
import type { LibraryKernel } from '../kernel/kernel'
import type { ChangeSubscriber, CommittedChange } from '../kernel/service'

export class LibraryKeys implements ChangeSubscriber {
  private byKey: Map<string, string> | undefined
  private keysOf = new Map<string, string[]>()

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
  }

  private keys(): Map<string, string> {
    if (this.byKey === undefined) {
      this.byKey = new Map()
      for (const paper of this.kernel.store.papers.values()) {
        if (paper.trashedAt === undefined) this.add(paper.id, duplicateKeys(paper))
      }
    }
    return this.byKey
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
