// What each key does in Today, and how a feed is written: the two tables a
// user reads in the README and the cheat sheet.
import { describe, expect, it } from 'vitest'
import { parseFeedSpec } from '../../src/main/core/feeds/feedSpec'
import { TODAY_KEYS, todayActionFor } from '../../src/renderer/src/features/today/todayKeys'

const press = (key: string, more: { shiftKey?: boolean; ctrlKey?: boolean } = {}) =>
  todayActionFor({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...more })

describe('the keys of Today', () => {
  it('triage the item under the cursor as the cheat sheet says', () => {
    expect(
      ['j', 'k', 'Enter', 'a', 'x', 's', 'c', '+', '-', 'u', 'Escape'].map((key) => press(key)),
    ).toEqual([
      'next',
      'previous',
      'open',
      'keep',
      'skip',
      'star',
      'keep-into',
      'thumbs-up',
      'thumbs-down',
      'undo',
      'close',
    ])
    expect(press('A', { shiftKey: true })).toBe('keep-above')
    expect(press('+', { shiftKey: true })).toBe('thumbs-up')
  })

  it('leave Ctrl shortcuts and other shifted keys to the rest of the window', () => {
    expect(press('a', { ctrlKey: true })).toBeUndefined()
    expect(press('X', { shiftKey: true })).toBeUndefined()
    expect(press('q')).toBeUndefined()
  })

  it('are all in the cheat sheet', () => {
    expect(TODAY_KEYS.map((row) => row.keys)).toEqual([
      'j / k',
      'Enter',
      'a',
      'x',
      's',
      'c',
      '+ / -',
      'Shift+A',
      'u',
      'Esc',
    ])
  })
})

describe('a feed as written', () => {
  it('is one of three kinds, with the name the sidebar shows', () => {
    expect(parseFeedSpec('hf-daily')).toEqual({
      kind: 'hf-daily',
      spec: 'hf-daily',
      name: 'HF Daily Papers',
      hfPeriod: 'day',
    })
    expect(parseFeedSpec('HF-Weekly').hfPeriod).toBe('week')
    expect(parseFeedSpec('arxiv:cs.CL+cs.LG')).toEqual({
      kind: 'arxiv',
      spec: 'arxiv:cs.CL+cs.LG',
      name: 'arXiv cs.CL+cs.LG',
      categories: 'cs.CL+cs.LG',
    })
    expect(parseFeedSpec('arxiv-query:au:Bengio')).toEqual({
      kind: 'arxiv-query',
      spec: 'arxiv-query:au:Bengio',
      name: 'arXiv: au:Bengio',
      query: 'au:Bengio',
    })
  })

  it('is refused with what to write instead', () => {
    expect(() => parseFeedSpec('arxiv:cs CL')).toThrow(
      '"cs CL" is not a list of arXiv categories (write e.g. arxiv:cs.CL+cs.LG)',
    )
    expect(() => parseFeedSpec('arxiv-query:')).toThrow('an arXiv query needs a search')
    expect(() => parseFeedSpec('https://example.org/feed.xml')).toThrow(
      'is not a feed Offprint knows',
    )
  })
})
