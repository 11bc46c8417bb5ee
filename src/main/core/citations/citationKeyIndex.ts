// Which paper a citation key names, and each paper's key: the keys of
// exports/citationKeys.ts (imported keys first, then generated authorYEARword,
// unique without regard to case), plus the keys a paper had before (its
// aliases), so a note citing an old key still finds the paper. Derived from
// the live papers on first use, forgotten when papers change.
import type { Paper } from '../../../shared/model'
import type { ChangeSubscriber, CommittedChange } from '../kernel/service'
import { citationKeys } from '../exports/citationKeys'

export class CitationKeyIndex implements ChangeSubscriber {
  private keys: Map<string, string> | undefined
  private papersByKey: Map<string, string> | undefined

  /** `papers`: the live papers in the order they were added (as exports see them). */
  constructor(private readonly papers: () => readonly Paper[]) {}

  /** The paper's key; undefined for a paper that is not live. */
  keyOf(paperId: string): string | undefined {
    return this.build().keys.get(paperId)
  }

  /** Every key that cites the paper: its key, then its aliases (lower case). */
  keysOf(paperId: string): string[] {
    const key = this.keyOf(paperId)
    if (key === undefined) return []
    const keys = [key.toLowerCase()]
    for (const [alias, id] of this.build().papersByKey) {
      if (id === paperId && !keys.includes(alias)) keys.push(alias)
    }
    return keys
  }

  /** The live paper cited by `key` (compared without case), or undefined. */
  paperOf(key: string): string | undefined {
    return this.build().papersByKey.get(key.toLowerCase())
  }

  /** All keys, paper id → key. */
  all(): ReadonlyMap<string, string> {
    return this.build().keys
  }

  committed({ changes }: CommittedChange): void {
    if (changes.papers !== undefined) this.forget()
  }

  reset(): void {
    this.forget()
  }

  forget(): void {
    this.keys = undefined
    this.papersByKey = undefined
  }

  private build(): { keys: Map<string, string>; papersByKey: Map<string, string> } {
    if (this.keys === undefined || this.papersByKey === undefined) {
      const live = this.papers().filter((paper) => paper.trashedAt === undefined)
      const keys = citationKeys(live)
      const papersByKey = new Map<string, string>()
      for (const [id, key] of keys) papersByKey.set(key.toLowerCase(), id)
      // An old key still cites its paper, unless another paper has it now.
      for (const paper of live) {
        for (const alias of paper.citationKeyAliases ?? []) {
          if (!papersByKey.has(alias.toLowerCase())) papersByKey.set(alias.toLowerCase(), paper.id)
        }
      }
      this.keys = keys
      this.papersByKey = papersByKey
    }
    return { keys: this.keys, papersByKey: this.papersByKey }
  }
}
