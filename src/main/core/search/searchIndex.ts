// The search engine over the library: an inverted index per field, ranked with
// BM25 (a match in a short field like the title weighs more than one in a long
// abstract, rare words more than common ones) and field weights that put title
// matches above abstract matches. Plain TypeScript over typed arrays; see
// README "Search" for why not a search library (build time at 100k papers).
//
// Documents get an internal number. Re-indexing a paper gives it a new number
// and marks the old one dead, so an edit costs O(words of that paper); dead
// entries are skipped by queries and dropped by compactIfWasteful().
import type { Collection, ReadingStatus } from '../../../shared/model'
import type { Fingerprint } from './documentFingerprint'
import type { SearchDocument, SearchState } from './searchDocument'
import { documentFingerprint } from './documentFingerprint'
import { withinEditDistance } from './editDistance'
import type { FieldArrays } from './fieldPostings'
import { FieldPostings, listRoom } from './fieldPostings'
import { checkForwardArrays } from './forwardWords'
import { WordMarks } from './wordMarks'
import { RankedHits } from './rankedHits'
import type { ParsedQuery, QueryClause } from './queryParser'
import { TermDictionary } from './termDictionary'

export const SEARCH_FIELDS = [
  'title',
  'abstract',
  'authors',
  'organization',
  'tags',
  'note',
] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]

export interface SearchContext {
  /** The library's collections, for in:"Name". */
  collections: readonly Collection[]
  /**
   * The papers the user's current view is limited to (e.g. the open
   * collection). Searching keeps it, unless the query names a collection.
   */
  scope?: ReadonlySet<string>
}

/** What to mark in a matching paper's text: a set of words, or a phrase, in one field or all. */
export interface HighlightTerm {
  field?: SearchField
  words?: ReadonlySet<string>
  phrase?: readonly string[]
}

/**
 * Ranked hits for a query with words; for a filter-only query (is:starred) the
 * matching ids, unordered: the caller keeps its list order.
 */
export type SearchResult =
  | { ranked: true; hits: RankedHits; highlight: HighlightTerm[] }
  | { ranked: false; ids: string[]; highlight: HighlightTerm[] }

/** A title match outranks an abstract match; names and tags are nearly as telling. */
const FIELD_WEIGHT: Record<SearchField, number> = {
  title: 6,
  authors: 4,
  tags: 4,
  organization: 2,
  abstract: 1,
  note: 1.5,
}
const K1 = 1.2
/**
 * How much a field's length dilutes a match (BM25's b): a long abstract that
 * mentions a word once is less about it than a short one, but a long title
 * that names the word is as much about it as a short title.
 */
const LENGTH_DILUTION: Record<SearchField, number> = {
  title: 0.2,
  authors: 0.2,
  tags: 0,
  organization: 0,
  abstract: 0.75,
  note: 0.75,
}
/** Prefix matching starts at this many letters ("ret" -> retrieval, retrieve, …). */
const MIN_PREFIX_LENGTH = 3
/** Typo tolerance starts at this many letters (one edit; two from nine letters). */
const MIN_FUZZY_LENGTH = 5
const MAX_PREFIX_EXPANSIONS = 200
const EXACT_WEIGHT = 1
/** Weights of words one and two edits away from a query word, by whether that word is known. */
const TYPO_WEIGHT = [1, 0.8, 0.6]
const NEAR_MISS_WEIGHT = [1, 0.4, 0.25]
const PHRASE_WEIGHT = 1.5
/** Each required clause takes one bit of a mask; words beyond this many are ignored. */
const MAX_REQUIRED_CLAUSES = 30

const FIELD_OF_QUERY: Record<
  NonNullable<Extract<QueryClause, { kind: 'text' }>['field']>,
  SearchField
> = { title: 'title', authors: 'authors', tags: 'tags' }

type TextClause = Extract<QueryClause, { kind: 'text' }>

const STATUS_CODE: Record<ReadingStatus, number> = { unread: 0, reading: 1, read: 2 }

interface Expansion {
  word: number
  weight: number
}

/**
 * The whole index as plain arrays, for the index file (searchIndexFile.ts).
 * Document numbers are kept as they are: dead ones have no paper.
 */
