import { describe, expect, it } from 'vitest'
import { linkContextOf } from '../../src/main/core/links/linkContext'
import { parseWikiLinks, type WikiLink } from '../../src/shared/text/wikiLinks'

/** The context of the link whose text (label or title) is `which`. */
function contextOf(body: string, which: string) {
  const links = parseWikiLinks(body)
  const textOf = (link: WikiLink): string =>
    link.label ?? (link.target.kind === 'title' ? link.target.title : link.target.id)
  const link = links.find((candidate) => textOf(candidate) === which)
  if (link === undefined) throw new Error(`no link ${which}`)
  return linkContextOf(body, link, links, textOf)
}

describe('linkContextOf', () => {
  it('cuts the sentence out of a paragraph wrapped over several lines', () => {
    const body =
      'First sentence here. The second one\nwraps and cites [[A. B. Smith et al.]] in\nthe middle? Third.'
    expect(contextOf(body, 'A. B. Smith et al.')).toEqual({
      before: 'The second one wraps and cites ',
      link: 'A. B. Smith et al.',
      after: ' in the middle?',
    })
  })

  it('keeps to its list item or heading, and drops markdown marks', () => {
    const body =
      '## About [[Topic]]\n- item one\n- **bold** [link](https://x.y) and [[Other|other]] then [[Target]]\n- item three'
    expect(contextOf(body, 'Target')).toEqual({
      before: 'bold link and other then ',
      link: 'Target',
      after: '',
    })
    expect(contextOf(body, 'Topic')).toEqual({ before: 'About ', link: 'Topic', after: '' })
  })

  it('clips long sentences at a word, keeping the words next to the link', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ')
    const { before, after } = contextOf(`${words} [[X]] ${words}.`, 'X')
    expect(before.startsWith('…')).toBe(true)
    expect(before.endsWith('w59 ')).toBe(true)
    expect(before.length).toBeLessThanOrEqual(142)
    expect(after.startsWith(' w0 w1')).toBe(true)
    expect(after.endsWith('…')).toBe(true)
  })
})
