// What the search index knows of each document besides its words: which
// paper it is (a re-indexed paper gets a new number; the old one is dead),
// its reading status and star, whether it has a note, its date, and the
// fingerprint of the text it was indexed with. The qualifiers of a query
// (is:, has:, year:, in:) are tests over these arrays.
import type { ReadingStatus } from '../../../shared/model'
import { documentFingerprint } from './documentFingerprint'
import type { Fingerprint } from './documentFingerprint'
import { papersInCollectionsNamed } from './collectionMembers'
import type { SearchIndexArrays } from './indexArrays'
import type { ParsedQuery } from './queryParser'
import type { SearchDocument, SearchState } from './searchDocument'
import type { SearchContext } from './searchIndex'

const STATUS_CODE: Record<ReadingStatus, number> = { unread: 0, reading: 1, read: 2 }

/** The per-document arrays of SearchIndexArrays. */
export type DocumentArrays = Omit<SearchIndexArrays, 'words' | 'fields'>

export class DocumentTable {
  readonly docOf = new Map<string, number>()
  paperOf: (string | undefined)[] = []
  live = new Uint8Array(1024)
  status = new Uint8Array(1024)
  starred = new Uint8Array(1024)
  noted = new Uint8Array(1024)
  year = new Uint16Array(1024)
  day = new Int32Array(1024)
  /** Three numbers per document: its Fingerprint when it was indexed. */
  fingerprints = new Int32Array(3 * 1024)
  /** The next document's number: every number below it was given out. */
  count = 0
  /** Documents whose paper was re-indexed or removed since the last compaction. */
  dead = 0

  /** Numbers a new document for `document` and notes what it knows of it. */
  add(document: SearchDocument): number {
    const doc = this.count++
    this.reserve(doc + 1)
    this.docOf.set(document.id, doc)
    this.paperOf[doc] = document.id
    this.live[doc] = 1
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
    return doc
  }

  /** Marks the paper's document dead; returns its number, if it had one. */
  remove(id: string): number | undefined {
    const doc = this.docOf.get(id)
    if (doc === undefined) return undefined
    this.docOf.delete(id)
    this.paperOf[doc] = undefined
    this.live[doc] = 0
    this.dead++
    return doc
  }

  /** Updates status and star without re-reading the paper's text. */
  setState(id: string, state: SearchState): void {
    const doc = this.docOf.get(id)
    if (doc === undefined) return
    this.status[doc] = STATUS_CODE[state.status]
    this.starred[doc] = state.starred ? 1 : 0
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

  /** The qualifiers (is:, has:, year:, in:) and the view's scope as one test; undefined when none. */
  filterOf(query: ParsedQuery, context: SearchContext): ((doc: number) => boolean) | undefined {
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
          const members = new Uint8Array(this.count)
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

  /** Room for documents numbered below `size`. */
  reserve(size: number): void {
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

  /** Copies of the arrays, for saving. */
  toArrays(): DocumentArrays {
    const count = this.count
    return {
      paperOf: Array.from({ length: count }, (_, doc) => this.paperOf[doc] ?? null),
      fingerprints: this.fingerprints.slice(0, 3 * count),
      year: this.year.slice(0, count),
      day: this.day.slice(0, count),
      noted: this.noted.slice(0, count),
      status: this.status.slice(0, count),
      starred: this.starred.slice(0, count),
    }
  }

  /** The table of checked arrays read back from a file (indexArrays.ts checks them). */
  static fromArrays(arrays: DocumentArrays): DocumentTable {
    const table = new DocumentTable()
    const count = arrays.paperOf.length
    table.reserve(count)
    table.count = count
    arrays.paperOf.forEach((id, doc) => {
      if (id === null) return
      table.docOf.set(id, doc)
      table.paperOf[doc] = id
      table.live[doc] = 1
    })
    if (table.docOf.size !== arrays.paperOf.filter((id) => id !== null).length) {
      throw new Error('damaged search index: a paper twice')
    }
    table.fingerprints.set(arrays.fingerprints)
    table.year.set(arrays.year)
    table.day.set(arrays.day)
    table.noted.set(arrays.noted)
    table.status.set(arrays.status)
    table.starred.set(arrays.starred)
    return table
  }
}

function resizedBytes(array: Uint8Array, capacity: number): Uint8Array<ArrayBuffer> {
  const bigger = new Uint8Array(capacity)
  bigger.set(array)
  return bigger
}