export interface SearchIndexArrays {
  words: string[]
  paperOf: (string | null)[]
  /** Per document: its Fingerprint as first, second, length. */
  fingerprints: Int32Array
  year: Uint16Array
  day: Int32Array
  noted: Uint8Array
  /** Per document: reading status (STATUS_CODE) and star (0 or 1). */
  status: Uint8Array
  starred: Uint8Array
  fields: FieldArrays[]
}

export class SearchIndex {
  private dictionary = new TermDictionary()
  private readonly marks = new WordMarks()
  private fields = SEARCH_FIELDS.map(() => new FieldPostings(this.marks))
  private readonly docOf = new Map<string, number>()
  private paperOf: (string | undefined)[] = []
  private live = new Uint8Array(1024)
  private status = new Uint8Array(1024)
  private starred = new Uint8Array(1024)
  private noted = new Uint8Array(1024)
  private year = new Uint16Array(1024)
  private day = new Int32Array(1024)
  /** Three numbers per document: its Fingerprint when it was indexed. */
  private fingerprints = new Int32Array(3 * 1024)
  private nextDoc = 0
  private deadDocs = 0
  // Query scratch, sized to nextDoc; all zero between queries.
  private score = new Float64Array(0)
  private clauseScore = new Float64Array(0)
  private expansionScore = new Float64Array(0)
  private mask = new Int32Array(0)
  /** Which documents the current query may match (see search()). */
  private gate = new Uint8Array(0)
  // Documents a query reached, reused from query to query (no garbage per query).
  private readonly touched = new DocList()
  private readonly clauseTouched = new DocList()
  private readonly expansionTouched = new DocList()
  /** Until finishBuild() (or the first search), upserts only write documents down. */
  private building = true

  get size(): number {
    return this.docOf.size
  }

  has(id: string): boolean {
    return this.docOf.has(id)
  }

  /** Indexes a paper, replacing what was indexed for it before. */
  upsert(document: SearchDocument): void {
    this.remove(document.id)
    const doc = this.nextDoc++
    this.reserveDocs(doc + 1)
    this.docOf.set(document.id, doc)
    this.paperOf[doc] = document.id
    this.live[doc] = 1
    const texts: Record<SearchField, string> = {
      title: document.title,
      abstract: document.abstract,
      authors: document.authors.join('\n'),
      organization: document.organization ?? '',
      tags: document.tags.join('\n'),
      note: document.note,
    }
    SEARCH_FIELDS.forEach((field, f) => {
      const count = this.dictionary.internText(texts[field])
      const postings = this.fields[f] as FieldPostings
      postings.add(doc, this.dictionary.buffer, count, this.dictionary.size)
    })
    this.noted[doc] = document.note.trim() === '' ? 0 : 1
    const published = document.published ?? ''
    const year = Number(published.slice(0, 4))
    this.year[doc] = /^\d{4}/.test(published) ? year : 0
    const day = Number(published.slice(0, 10).replace(/-/g, ''))
    this.day[doc] = Number.isFinite(day) ? day : 0
    const fingerprint = documentFingerprint(document)
    this.fingerprints[3 * doc] = fingerprint.first
    this.fingerprints[3 * doc + 1] = fingerprint.second
    this.fingerprints[3 * doc + 2] = fingerprint.length
    this.setState(document.id, document)
  }

  /** Whether the paper was indexed with exactly this text (see documentFingerprint). */
  isCurrent(id: string, fingerprint: Fingerprint): boolean {
    const doc = this.docOf.get(id)
    return (
      doc !== undefined &&
      this.fingerprints[3 * doc] === fingerprint.first &&
      this.fingerprints[3 * doc + 1] === fingerprint.second &&
      this.fingerprints[3 * doc + 2] === fingerprint.length
    )
  }

  /** Ids of every indexed paper. */
  ids(): IterableIterator<string> {
    return this.docOf.keys()
  }

  /** Updates status and star without re-reading the paper's text. */
  setState(id: string, state: SearchState): void {
    const doc = this.docOf.get(id)
    if (doc === undefined) return
    this.status[doc] = STATUS_CODE[state.status]
    this.starred[doc] = state.starred ? 1 : 0
  }

  remove(id: string): void {
    const doc = this.docOf.get(id)
    if (doc === undefined) return
    this.docOf.delete(id)
    this.paperOf[doc] = undefined
    this.live[doc] = 0
    this.deadDocs++
    for (const postings of this.fields) postings.remove(doc)
  }

