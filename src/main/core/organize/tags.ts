// Tags: free words on papers. Matching ignores case ("RL" and "rl" are one
// tag, spelled the way the library first used it), so adding, filtering,
// renaming and merging all agree on what "the same tag" means.
import type { ChangeOutcome, Paper, TagCount } from '../../../shared/model'
import { BadInputError, NotFoundError } from '../kernel/errors'
import type { LibraryRecords } from '../store/libraryStore'
import { count } from '../../../shared/text/count'
import { outcomePlan, quoted, requirePapers } from './plan'
import type { OrganizeContext, Plan } from './plan'

const tagCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** Whitespace tidied and an Obsidian-style leading "#" dropped; an empty tag is refused. */
export function cleanTag(raw: string): string {
  const tag = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^#+\s*/, '')
  if (tag === '') throw new BadInputError('A tag cannot be empty')
  return tag
}

/** The form two tags are compared in. */
export function foldTag(tag: string): string {
  return tag.normalize('NFC').toLowerCase()
}

/** Folded tag → the spelling the library uses for it (the first one met). */
function librarySpellings(records: LibraryRecords): Map<string, string> {
  const spellings = new Map<string, string>()
  for (const paper of records.papers.values()) {
    for (const tag of paper.tags) {
      const folded = foldTag(tag)
      if (!spellings.has(folded)) spellings.set(folded, tag)
    }
  }
  return spellings
}

export function hasTag(paper: Paper, folded: string): boolean {
  return paper.tags.some((tag) => foldTag(tag) === folded)
}

/** Counts tags as they are met, folding each distinct spelling once. */
export class TagTally {
  private readonly folded = new Map<string, string>()
  private readonly tally = new Map<string, TagCount>()

  add(tag: string): void {
    let key = this.folded.get(tag)
    if (key === undefined) {
      key = foldTag(tag)
      this.folded.set(tag, key)
    }
    const entry = this.tally.get(key)
    if (entry === undefined) this.tally.set(key, { tag, count: 1 })
    else entry.count++
  }

  /** Each tag under its first spelling, alphabetically. */
  counts(): TagCount[] {
    return [...this.tally.values()].sort((a, b) => tagCollator.compare(a.tag, b.tag))
  }
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i])
}

function list(tags: readonly string[]): string {
  return tags.map(quoted).join(', ')
}

/** Adds and removes tags on many papers at once. */
export function planTagPapers(
  ctx: OrganizeContext,
  paperIds: readonly string[],
  add: readonly string[],
  remove: readonly string[],
): Plan<ChangeOutcome> {
  const papers = requirePapers(ctx.records, paperIds)
  const spellings = librarySpellings(ctx.records)
  const adding: string[] = []
  for (const raw of add) {
    const tag = cleanTag(raw)
    const spelled = spellings.get(foldTag(tag)) ?? tag
    if (!adding.some((other) => foldTag(other) === foldTag(spelled))) adding.push(spelled)
  }
  const removing = new Set(remove.map((raw) => foldTag(cleanTag(raw))))
  const put: Paper[] = []
  for (const paper of papers) {
    const tags = paper.tags.filter((tag) => !removing.has(foldTag(tag)))
    for (const tag of adding) {
      if (!removing.has(foldTag(tag)) && !tags.some((other) => foldTag(other) === foldTag(tag))) {
        tags.push(tag)
      }
    }
    if (!sameTags(tags, paper.tags)) put.push({ ...paper, tags, updatedAt: ctx.at })
  }
  const removed = [...removing].map((folded) => spellings.get(folded) ?? folded)
  const what = count(papers.length, 'paper')
  const label =
    remove.length === 0
      ? `Tag ${what} ${list(adding)}`
      : add.length === 0
        ? `Remove ${list(removed)} from ${what}`
        : `Change the tags of ${what}`
  return outcomePlan(put.length === 0 ? {} : { papers: { put } }, label, put.length)
}

/**
 * Renames a tag on every paper. When another tag already has the new name the
 * two are merged: papers that had either now have it once.
 */
export function planRenameTag(
  ctx: OrganizeContext,
  rawFrom: string,
  rawTo: string,
): Plan<ChangeOutcome> {
  const from = foldTag(cleanTag(rawFrom))
  const typed = cleanTag(rawTo)
  const to = foldTag(typed)
  const spellings = librarySpellings(ctx.records)
  const fromSpelling = spellings.get(from)
  if (fromSpelling === undefined) throw new NotFoundError(`No paper has the tag ${quoted(rawFrom)}`)
  // A change of case renames; another existing tag is merged into, keeping its spelling.
  const merging = to !== from && spellings.has(to)
  const target = merging ? (spellings.get(to) ?? typed) : typed
  const put: Paper[] = []
  for (const paper of ctx.records.papers.values()) {
    if (!hasTag(paper, from)) continue
    const tags: string[] = []
    for (const tag of paper.tags) {
      const next = foldTag(tag) === from ? target : tag
      if (!tags.some((other) => foldTag(other) === foldTag(next))) tags.push(next)
    }
    if (!sameTags(tags, paper.tags)) put.push({ ...paper, tags, updatedAt: ctx.at })
  }
  const label = merging
    ? `Merge tag ${quoted(fromSpelling)} into ${quoted(target)}`
    : `Rename tag ${quoted(fromSpelling)} to ${quoted(target)}`
  return outcomePlan(put.length === 0 ? {} : { papers: { put } }, label, put.length)
}

/** Takes a tag off every paper. */
export function planDeleteTag(ctx: OrganizeContext, rawTag: string): Plan<ChangeOutcome> {
  const folded = foldTag(cleanTag(rawTag))
  const put: Paper[] = []
  let spelling: string | undefined
  for (const paper of ctx.records.papers.values()) {
    if (!hasTag(paper, folded)) continue
    spelling ??= paper.tags.find((tag) => foldTag(tag) === folded)
    put.push({
      ...paper,
      tags: paper.tags.filter((tag) => foldTag(tag) !== folded),
      updatedAt: ctx.at,
    })
  }
  if (spelling === undefined) throw new NotFoundError(`No paper has the tag ${quoted(rawTag)}`)
  return outcomePlan({ papers: { put } }, `Delete tag ${quoted(spelling)}`, put.length)
}
