// Pandoc's citation syntax as notes are read for the preview, backlinks and
// export: every form the issue names, what is not a citation, and the `[@`
// autocomplete's trigger. Forms as the pandoc manual ("Citation syntax") writes them.
import { describe, expect, it } from 'vitest'
import {
  citedKeys,
  formatCitationKey,
  openCitationBefore,
  parseCitations,
} from '../../src/shared/text/pandocCitations'

const only = (body: string) => parseCitations(body).map(({ mode, items }) => ({ mode, items }))

describe('pandoc citations in a note', () => {
  it('reads [@key] as one citation of one work', () => {
    expect(parseCitations('As shown [@doe99].')).toEqual([
      { start: 9, end: 17, mode: 'normal', items: [{ key: 'doe99' }] },
    ])
  })

  it('reads [@a; @b] as one citation of two works', () => {
    expect(only('[@doe99; @smith04]')).toEqual([
      { mode: 'normal', items: [{ key: 'doe99' }, { key: 'smith04' }] },
    ])
  })

  it('reads prefixes, page and chapter locators and suffixes', () => {
    expect(only('[see @doe99, pp. 33-35; also @smith04, chap. 1]')).toEqual([
      {
        mode: 'normal',
        items: [
          { key: 'doe99', prefix: 'see', locator: '33-35', label: 'page' },
          { key: 'smith04', prefix: 'also', locator: '1', label: 'chapter' },
        ],
      },
    ])
    expect(only('[@doe99, 33-35 and elsewhere]')[0]?.items).toEqual([
      { key: 'doe99', locator: '33-35', label: 'page', suffix: 'and elsewhere' },
    ])
    expect(only('[@doe99, and elsewhere]')[0]?.items).toEqual([
      { key: 'doe99', suffix: ', and elsewhere' },
    ])
  })

  it('reads [-@key] as a citation without the author', () => {
    expect(only('Doe says so [-@doe99].')).toEqual([
      { mode: 'normal', items: [{ key: 'doe99', suppressAuthor: true }] },
    ])
  })

  it('reads a bare @key in running text as an in-text citation, without the sentence end', () => {
    expect(parseCitations('As @doe99 says.')).toEqual([
      { start: 3, end: 9, mode: 'in-text', items: [{ key: 'doe99' }] },
    ])
  })

  it('reads @key [p. 33] as an in-text citation with its locator', () => {
    expect(only('@doe99 [p. 33] says')).toEqual([
      { mode: 'in-text', items: [{ key: 'doe99', locator: '33', label: 'page' }] },
    ])
  })

  it('reads @{key with odd characters} whole', () => {
    expect(only('@{Doe & Roe, 1999} and [@{weird;key}]').map((c) => c.items[0]?.key)).toEqual([
      'Doe & Roe, 1999',
      'weird;key',
    ])
  })

  it('keeps internal punctuation in a key, and drops it at the end', () => {
    expect(citedKeys('[@arXiv:1706.03762v5] and @doe.99. and [@a-b_c/d+e]')).toEqual([
      'arXiv:1706.03762v5',
      'doe.99',
      'a-b_c/d+e',
    ])
  })

  it('finds nothing in e-mail addresses, code, escapes, markdown links or wiki-links', () => {
    const body = [
      'Write to me@example.org.',
      'Code: `[@doe99]` and',
      '```',
      '[@smith04]',
      '```',
      'Escaped \\[@doe99] and \\@doe99.',
      'A link [@doe99](https://example.org).',
      'A wiki-link [[paper:p1|@doe99 wrote this]].',
      'A bracket [with no key] and [email me@example.org].',
    ].join('\n')
    expect(parseCitations(body)).toEqual([])
  })

  it('lists each cited key once, in order of first citation', () => {
    expect(citedKeys('[@b; @a] then @b and [-@c]')).toEqual(['b', 'a', 'c'])
  })

  it('writes a key bare when pandoc reads it back whole, else in braces', () => {
    expect(formatCitationKey('vaswani2017attention')).toBe('@vaswani2017attention')
    expect(formatCitationKey('Doe & Roe')).toBe('@{Doe & Roe}')
    expect(formatCitationKey('ends.')).toBe('@{ends.}')
  })
})

describe('the [@ autocomplete trigger', () => {
  it('opens after [@ and after ; @ inside a citation, with what was typed', () => {
    expect(openCitationBefore('See [@vasw', 10)).toEqual({ start: 5, query: 'vasw' })
    expect(openCitationBefore('See [@doe99; @sm', 16)).toEqual({ start: 13, query: 'sm' })
    expect(openCitationBefore('See [-@', 7)).toEqual({ start: 6, query: '' })
  })

  it('stays closed for a bare @, an address, code, or after a space', () => {
    expect(openCitationBefore('mail me@exa', 11)).toBeUndefined()
    expect(openCitationBefore('See @doe', 8)).toBeUndefined()
    expect(openCitationBefore('`[@doe` in code', 6)).toBeUndefined()
    expect(openCitationBefore('[@doe99 an', 10)).toBeUndefined()
  })
})