  /**
   * Call after a bulk build: makes the inverted lists, prepares the
   * vocabulary's sorted view (so the first query is fast) and gives back the
   * arrays' spare room. The first search does it when nobody did.
   */
  finishBuild(): void {
    this.building = false
    this.dictionary.sortPending()
    for (const postings of this.fields) postings.finish()
  }

  /** Drops dead entries once they are a quarter of the index; returns whether it did. */
  compactIfWasteful(): boolean {
    if (this.deadDocs < 1000 || this.deadDocs * 4 < this.docOf.size) return false
    if (this.building) this.finishBuild()
    for (const postings of this.fields) postings.compact((doc) => this.live[doc] === 1)
    this.deadDocs = 0
    return true
  }

  /** The index as arrays, for saving, without dead entries. Copies; changes nothing. */
  toArrays(): SearchIndexArrays {
    if (this.building) this.finishBuild()
    const docCount = this.nextDoc
    const live = this.deadDocs === 0 ? undefined : this.live
    return {
      words: Array.from({ length: this.dictionary.size }, (_, id) => this.dictionary.wordOf(id)),
      paperOf: Array.from({ length: docCount }, (_, doc) => this.paperOf[doc] ?? null),
      fingerprints: this.fingerprints.slice(0, 3 * docCount),
      year: this.year.slice(0, docCount),
      day: this.day.slice(0, docCount),
      noted: this.noted.slice(0, docCount),
      status: this.status.slice(0, docCount),
      starred: this.starred.slice(0, docCount),
      fields: this.fields.map((postings) =>
        postings.toArrays(docCount, this.dictionary.size, live),
      ),
    }
  }

  /**
   * An index read back from a file. Checks that every number points where it
   * may, so a damaged file throws here instead of misleading a query later.
   */
  static fromArrays(arrays: SearchIndexArrays): SearchIndex {
    checkArrays(arrays)
    const index = new SearchIndex()
    index.building = false
    index.dictionary = TermDictionary.fromWords(arrays.words)
    const docCount = arrays.paperOf.length
    index.reserveDocs(docCount)
    index.nextDoc = docCount
    arrays.paperOf.forEach((id, doc) => {
      if (id === null) return
      index.docOf.set(id, doc)
      index.paperOf[doc] = id
      index.live[doc] = 1
    })
    if (index.docOf.size !== arrays.paperOf.filter((id) => id !== null).length) {
      throw new Error('damaged search index: a paper twice')
    }
    index.fingerprints.set(arrays.fingerprints)
    index.year.set(arrays.year)
    index.day.set(arrays.day)
    index.noted.set(arrays.noted)
    index.status.set(arrays.status)
    index.starred.set(arrays.starred)
    index.fields = arrays.fields.map((field) =>
      FieldPostings.fromArrays(field, index.docOf.size, index.marks),
    )
    return index
  }

  search(query: ParsedQuery, context: SearchContext): SearchResult {
    if (this.building) this.finishBuild()
    this.reserveScratch()
    const required = query.clauses
      .filter((clause): clause is TextClause => clause.kind === 'text' && !clause.negated)
      .slice(0, MAX_REQUIRED_CLAUSES)
    const excluding = query.clauses.filter(
      (clause): clause is TextClause => clause.kind === 'text' && clause.negated,
    )
    // The papers a match may come from: live, passing every filter, not
    // excluded. Worked out first, so scoring never spends time on the rest.
    const accepts = this.filterOf(query, context)
    let gate = this.live
    if (accepts !== undefined || excluding.length > 0) {
      gate = this.gate
      for (let doc = 0; doc < this.nextDoc; doc++) {
        gate[doc] = this.live[doc] === 1 && (accepts === undefined || accepts(doc)) ? 1 : 0
      }
      for (const clause of excluding) {
        this.visitClauseMatches(clause, (doc) => {
          gate[doc] = 0
        })
      }
    }
    if (required.length === 0) {
      const ids: string[] = []
      for (let doc = 0; doc < this.nextDoc; doc++) {
        if (gate[doc] === 1) ids.push(this.paperOf[doc] as string)
      }
      return { ranked: false, ids, highlight: [] }
    }
    return this.rank(required, gate)
  }

