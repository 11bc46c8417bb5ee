import { describe, expect, it } from 'vitest'
import { insertLinkAt, replaceLink } from '../../src/renderer/src/features/notes/insertLink'
import { normalizeTitle } from '../../src/shared/text/normalizeTitle'
import {
  formatWikiLink,
  openWikiLinkBefore,
  parseWikiLinks,
  wikiLinkTargetKey,
} from '../../src/shared/text/wikiLinks'

const ID = '3f2a9c1e-1b7d-4f4e-9a55-0c8d2e7f6b10'

/** The targets of every link in `body`, as keys, for compact assertions. */
function keys(body: string): string[] {
  return parseWikiLinks(body).map((link) => wikiLinkTargetKey(link.target))
}

describe('parseWikiLinks', () => {
  it('reads id links, title links and labels, with their offsets', () => {
    const body = `See [[paper:${ID}|ToolRL]] and [[My reading plan]], or [[Plan|the plan]].`
    const links = parseWikiLinks(body)
    expect(links.map((link) => link.target)).toEqual([
      { kind: 'paper', id: ID },
      { kind: 'title', title: 'My reading plan' },
      { kind: 'title', title: 'Plan' },
    ])
    expect(links.map((link) => link.label)).toEqual(['ToolRL', undefined, 'the plan'])
    const first = links[0]
    expect(first && body.slice(first.start, first.end)).toBe(`[[paper:${ID}|ToolRL]]`)
  })

  it('reads note links by id', () => {
    expect(parseWikiLinks(`[[note:${ID}|Survey]]`)[0]?.target).toEqual({ kind: 'note', id: ID })
  })

  it('ignores [[ inside code spans, double-backtick spans and fenced code', () => {
    const body = [
      'Real [[One]] and `[[not a link]]` and ``a ` [[nor this]]``.',
      '',
      '```md',
      '[[inside a fence]]',
      '```',
      '~~~~',
      '[[inside tildes]]',
      '```',
      '[[still inside: a ``` fence does not close ~~~~]]',
      '~~~~',
      'After [[Two]].',
    ].join('\n')
    expect(keys(body)).toEqual(['title:one', 'title:two'])
  })

  it('treats an unclosed fence as code to the end, and a lone backtick as text', () => {
    expect(keys('A ` tick then [[Link]]')).toEqual(['title:link'])
    expect(keys('[[Before]]\n```\n[[never closed]]')).toEqual(['title:before'])
  })

  it('does not read escaped brackets as a link', () => {
    expect(keys(String.raw`\[[not a link]] and \[\[nor this]]`)).toEqual([])
  })

  it('reads the inner link of nested double brackets, and single brackets inside titles', () => {
    expect(keys('[[outer [[Inner]] text]]')).toEqual(['title:inner'])
    const links = parseWikiLinks('[[Attention [v2] revisited]]]')
    expect(links.map((link) => link.target)).toEqual([
      { kind: 'title', title: 'Attention [v2] revisited' },
    ])
    expect(links[0]?.end).toBe('[[Attention [v2] revisited]]'.length)
  })

  it('does not let a link cross a line, or be empty', () => {
    expect(keys('[[broken\nacross]] [[]] [[ | label]]')).toEqual([])
  })

  it('reads escaped | and ] in a title', () => {
    const [link] = parseWikiLinks(String.raw`[[A \| B: why \]\] matters|shown]]`)
    expect(link?.target).toEqual({ kind: 'title', title: 'A | B: why ]] matters' })
    expect(link?.label).toBe('shown')
  })

  it('treats paper:/note: followed by something that is not an id as a title', () => {
    expect(parseWikiLinks('[[paper: a review]]')[0]?.target).toEqual({
      kind: 'title',
      title: 'paper: a review',
    })
  })
})

describe('formatWikiLink', () => {
  it('escapes |, [, ] and \\ in the title so the link reads back whole', () => {
    const title = String.raw`Pipes | brackets [x] ]] and \ slashes`
    const text = formatWikiLink('paper', ID, title)
    expect(text).toBe(String.raw`[[paper:${ID}|Pipes \| brackets \[x\] \]\] and \\ slashes]]`)
    const links = parseWikiLinks(`before ${text} after`)
    expect(links).toHaveLength(1)
    expect(links[0]?.target).toEqual({ kind: 'paper', id: ID })
    expect(links[0]?.label).toBe(title)
    expect(links[0]?.end).toBe('before '.length + text.length)
  })

  it('puts a multi-line title on one line', () => {
    expect(formatWikiLink('note', ID, 'Two\nlines')).toBe(`[[note:${ID}|Two lines]]`)
  })
})

describe('normalizeTitle', () => {
  it('ignores case, punctuation and spacing', () => {
    expect(normalizeTitle('ToolRL: Reward is  All Tool-Learning Needs!')).toBe(
      normalizeTitle('toolrl reward is all tool learning needs'),
    )
    expect(normalizeTitle('Ｆｕｌｌｗｉｄｔｈ')).toBe('fullwidth')
  })
})

describe('openWikiLinkBefore', () => {
  it('finds the link being typed at the caret', () => {
    const text = 'Compare [[tool ret'
    expect(openWikiLinkBefore(text, text.length)).toEqual({ start: 8, query: 'tool ret' })
    expect(openWikiLinkBefore('[[', 2)).toEqual({ start: 0, query: '' })
  })

  it('finds nothing after a closed link, on another line, in code, or when escaped', () => {
    for (const text of ['[[Done]] more', '[[\nnext line', String.raw`\[[x`, 'one [']) {
      expect(openWikiLinkBefore(text, text.length)).toBeUndefined()
    }
    const code = 'a `[[code` b'
    expect(openWikiLinkBefore(code, code.indexOf('`', 3))).toBeUndefined()
  })
})

describe('link edits', () => {
  it('insert a chosen link over the typed [[query, eating an auto-closed ]]', () => {
    const link = formatWikiLink('paper', ID, 'ToolRL')
    expect(insertLinkAt('See [[tool', 4, 10, link)).toEqual({
      text: `See ${link}`,
      caret: 4 + link.length,
    })
    expect(insertLinkAt('See [[tool]] now', 4, 10, link).text).toBe(`See ${link} now`)
  })

  it('replace the n-th link with the same text, skipping code', () => {
    const text = '`[[Gone]]` then [[Gone]] and [[Gone]].'
    expect(replaceLink(text, '[[Gone]]', 1, '[[note:abc|Gone]]')).toBe(
      '`[[Gone]]` then [[Gone]] and [[note:abc|Gone]].',
    )
    expect(replaceLink(text, '[[Gone]]', 2, 'x')).toBeUndefined()
  })
})
