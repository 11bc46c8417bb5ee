// What a wiki-link points at, now: papers and notes by id, hand-typed titles
// by their normalized form, and the pool the `[[` autocomplete searches. A
// view over the library's committed state; its caches are dropped (forget())
// whenever a title, or what is live, changes.
import type { LinkTarget, Note, Paper } from '../../../shared/model'
import {
  foldCase,
  fuzzyBaseScore,
  fuzzyQuery,
  fuzzyScore,
  fuzzyWordScore,
  letterMask,
} from '../../../shared/text/fuzzyMatch'
import { normalizeTitle } from '../../../shared/text/normalizeTitle'
import type { WikiLinkTarget } from '../../../shared/text/wikiLinks'
import { yieldingLoop } from '../imports/yieldingLoop'

/** The library state link targets are read from. */
export interface LinkTargetSource {
  /** Every paper, trashed or not, in the store's order. */
  papers(): Iterable<Paper>
  /** Every note, trashed or not, in the store's order. */
  notes(): Iterable<Note>
  paper(id: string): Paper | undefined
  note(id: string): Note | undefined
  /** Papers not in the trash, newest first. */
  newestPapers(): readonly Paper[]
}

/** Papers and standalone notes by normalized title, for hand-typed `[[Title]]` links. */
interface TitleEntry {
  paperIds: string[]
  noteIds: string[]
}

/** A link target as the autocomplete searches it. */
interface LinkCandidate {
  target: LinkTarget
  folded: string
  letters: number
}

/**
 * The papers that matched the last `[[` keystroke, with their scores, kept
 * for the next one: a query that extends it (one more letter, one more word)
 * can only match among them, and the words it has finished score the same.
 * Typed arrays, indexes into the paper candidates: a keystroke at 100k papers
 * leaves no garbage per paper.
 */
interface Keystroke {
  wanted: string
  words: readonly string[]
  /** How many papers matched; the arrays below hold that many entries. */
  count: number
  matches: Int32Array
  /** Per match: fuzzyBaseScore plus the scores of every word but the last. */
  settled: Float64Array
  /** Per match: its whole score (settled plus the last word's). */
  scores: Float64Array
}

export class LinkTargets {
  private titles: Map<string, TitleEntry> | undefined
  private paperCandidates: LinkCandidate[] | undefined
  private lastKeystroke: Keystroke | undefined
  /** Counts forget(): a title index built in slices across one is not kept. */
  private forgotten = 0

  constructor(private readonly source: LinkTargetSource) {}

  /** Drop what was derived from titles; call after papers or standalone notes change. */
  forget(): void {
    this.forgotten++
    this.titles = undefined
    this.paperCandidates = undefined
    this.lastKeystroke = undefined
  }

  /** Not trashed, and if it is a paper's note, its paper is not trashed either. */
  isLiveNote(note: Note): boolean {
    if (note.trashedAt !== undefined) return false
    if (note.paperId === undefined) return true
    const paper = this.source.paper(note.paperId)
    return paper !== undefined && paper.trashedAt === undefined
  }

  /** A paper's note is titled after its paper, whatever the note says. */
  titleOfNote(note: Note): string {
    const paper = note.paperId === undefined ? undefined : this.source.paper(note.paperId)
    return paper?.title ?? note.title
  }

  /** What a link points at now; undefined when that is missing or in the trash. */
  resolve(target: WikiLinkTarget): LinkTarget | undefined {
    if (target.kind === 'paper') {
      const paper = this.source.paper(target.id)
      return paper !== undefined && paper.trashedAt === undefined
        ? this.paperTarget(paper)
        : undefined
    }
    if (target.kind === 'note') {
      const note = this.source.note(target.id)
      return note !== undefined && this.isLiveNote(note) ? this.noteTarget(note) : undefined
    }
    // A hand-typed title: a paper of that title first, else a standalone note.
    const entry = this.titleIndex().get(normalizeTitle(target.title))
    const paperId = entry?.paperIds[0]
    const paper = paperId === undefined ? undefined : this.source.paper(paperId)
    if (paper !== undefined) return this.paperTarget(paper)
    const noteId = entry?.noteIds[0]
    const note = noteId === undefined ? undefined : this.source.note(noteId)
    return note === undefined ? undefined : this.noteTarget(note)
  }