  /** What a query's words would mark in a paper's text (without running the query). */
  highlightTerms(query: ParsedQuery): HighlightTerm[] {
    return query.clauses
      .filter((clause): clause is TextClause => clause.kind === 'text' && !clause.negated)
      .map((clause, index, all) =>
        this.highlightTermOf(clause, this.expansionsOf(clause, index === all.length - 1)),
      )
  }

  // -------------------------------------------------------------------------

  private highlightTermOf(clause: TextClause, expansions: Expansion[] | undefined): HighlightTerm {
    const term: HighlightTerm =
      clause.field === undefined ? {} : { field: FIELD_OF_QUERY[clause.field] }
    if (expansions === undefined) term.phrase = clause.words
    else term.words = new Set(expansions.map(({ word }) => this.dictionary.wordOf(word)))
    return term
  }

  private rank(required: TextClause[], gate: Uint8Array): SearchResult {
    // Every clause is required, so the most selective one goes first and the
    // others only add to papers already in the running.
    const typing = required[required.length - 1]
    const planned = required.map((clause) => {
      const expansions = this.expansionsOf(clause, clause === typing)
      return { clause, expansions, cost: this.costOf(clause, expansions) }
    })
    planned.sort((a, b) => a.cost - b.cost)
    const touched = this.touched.clear()
    const highlight: HighlightTerm[] = []
    let before = 0
    planned.forEach(({ clause, expansions }, index) => {
      const bit = 1 << index
      const clauseTouched = this.clauseTouched.clear()
      for (const { word, weight } of expansions ?? []) {
        // Within one expansion a paper's fields add up; across expansions
        // ("retrieval", "retriever") a paper counts only its best one.
        const expansionTouched = this.expansionTouched.clear()
        for (const f of this.fieldsOf(clause)) {
          this.addWordScores(f, word, weight, before, gate, expansionTouched)
        }
        for (let i = 0; i < expansionTouched.length; i++) {
          const doc = expansionTouched.at(i)
          const value = this.expansionScore[doc] as number
          this.expansionScore[doc] = 0
          const best = this.clauseScore[doc] as number
          if (best === 0) clauseTouched.push(doc)
          if (value > best) this.clauseScore[doc] = value
        }
      }
      if (expansions === undefined) {
        for (const f of this.fieldsOf(clause)) {
          this.addPhraseScores(f, clause.words, before, gate, clauseTouched)
        }
      }
      for (let i = 0; i < clauseTouched.length; i++) {
        const doc = clauseTouched.at(i)
        const marks = this.mask[doc] as number
        if (marks === 0) touched.push(doc)
        this.mask[doc] = marks | bit
        this.score[doc] = (this.score[doc] as number) + (this.clauseScore[doc] as number)
        this.clauseScore[doc] = 0
      }
      before |= bit
      highlight.push(this.highlightTermOf(clause, expansions))
    })
    const ids: string[] = []
    const scores = new Float64Array(touched.length)
    const days = new Int32Array(touched.length)
    for (let i = 0; i < touched.length; i++) {
      const doc = touched.at(i)
      if (this.mask[doc] === before) {
        scores[ids.length] = this.score[doc] as number
        days[ids.length] = this.day[doc] as number
        ids.push(this.paperOf[doc] as string)
      }
      this.score[doc] = 0
      this.mask[doc] = 0
    }
    const hits = new RankedHits(ids, scores.subarray(0, ids.length), days.subarray(0, ids.length))
    return { ranked: true, hits, highlight }
  }

  /**
   * Adds the BM25 score of `word` in field `f` to `expansionScore` for every
   * live paper that has it and matched every earlier clause (`before`).
   */
  private addWordScores(
    f: number,
    word: number,
    weight: number,
    before: number,
    gate: Uint8Array,
    touched: DocList,
  ): void {
    const postings = this.fields[f] as FieldPostings
    const list = postings.list(word)
    if (list === undefined) return
    const field = SEARCH_FIELDS[f] as SearchField
    const factor = FIELD_WEIGHT[field] * weight * this.idf(postings, word) * (K1 + 1)
    const b = LENGTH_DILUTION[field]
    const base = K1 * (1 - b)
    const slope = (K1 * b) / (postings.averageLength || 1)
    const { docs, counts, start, length } = list
    const { mask, expansionScore } = this
    for (let i = start; i < start + length; i++) {
      const doc = docs[i] as number
      if (gate[doc] !== 1 || ((mask[doc] as number) & before) !== before) continue
      const count = counts[i] as number
      const value = (factor * count) / (count + base + slope * postings.lengthOf(doc))
      const previous = expansionScore[doc] as number
      if (previous === 0) touched.push(doc)
      expansionScore[doc] = previous + value
    }
  }

