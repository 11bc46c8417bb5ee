// "Find duplicates": groups of library papers that share a duplicate key (same
// DOI, same arXiv id, or same normalized title and year), found with a
// union-find over the keys, so A~B by DOI and B~C by title make one group.
import type { DuplicateReason, Paper } from '../../../shared/model'
import { duplicateKeys, reasonOfKey } from './duplicateKeys'
import { UNPACED, type Pace } from '../kernel/longTasks'
import { richness } from '../organize/paperMerge'

export interface PaperGroup {
  reason: DuplicateReason
  /** The suggested paper to keep first: the richest, then the earliest added. */
  papers: Paper[]
}

const REASON_RANK: Record<DuplicateReason, number> = { doi: 0, arxiv: 1, 'title-year': 2 }

/** `pace` is awaited before each paper's keys are made (the slow part at 100k papers). */
export async function findDuplicateGroups(
  papers: readonly Paper[],
  pace: Pace = UNPACED,
): Promise<PaperGroup[]> {
  const parent = papers.map((_, i) => i)
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root) root = parent[root] ?? root
    // Path compression keeps this near linear on 100k papers.
    while (parent[i] !== root) {
      const next = parent[i] ?? root
      parent[i] = root
      i = next
    }
    return root
  }
  const firstWithKey = new Map<string, number>()
  const reasons = new Map<number, DuplicateReason>()
  for (const [i, paper] of papers.entries()) {
    await pace(i, papers.length)
    for (const key of duplicateKeys(paper)) {
      const other = firstWithKey.get(key)
      if (other === undefined) {
        firstWithKey.set(key, i)
        continue
      }
      const a = find(other)
      const b = find(i)
      const reason = reasonOfKey(key)
      const strongest =
        [reasons.get(a), reasons.get(b), reason]
          .filter((r): r is DuplicateReason => r !== undefined)
          .sort((x, y) => REASON_RANK[x] - REASON_RANK[y])[0] ?? reason
      if (a !== b) parent[b] = a
      reasons.set(a, strongest)
    }
  }
  const groups = new Map<number, Paper[]>()
  papers.forEach((paper, i) => {
    const root = find(i)
    const members = groups.get(root) ?? []
    members.push(paper)
    groups.set(root, members)
  })
  const result: PaperGroup[] = []
  for (const [root, members] of groups) {
    if (members.length < 2) continue
    members.sort(
      (a, b) =>
        richness(b) - richness(a) || (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0),
    )
    result.push({ reason: reasons.get(root) ?? 'title-year', papers: members })
  }
  return result
}