  /** Papers and standalone notes whose titles fuzzily match `query`, best first (as the palette ranks). */
  suggest(query: string, limit: number, kind?: 'paper' | 'note'): LinkTarget[] {
    const wanted = fuzzyQuery(query)
    const notes = kind === 'paper' ? [] : this.noteCandidates()
    const papers = kind === 'note' ? [] : this.papers()
    if (wanted === '') {
      return [...notes, ...papers].slice(0, limit).map((candidate) => ({ ...candidate.target }))
    }
    // The best `limit`, kept sorted as we go: a one-letter query matches nearly
    // every title, and sorting 50k of them per keystroke would be the bulk of the work.
    const best: Array<{ candidate: LinkCandidate; score: number }> = []
    const offer = (candidate: LinkCandidate, score: number): void => {
      if (best.length === limit && score <= (best[limit - 1]?.score ?? 0)) return
      let at = best.length
      while (at > 0 && (best[at - 1]?.score ?? 0) < score) at--
      best.splice(at, 0, { candidate, score })
      if (best.length > limit) best.pop()
    }
    for (const candidate of notes) {
      const score = fuzzyScore(wanted, candidate.target.title, candidate.folded)
      if (score !== null) offer(candidate, score)
    }
    if (kind !== 'note') {
      const typed = this.type(wanted, wanted.split(' '))
      const all = this.papers()
      for (let i = 0; i < typed.count; i++) {
        offer(all[typed.matches[i] as number] as LinkCandidate, typed.scores[i] as number)
      }
    }
    return best.map(({ candidate }) => ({ ...candidate.target }))
  }

  paperTarget(paper: Paper): LinkTarget {
    const target: LinkTarget = { kind: 'paper', id: paper.id, title: paper.title }
    if (paper.published !== undefined) target.published = paper.published
    return target
  }

  noteTarget(note: Note): LinkTarget {
    const target: LinkTarget = { kind: 'note', id: note.id, title: this.titleOfNote(note) }
    if (note.paperId !== undefined) target.paperId = note.paperId
    return target
  }

  private titleIndex(): Map<string, TitleEntry> {
    if (this.titles !== undefined) return this.titles
    const titles = new Map<string, TitleEntry>()
    for (const paper of this.source.papers()) addPaperTitle(titles, paper)
    for (const note of this.source.notes()) addNoteTitle(titles, note)
    this.titles = titles
    return titles
  }

  /**
   * Builds the titles hand-typed links resolve by in slices of the event loop
   * (a call meanwhile waits behind one slice at most), unless they are built;
   * a title changed during the build drops it.
   */
  async prepare(): Promise<void> {
    if (this.titles !== undefined) return
    const forgotten = this.forgotten
    const titles = new Map<string, TitleEntry>()
    const papers = [...this.source.papers()]
    const notes = [...this.source.notes()]
    await yieldingLoop(papers.length, {}, (i) => addPaperTitle(titles, papers[i]))
    await yieldingLoop(notes.length, {}, (i) => addNoteTitle(titles, notes[i]))
    if (this.titles === undefined && forgotten === this.forgotten) this.titles = titles
  }