  /** Adds the score of the phrase `words` in field `f` to `clauseScore`. */
  private addPhraseScores(
    f: number,
    words: readonly string[],
    before: number,
    gate: Uint8Array,
    touched: DocList,
  ): void {
    const postings = this.fields[f] as FieldPostings
    const ids = words.map((word) => this.dictionary.find(word))
    if (ids.some((id) => id === -1 || postings.frequency(id) === 0)) return
    const idf = ids.reduce((sum, id) => sum + this.idf(postings, id), 0)
    const field = SEARCH_FIELDS[f] as SearchField
    const factor = FIELD_WEIGHT[field] * PHRASE_WEIGHT * idf * (K1 + 1)
    const b = LENGTH_DILUTION[field]
    const base = K1 * (1 - b)
    const slope = (K1 * b) / (postings.averageLength || 1)
    this.visitPhrase(f, ids, before, gate, (doc, count) => {
      const value = (factor * count) / (count + base + slope * postings.lengthOf(doc))
      const previous = this.clauseScore[doc] as number
      if (previous === 0) touched.push(doc)
      this.clauseScore[doc] = previous + value
    })
  }

  /** Calls `visit(doc, occurrences)` for each live document whose field `f` holds the phrase. */
  private visitPhrase(
    f: number,
    ids: number[],
    before: number,
    gate: Uint8Array,
    visit: (doc: number, count: number) => void,
  ): void {
    const postings = this.fields[f] as FieldPostings
    // Walk the rarest word's list and try the phrase only where that word is.
    let anchor = 0
    ids.forEach((id, k) => {
      if (postings.frequency(id) < postings.frequency(ids[anchor] as number)) anchor = k
    })
    const list = postings.list(ids[anchor] as number)
    if (list === undefined) return
    const { docs, counts, firsts, start, length } = list
    const mask = this.mask
    for (let i = start; i < start + length; i++) {
      const doc = docs[i] as number
      if (gate[doc] !== 1 || ((mask[doc] as number) & before) !== before) continue
      const count = postings.occurrences(doc, ids, anchor, firsts[i] as number, counts[i] as number)
      if (count > 0) visit(doc, count)
    }
  }

  /** Every live document a clause matches, exactly (used for exclusions: no prefix, no typos). */
  private visitClauseMatches(clause: TextClause, visit: (doc: number) => void): void {
    for (const f of this.fieldsOf(clause)) {
      if (clause.words.length === 1) {
        const id = this.dictionary.find(clause.words[0] ?? '')
        if (id === -1) continue
        const list = (this.fields[f] as FieldPostings).list(id)
        if (list === undefined) continue
        for (let i = list.start; i < list.start + list.length; i++) {
          const doc = list.docs[i] as number
          if (this.live[doc] === 1) visit(doc)
        }
      } else {
        const ids = clause.words.map((word) => this.dictionary.find(word))
        if (ids.some((id) => id === -1)) continue
        this.visitPhrase(f, ids, 0, this.live, (doc) => visit(doc))
      }
    }
  }

  /**
   * For a one-word clause: the word itself, longer words it begins and near
   * misses, each with its weight. Undefined for a phrase (matched exactly).
   * Prefixes are tried for the word still being typed (the query's last) and
   * for any fragment that is not a word of the library ("retriev tool"); a
   * complete word earlier in the query ("tool retrieval") is not widened to
   * "toolkit", "tools", …, which would only cost time and blur the ranking.
   */
  private expansionsOf(clause: TextClause, typing: boolean): Expansion[] | undefined {
    if (clause.phrase || clause.words.length !== 1) return undefined
    const word = clause.words[0] ?? ''
    const expansions: Expansion[] = []
    const exact = this.dictionary.find(word)
    if (exact !== -1) expansions.push({ word: exact, weight: EXACT_WEIGHT })
    if (word.length >= MIN_PREFIX_LENGTH && (typing || exact === -1)) {
      for (const id of this.dictionary.withPrefix(word, MAX_PREFIX_EXPANSIONS)) {
        if (id === exact) continue
        // "retriev" -> "retrieval" weighs almost as much as the word; "ret" -> "retrieval" less.
        const ratio = word.length / this.dictionary.wordOf(id).length
        expansions.push({ word: id, weight: 0.4 + 0.5 * ratio })
      }
    }
    if (word.length >= MIN_FUZZY_LENGTH) {
      const distance = word.length >= 9 ? 2 : 1
      const seen = new Set(expansions.map((expansion) => expansion.word))
      // A word the library has never seen is surely a typo: its near misses are
      // what the user meant. A known word's near misses are only a fallback.
      const weights = expansions.length === 0 ? TYPO_WEIGHT : NEAR_MISS_WEIGHT
      for (const id of this.dictionary.near(word, distance)) {
        if (seen.has(id)) continue
        const edits = withinEditDistance(word, this.dictionary.wordOf(id), 1) ? 1 : 2
        expansions.push({ word: id, weight: weights[edits] ?? 0.3 })
      }
    }
    return expansions
  }

