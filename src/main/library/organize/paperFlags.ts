// Reading status and stars, set on many papers at once.
import type { ChangeOutcome, Paper, ReadingStatus } from '../../../shared/model'
import { count, outcomePlan, requirePapers } from './plan'
import type { OrganizeContext, Plan } from './plan'

const STATUS_WORDS: Record<ReadingStatus, string> = {
  unread: 'unread',
  reading: 'as reading',
  read: 'read',
}

export function planSetStatus(
  ctx: OrganizeContext,
  paperIds: readonly string[],
  status: ReadingStatus,
): Plan<ChangeOutcome> {
  const papers = requirePapers(ctx.records, paperIds)
  const put: Paper[] = papers
    .filter((paper) => paper.status !== status)
    .map((paper) => ({ ...paper, status, updatedAt: ctx.at }))
  const label = `Mark ${count(papers.length, 'paper')} ${STATUS_WORDS[status]}`
  return outcomePlan(put.length === 0 ? {} : { papers: { put } }, label, put.length)
}

export function planSetStarred(
  ctx: OrganizeContext,
  paperIds: readonly string[],
  starred: boolean,
): Plan<ChangeOutcome> {
  const papers = requirePapers(ctx.records, paperIds)
  const put: Paper[] = papers
    .filter((paper) => paper.starred !== starred)
    .map((paper) => ({ ...paper, starred, updatedAt: ctx.at }))
  const label = `${starred ? 'Star' : 'Unstar'} ${count(papers.length, 'paper')}`
  return outcomePlan(put.length === 0 ? {} : { papers: { put } }, label, put.length)
}