  /**
   * Scores the papers for `wanted`, starting from the last keystroke's
   * matches when `wanted` extends it (so typing "tool retr" letter by letter
   * scores "tool" once, and only among the papers that still match).
   */
  private type(wanted: string, words: readonly string[]): Keystroke {
    const all = this.papers()
    const last = words.length - 1
    const lastWord = words[last] ?? ''
    const needed = letterMask(wanted)
    const previous = this.lastKeystroke
    // Where to look, and what the words before the last one scored there.
    let pool: Int32Array | undefined
    let poolSize = all.length
    let settledOf: (candidate: LinkCandidate, at: number) => number | null
    if (previous !== undefined && sameWordsBefore(previous.words, words, last)) {
      // The last word grew (or stayed): the words before it scored as they did.
      pool = previous.matches
      poolSize = previous.count
      settledOf = (_candidate, at) => previous.settled[at] as number
    } else if (previous !== undefined && wanted.startsWith(`${previous.wanted} `)) {
      // New words: the previous ones are finished, with the scores they had.
      pool = previous.matches
      poolSize = previous.count
      settledOf = (candidate, at) =>
        addWords(previous.scores[at] as number, words, previous.words.length, last, candidate)
    } else {
      settledOf = (candidate) =>
        addWords(fuzzyBaseScore(candidate.target.title), words, 0, last, candidate)
    }
    const typed: Keystroke = {
      wanted,
      words,
      count: 0,
      matches: new Int32Array(poolSize),
      settled: new Float64Array(poolSize),
      scores: new Float64Array(poolSize),
    }
    for (let at = 0; at < poolSize; at++) {
      const index = pool === undefined ? at : (pool[at] as number)
      const candidate = all[index] as LinkCandidate
      if ((candidate.letters & needed) !== needed) continue
      const settled = settledOf(candidate, at)
      if (settled === null) continue
      const score = fuzzyWordScore(lastWord, candidate.target.title, candidate.folded)
      if (score === null) continue
      typed.matches[typed.count] = index
      typed.settled[typed.count] = settled
      typed.scores[typed.count] = settled + score
      typed.count++
    }
    this.lastKeystroke = typed
    return typed
  }

  /** Papers, newest first: the bulk of the autocomplete's pool, kept between calls. */
  private papers(): LinkCandidate[] {
    this.paperCandidates ??= this.source
      .newestPapers()
      .map((paper) => candidateOf(this.paperTarget(paper)))
    return this.paperCandidates
  }

  /** Standalone notes, latest edit first: few, and reordered as they are typed. */
  private noteCandidates(): LinkCandidate[] {
    return [...this.source.notes()]
      .filter((note) => note.paperId === undefined && note.trashedAt === undefined)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
      .map((note) => candidateOf(this.noteTarget(note)))
  }
}

function candidateOf(target: LinkTarget): LinkCandidate {
  const folded = foldCase(target.title)
  return { target, folded, letters: letterMask(folded) }
}

/** `score` plus the scores of words[from..to), in order; null when one does not match. */
function addWords(
  score: number,
  words: readonly string[],
  from: number,
  to: number,
  candidate: LinkCandidate,
): number | null {
  let total = score
  for (let i = from; i < to; i++) {
    const word = fuzzyWordScore(words[i] ?? '', candidate.target.title, candidate.folded)
    if (word === null) return null
    total += word
  }
  return total
}

/** Whether `words` keeps every word of `before` but the last, and its last word extends theirs. */
function sameWordsBefore(
  before: readonly string[],
  words: readonly string[],
  last: number,
): boolean {
  if (before.length !== words.length) return false
  for (let i = 0; i < last; i++) if (before[i] !== words[i]) return false
  return (words[last] ?? '').startsWith(before[last] ?? '')
}

function titleEntry(titles: Map<string, TitleEntry>, title: string): TitleEntry {
  const key = normalizeTitle(title)
  let entry = titles.get(key)
  if (entry === undefined) {
    entry = { paperIds: [], noteIds: [] }
    titles.set(key, entry)
  }
  return entry
}

function addPaperTitle(titles: Map<string, TitleEntry>, paper: Paper | undefined): void {
  if (paper !== undefined && paper.trashedAt === undefined) {
    titleEntry(titles, paper.title).paperIds.push(paper.id)
  }
}

function addNoteTitle(titles: Map<string, TitleEntry>, note: Note | undefined): void {
  if (note !== undefined && note.paperId === undefined && note.trashedAt === undefined) {
    titleEntry(titles, note.title).noteIds.push(note.id)
  }
}