  /** Roughly how many list entries a clause will visit: the cheapest goes first. */
  private costOf(clause: TextClause, expansions: Expansion[] | undefined): number {
    let cost = 0
    for (const f of this.fieldsOf(clause)) {
      const postings = this.fields[f] as FieldPostings
      if (expansions === undefined) {
        const ids = clause.words.map((word) => this.dictionary.find(word))
        cost += Math.min(...ids.map((id) => (id === -1 ? 0 : postings.frequency(id))))
      } else {
        for (const { word } of expansions) cost += postings.frequency(word)
      }
    }
    return cost
  }

  private fieldsOf(clause: TextClause): number[] {
    if (clause.field === undefined) return SEARCH_FIELDS.map((_field, f) => f)
    return [SEARCH_FIELDS.indexOf(FIELD_OF_QUERY[clause.field])]
  }

  private idf(postings: FieldPostings, word: number): number {
    const frequency = postings.frequency(word)
    const count = postings.documentCount
    return Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5))
  }

  /** The qualifiers (is:, has:, year:, in:) and the view's scope as one test; undefined when none. */
  private filterOf(
    query: ParsedQuery,
    context: SearchContext,
  ): ((doc: number) => boolean) | undefined {
    const tests: ((doc: number) => boolean)[] = []
    let namesCollection = false
    for (const clause of query.clauses) {
      let test: ((doc: number) => boolean) | undefined
      switch (clause.kind) {
        case 'status': {
          const code = STATUS_CODE[clause.status]
          test = (doc) => this.status[doc] === code
          break
        }
        case 'starred':
          test = (doc) => this.starred[doc] === 1
          break
        case 'has-note':
          test = (doc) => this.noted[doc] === 1
          break
        case 'year': {
          const { from, to } = clause
          test = (doc) => {
            const year = this.year[doc] ?? 0
            return year !== 0 && year >= from && year <= to
          }
          break
        }
        case 'collection': {
          if (!clause.negated) namesCollection = true
          // Marked by document number: a lookup per paper of the library would cost more.
          const members = new Uint8Array(this.nextDoc)
          for (const id of papersInCollectionsNamed(context.collections, clause.name)) {
            const doc = this.docOf.get(id)
            if (doc !== undefined) members[doc] = 1
          }
          test = (doc) => members[doc] === 1
          break
        }
        case 'text':
          break
      }
      if (test !== undefined) {
        const positive = test
        tests.push(clause.negated ? (doc) => !positive(doc) : positive)
      }
    }
    const scope = context.scope
    if (scope !== undefined && !namesCollection) {
      tests.push((doc) => scope.has(this.paperOf[doc] ?? ''))
    }
    if (tests.length <= 1) return tests[0]
    return (doc) => tests.every((test) => test(doc))
  }

  private reserveDocs(size: number): void {
    if (size <= this.live.length) return
    const capacity = Math.max(size, this.live.length * 2)
    this.live = resizedBytes(this.live, capacity)
    this.status = resizedBytes(this.status, capacity)
    this.starred = resizedBytes(this.starred, capacity)
    this.noted = resizedBytes(this.noted, capacity)
    const year = new Uint16Array(capacity)
    year.set(this.year)
    this.year = year
    const day = new Int32Array(capacity)
    day.set(this.day)
    this.day = day
    const fingerprints = new Int32Array(3 * capacity)
    fingerprints.set(this.fingerprints)
    this.fingerprints = fingerprints
  }

  private reserveScratch(): void {
    if (this.score.length >= this.nextDoc) return
    const capacity = Math.max(this.nextDoc, 1024)
    this.score = new Float64Array(capacity)
    this.clauseScore = new Float64Array(capacity)
    this.expansionScore = new Float64Array(capacity)
    this.mask = new Int32Array(capacity)
    this.gate = new Uint8Array(capacity)
  }
}

