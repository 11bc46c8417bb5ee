import { describe, expect, it } from 'vitest'
import {
  parseQuery,
  parseYearRange,
  type QueryClause,
} from '../../src/main/core/search/queryParser'

function clauses(input: string): QueryClause[] {
  return parseQuery(input).clauses
}

describe('the search query language', () => {
  it('reads plain words as required words, folded to lower case without accents', () => {
    expect(clauses('Tool  Retrieval Schölkopf')).toEqual([
      { kind: 'text', words: ['tool'], phrase: false, negated: false },
      { kind: 'text', words: ['retrieval'], phrase: false, negated: false },
      { kind: 'text', words: ['scholkopf'], phrase: false, negated: false },
    ])
  })

  it('reads "quoted words" as one phrase, and a hyphenated token as adjacent words', () => {
    expect(clauses('"tool retrieval" GPT-4')).toEqual([
      { kind: 'text', words: ['tool', 'retrieval'], phrase: true, negated: false },
      { kind: 'text', words: ['gpt', '4'], phrase: true, negated: false },
    ])
  })

  it('excludes words and phrases with a leading minus', () => {
    expect(clauses('agents -survey -"large language"')).toEqual([
      { kind: 'text', words: ['agents'], phrase: false, negated: false },
      { kind: 'text', words: ['survey'], phrase: false, negated: true },
      { kind: 'text', words: ['large', 'language'], phrase: true, negated: true },
    ])
  })

  it('restricts words to a field with title:, author: and tag:', () => {
    expect(clauses('title:tool author:"Ada Lovelace" tag:RL')).toEqual([
      { kind: 'text', words: ['tool'], phrase: false, field: 'title', negated: false },
      { kind: 'text', words: ['ada', 'lovelace'], phrase: true, field: 'authors', negated: false },
      { kind: 'text', words: ['rl'], phrase: false, field: 'tags', negated: false },
    ])
    expect(clauses('-title:survey')).toEqual([
      { kind: 'text', words: ['survey'], phrase: false, field: 'title', negated: true },
    ])
  })

  it('reads is:, has:, in: and year: as filters, in any case and negated', () => {
    expect(clauses('is:unread IS:Reading is:read is:starred -is:starred')).toEqual([
      { kind: 'status', status: 'unread', negated: false },
      { kind: 'status', status: 'reading', negated: false },
      { kind: 'status', status: 'read', negated: false },
      { kind: 'starred', negated: false },
      { kind: 'starred', negated: true },
    ])
    expect(clauses('has:note -has:note')).toEqual([
      { kind: 'has-note', negated: false },
      { kind: 'has-note', negated: true },
    ])
    expect(clauses('in:"Reading list" in:Inbox -in:Done')).toEqual([
      { kind: 'collection', name: 'Reading list', negated: false },
      { kind: 'collection', name: 'Inbox', negated: false },
      { kind: 'collection', name: 'Done', negated: true },
    ])
    expect(clauses('year:2024 year:2023..2025 -year:2020')).toEqual([
      { kind: 'year', from: 2024, to: 2024, negated: false },
      { kind: 'year', from: 2023, to: 2025, negated: false },
      { kind: 'year', from: 2020, to: 2020, negated: true },
    ])
  })

  it('reads open and reversed year ranges', () => {
    expect(parseYearRange('2023..')).toEqual({ from: 2023, to: 9999 })
    expect(parseYearRange('..2025')).toEqual({ from: 0, to: 2025 })
    expect(parseYearRange('2025..2023')).toEqual({ from: 2023, to: 2025 })
    for (const bad of ['', '..', '24', '2024-01', 'abcd', '2024...2025', '2024..25']) {
      expect(parseYearRange(bad), bad).toBeUndefined()
    }
  })

  it('searches unknown qualifiers and unusable values as words, never failing', () => {
    expect(clauses('foo:bar')).toEqual([
      { kind: 'text', words: ['foo'], phrase: false, negated: false },
      { kind: 'text', words: ['bar'], phrase: false, negated: false },
    ])
    expect(clauses('is:banana year:soon has:pdf')).toEqual([
      { kind: 'text', words: ['is'], phrase: false, negated: false },
      { kind: 'text', words: ['banana'], phrase: false, negated: false },
      { kind: 'text', words: ['year'], phrase: false, negated: false },
      { kind: 'text', words: ['soon'], phrase: false, negated: false },
      { kind: 'text', words: ['has'], phrase: false, negated: false },
      { kind: 'text', words: ['pdf'], phrase: false, negated: false },
    ])
    expect(clauses('arXiv:2401.12345')).toEqual([
      { kind: 'text', words: ['arxiv'], phrase: false, negated: false },
      { kind: 'text', words: ['2401', '12345'], phrase: true, negated: false },
    ])
  })

  it('survives malformed input: lone quotes, dashes, empty qualifiers, punctuation', () => {
    expect(clauses('"unterminated phrase')).toEqual([
      { kind: 'text', words: ['unterminated', 'phrase'], phrase: true, negated: false },
    ])
    expect(clauses('- -- "" title: in:"" is: ::: ---x')).toEqual([
      { kind: 'text', words: ['title'], phrase: false, negated: false },
      { kind: 'text', words: ['in'], phrase: false, negated: false },
      { kind: 'text', words: ['is'], phrase: false, negated: false },
      { kind: 'text', words: ['x'], phrase: false, negated: true },
    ])
    expect(clauses('   ')).toEqual([])
  })

  it('never throws, whatever it is given', () => {
    const alphabet = [
      'a',
      'Z',
      ' ',
      '"',
      '-',
      ':',
      '.',
      'é',
      '\u0301',
      '😀',
      '\n',
      'is',
      'in',
      'year',
      '2024',
    ]
    let seed = 7
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    for (let i = 0; i < 2000; i++) {
      let input = ''
      const length = Math.floor(next() * 30)
      for (let j = 0; j < length; j++) input += alphabet[Math.floor(next() * alphabet.length)]
      expect(() => parseQuery(input), JSON.stringify(input)).not.toThrow()
    }
    expect(() => parseQuery('"'.repeat(10_000))).not.toThrow()
  })
})
