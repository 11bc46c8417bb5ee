// The list's orders (published, added, title, upvotes), and keeping a sorted
// list current after a change without sorting 100k papers again: the papers a
// change touched are taken out and put back at their places by binary search.
import type { Paper, PaperSort } from '../../../shared/model'

type PaperOrder = (a: Paper, b: Paper) => number

// Locale-aware and numeric, so "Model 9" sorts before "Model 10".
const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

const byTitle: PaperOrder = (a, b) => titleCollator.compare(a.title, b.title)

/** Descending order of optional ISO strings, missing values last. */
export function newestFirst(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0
  if (a === undefined) return 1
  if (b === undefined) return -1
  return a < b ? 1 : -1
}

const PAPER_ORDER: Record<PaperSort, PaperOrder> = {
  published: (a, b) => newestFirst(a.published, b.published) || byTitle(a, b),
  // Papers of one import share addedAt; they keep the order of the file.
  added: (a, b) => newestFirst(a.addedAt, b.addedAt) || (a.source.line ?? 0) - (b.source.line ?? 0),
  title: byTitle,
  upvotes: (a, b) => b.upvotes - a.upvotes || byTitle(a, b),
}

/** The order for `sort`, with the id breaking the last ties: total, and the same on every open. */
function totalOrder(sort: PaperSort): PaperOrder {
  const compare = PAPER_ORDER[sort]
  return (a, b) => compare(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** Sorts `papers` in place and returns it. */
export function sortPapers(papers: Paper[], sort: PaperSort): Paper[] {
  return papers.sort(totalOrder(sort))
}

/** Above this share of the list, sorting again is cheaper than moving papers one by one. */
const RESORT_SHARE = 1 / 16

/**
 * The live papers of `sorted` after a change that put `put` (new versions,
 * trashed ones leave the list) and removed `removed`; undefined when the
 * change is large enough that the list is better sorted from scratch.
 * `previous` gives each touched paper as it was before the change (undefined
 * for a new one): with it, a paper is found by binary search instead of a
 * scan, so one edit costs a copy of the list, not a comparison per paper.
 */
export function resortedAfter(
  sorted: readonly Paper[],
  put: readonly Paper[],
  removed: readonly string[],
  sort: PaperSort,
  previous: (id: string) => Paper | undefined,
): Paper[] | undefined {
  if (put.length + removed.length > Math.max(64, sorted.length * RESORT_SHARE)) return undefined
  const compare = totalOrder(sort)
  const result = sorted.slice()
  const touched = new Set([...removed, ...put.map((paper) => paper.id)])
  for (const id of touched) {
    const before = previous(id)
    if (before === undefined || before.trashedAt !== undefined) continue
    const at = lowerBound(result, before, compare, 0)
    // Not where its old version sorts: the list was not what `previous` says; scan instead.
    if (result[at]?.id !== id) return resortedByScan(sorted, put, touched, compare)
    result.splice(at, 1)
  }
  for (const paper of put) {
    if (paper.trashedAt === undefined)
      result.splice(lowerBound(result, paper, compare, 0), 0, paper)
  }
  return result
}

/** The same, finding the touched papers by a scan of the whole list. */
function resortedByScan(
  sorted: readonly Paper[],
  put: readonly Paper[],
  touched: ReadonlySet<string>,
  compare: PaperOrder,
): Paper[] {
  const kept = sorted.filter((paper) => !touched.has(paper.id))
  const additions = put.filter((paper) => paper.trashedAt === undefined).sort(compare)
  const result: Paper[] = []
  let from = 0
  for (const paper of additions) {
    const at = lowerBound(kept, paper, compare, from)
    for (let i = from; i < at; i++) result.push(kept[i] as Paper)
    result.push(paper)
    from = at
  }
  for (let i = from; i < kept.length; i++) result.push(kept[i] as Paper)
  return result
}

/** The first index at or after `from` whose paper does not sort before `paper`. */
function lowerBound(
  list: readonly Paper[],
  paper: Paper,
  compare: PaperOrder,
  from: number,
): number {
  let low = from
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compare(list[middle] as Paper, paper) < 0) low = middle + 1
    else high = middle
  }
  return low
}