/**
 * Paper ids in every collection called `name` (case-insensitive) and in the
 * collections nested inside them, as Zotero shows subcollection items.
 */
export function papersInCollectionsNamed(
  collections: readonly Collection[],
  name: string,
): Set<string> {
  const wanted = name.trim().toLocaleLowerCase()
  const live = collections.filter((collection) => collection.trashedAt === undefined)
  const childrenOf = new Map<string, Collection[]>()
  for (const collection of live) {
    if (collection.parentId === undefined) continue
    const siblings = childrenOf.get(collection.parentId)
    if (siblings === undefined) childrenOf.set(collection.parentId, [collection])
    else siblings.push(collection)
  }
  const papers = new Set<string>()
  const visited = new Set<string>()
  const stack = live.filter((collection) => collection.name.trim().toLocaleLowerCase() === wanted)
  while (stack.length > 0) {
    const collection = stack.pop() as Collection
    if (visited.has(collection.id)) continue // a cycle in damaged data must not hang search
    visited.add(collection.id)
    for (const id of collection.paperIds) papers.add(id)
    stack.push(...(childrenOf.get(collection.id) ?? []))
  }
  return papers
}

/** Throws unless every array has its size and every number is in range (see SearchIndex.fromArrays). */
function checkArrays(arrays: SearchIndexArrays): void {
  const fail = (what: string): never => {
    throw new Error(`damaged search index: ${what}`)
  }
  const docCount = arrays.paperOf.length
  const vocabularySize = arrays.words.length
  if (arrays.fields.length !== SEARCH_FIELDS.length) fail('fields')
  if (
    arrays.fingerprints.length !== 3 * docCount ||
    arrays.year.length !== docCount ||
    arrays.day.length !== docCount ||
    arrays.noted.length !== docCount ||
    arrays.status.length !== docCount ||
    arrays.starred.length !== docCount
  ) {
    fail('document arrays')
  }
  for (let doc = 0; doc < docCount; doc++) {
    if ((arrays.status[doc] as number) > 2 || (arrays.starred[doc] as number) > 1) fail('a state')
  }
  // Which documents are papers, as bytes: the loops below ask for every
  // posting (tens of millions at 100k papers), and reading a byte array is
  // several times cheaper than comparing entries of the ids array.
  const live = new Uint8Array(docCount)
  arrays.paperOf.forEach((id, doc) => {
    if (id !== null) live[doc] = 1
  })
  for (const field of arrays.fields) {
    const { listLengths, docs, counts, firsts, forward, forwardStart, docLengths } = field
    if (listLengths.length !== vocabularySize) fail('vocabulary')
    if (forwardStart.length !== docCount || docLengths.length !== docCount) fail('documents')
    checkForwardArrays(forward, vocabularySize)
    for (let doc = 0; doc < docCount; doc++) {
      const start = forwardStart[doc] as number
      const length = docLengths[doc] as number
      if (length < 0 || (length > 0 && live[doc] === 0)) fail('a dead document')
      if (length > 0 && (start < 0 || start + length > forward.words.length)) fail('a document')
    }
    let room = 0
    for (const length of listLengths) room += listRoom(length)
    if (docs.length !== room || counts.length !== room || firsts.length !== room) fail('lists')
    let at = 0
    for (const length of listLengths) {
      let previous = -1
      for (let i = at; i < at + length; i++) {
        const doc = docs[i] as number
        if (doc <= previous || doc >= docCount || live[doc] === 0 || counts[i] === 0) {
          fail(counts[i] === 0 ? 'a count' : 'a list')
        }
        previous = doc
      }
      at += listRoom(length)
    }
  }
}

/** A growable list of document numbers, emptied and refilled by each query. */
class DocList {
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

function resizedBytes(array: Uint8Array, capacity: number): Uint8Array<ArrayBuffer> {
  const bigger = new Uint8Array(capacity)
  bigger.set(array)
  return bigger
}
