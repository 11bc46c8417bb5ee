// Reading status and stars, set on many papers at once.
import type { ChangeOutcome, Paper, ReadingStatus } from '../../../shared/model'
import { count } from '../../../shared/text/count'
import { outcomePlan, requirePapers } from './plan'
import type { OrganizeContext, Plan } from './plan'

const STATUS_WORDS: Record<ReadingStatus, string> = {
  unread: 'unread',
  reading: 'as reading',
  read: 'read',
}

/** Sets one field on the named papers; those that already have the value are left alone. */
function planSetField<K extends 'status' | 'starred'>(
  ctx: OrganizeContext,
  paperIds: readonly string[],
  field: K,
  value: Paper[K],
  label: (papers: string) => string,
): Plan<ChangeOutcome> {
  const papers = requirePapers(ctx.records, paperIds)
  const put: Paper[] = papers
    .filter((paper) => paper[field] !== value)
    .map((paper) => ({ ...paper, [field]: value, updatedAt: ctx.at }))
  const changes = put.length === 0 ? {} : { papers: { put } }
  return outcomePlan(changes, label(count(papers.length, 'paper')), put.length)
}

export function planSetStatus(
  ctx: OrganizeContext,
  paperIds: readonly string[],
  status: ReadingStatus,
): Plan<ChangeOutcome> {
  return planSetField(
    ctx,
    paperIds,
    'status',
    status,
    (papers) => `Mark ${papers} ${STATUS_WORDS[status]}`,
  )
}

export function planSetStarred(
  ctx: OrganizeContext,
  paperIds: readonly string[],
  starred: boolean,
): Plan<ChangeOutcome> {
  return planSetField(
    ctx,
    paperIds,
    'starred',
    starred,
    (papers) => `${starred ? 'Star' : 'Unstar'} ${papers}`,
  )
}
