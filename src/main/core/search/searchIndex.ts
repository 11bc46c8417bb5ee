// The search engine over the library: an inverted index per field, ranked with
// BM25 (a match in a short field like the title weighs more than one in a long
// abstract, rare words more than common ones) and field weights that put title
// matches above abstract matches. Plain TypeScript over typed arrays; see
// README "Search" for why not a search library (build time at 100k papers).
//
// Documents get an internal number. Re-indexing a paper gives it a new number
// and marks the old one dead, so an edit costs O(words of that paper); dead
// entries are skipped by queries and dropped by compactIfWasteful().
import type { Collection } from '../../../shared/model'
import type { Fingerprint } from './documentFingerprint'
import { DocList } from './docList'
import { DocumentTable } from './documentTable'
import { withinEditDistance } from './editDistance'
import { FieldPostings } from './fieldPostings'
import { checkArrays } from './indexArrays'
import type { SearchIndexArrays } from './indexArrays'
import type { SearchDocument, SearchState } from './searchDocument'
import { SEARCH_FIELDS } from './searchFields'
import type { SearchField } from './searchFields'
import { WordMarks } from './wordMarks'
import { RankedHits } from './rankedHits'
import {
  EXACT_WEIGHT,
  FIELD_WEIGHT,
  K1,
  LENGTH_DILUTION,
  MAX_PREFIX_EXPANSIONS,
  MIN_FUZZY_LENGTH,
  MIN_PREFIX_LENGTH,
  NEAR_MISS_WEIGHT,
  PHRASE_WEIGHT,
  TYPO_WEIGHT,
} from './rankingWeights'
import type { ParsedQuery, QueryClause } from './queryParser'
import { TermDictionary } from './termDictionary'

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

/** Each required clause takes one bit of a mask; words beyond this many are ignored. */
const MAX_REQUIRED_CLAUSES = 30

const FIELD_OF_QUERY: Record<
  NonNullable<Extract<QueryClause, { kind: 'text' }>['field']>,
  SearchField
> = { title: 'title', authors: 'authors', tags: 'tags' }

type TextClause = Extract<QueryClause, { kind: 'text' }>

interface Expansion {
  word: number
  weight: number
}

export class SearchIndex {
  private dictionary = new TermDictionary()
  private readonly marks = new WordMarks()
  private fields = SEARCH_FIELDS.map(() => new FieldPostings(this.marks))
  private docs = new DocumentTable()
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
    return this.docs.docOf.size
  }

  has(id: string): boolean {
    return this.docs.docOf.has(id)
  }

  /** Indexes a paper, replacing what was indexed for it before. */
  upsert(document: SearchDocument): void {
    this.remove(document.id)
    const doc = this.docs.add(document)
    const texts: Record<SearchField, string> = {
      title: document.title,
      abstract: document.abstract,
      authors: document.authors.join('\n'),
      organization: document.organization ?? '',
      tags: document.tags.join('\n'),
      note: document.note,
      aiSummary: document.aiSummary ?? '',
    }
    SEARCH_FIELDS.forEach((field, f) => {
      const count = this.dictionary.internText(texts[field])
      const postings = this.fields[f] as FieldPostings
      postings.add(doc, this.dictionary.buffer, count, this.dictionary.size)
    })
  }

  /** Whether the paper was indexed with exactly this text (see documentFingerprint). */
  isCurrent(id: string, fingerprint: Fingerprint): boolean {
    return this.docs.isCurrent(id, fingerprint)
  }

  /** Ids of every indexed paper. */
  ids(): IterableIterator<string> {
    return this.docs.docOf.keys()
  }

  /** Updates status and star without re-reading the paper's text. */
  setState(id: string, state: SearchState): void {
    this.docs.setState(id, state)
  }

  remove(id: string): void {
    const doc = this.docs.remove(id)
    if (doc !== undefined) for (const postings of this.fields) postings.remove(doc)
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
    const docs = this.docs
    if (docs.dead < 1000 || docs.dead * 4 < docs.docOf.size) return false
    if (this.building) this.finishBuild()
    for (const postings of this.fields) postings.compact((doc) => docs.live[doc] === 1)
    docs.dead = 0
    return true
  }

  /** The index as arrays, for saving, without dead entries. Copies; changes nothing. */
  toArrays(): SearchIndexArrays {
    if (this.building) this.finishBuild()
    const docs = this.docs
    const live = docs.dead === 0 ? undefined : docs.live
    return {
      words: Array.from({ length: this.dictionary.size }, (_, id) => this.dictionary.wordOf(id)),
      ...docs.toArrays(),
      fields: this.fields.map((postings) =>
        postings.toArrays(docs.count, this.dictionary.size, live),
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
    index.docs = DocumentTable.fromArrays(arrays)
    index.fields = arrays.fields.map((field) =>
      FieldPostings.fromArrays(field, index.docs.docOf.size, index.marks),
    )
    return index
  }

  search(query: ParsedQuery, context: SearchContext): SearchResult {
    const gate = this.gateOf(query, context)
    const required = query.clauses
      .filter((clause): clause is TextClause => clause.kind === 'text' && !clause.negated)
      .slice(0, MAX_REQUIRED_CLAUSES)
    if (required.length === 0) {
      const ids: string[] = []
      for (let doc = 0; doc < this.docs.count; doc++) {
        if (gate[doc] === 1) ids.push(this.docs.paperOf[doc] as string)
      }
      return { ranked: false, ids, highlight: [] }
    }
    return this.rank(required, gate)
  }

  /** Whether a paper passes the query's filters and exclusions (its required words are not asked). */
  passes(query: ParsedQuery, context: SearchContext): (id: string) => boolean {
    const gate = this.gateOf(query, context).slice(0, this.docs.count)
    return (id) => gate[this.docs.docOf.get(id) ?? gate.length] === 1
  }

  /** The papers a match may come from: live, passing every filter, not excluded (worked out first). */
  private gateOf(query: ParsedQuery, context: SearchContext): Uint8Array {
    if (this.building) this.finishBuild()
    this.reserveScratch()
    const excluding = query.clauses.filter(
      (clause): clause is TextClause => clause.kind === 'text' && clause.negated,
    )
    const accepts = this.docs.filterOf(query, context)
    if (accepts === undefined && excluding.length === 0) return this.docs.live
    const gate = this.gate
    for (let doc = 0; doc < this.docs.count; doc++) {
      gate[doc] = this.docs.live[doc] === 1 && (accepts === undefined || accepts(doc)) ? 1 : 0
    }
    for (const clause of excluding) {
      this.visitClauseMatches(clause, (doc) => {
        gate[doc] = 0
      })
    }
    return gate
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
        days[ids.length] = this.docs.day[doc] as number
        ids.push(this.docs.paperOf[doc] as string)
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
          if (this.docs.live[doc] === 1) visit(doc)
        }
      } else {
        const ids = clause.words.map((word) => this.dictionary.find(word))
        if (ids.some((id) => id === -1)) continue
        this.visitPhrase(f, ids, 0, this.docs.live, (doc) => visit(doc))
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

  private reserveScratch(): void {
    if (this.score.length >= this.docs.count) return
    const capacity = Math.max(this.docs.count, 1024)
    this.score = new Float64Array(capacity)
    this.clauseScore = new Float64Array(capacity)
    this.expansionScore = new Float64Array(capacity)
    this.mask = new Int32Array(capacity)
    this.gate = new Uint8Array(capacity)
  }
}
