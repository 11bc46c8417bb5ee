import { describe, expect, it } from 'vitest'
import {
  back,
  canGoBack,
  canGoForward,
  currentPlace,
  forward,
  go,
  replaceCurrent,
  startHistory,
} from '../../src/renderer/src/features/navigation/navigationHistory'

const paper = (paperId: string) => ({ view: 'papers' as const, paperId })
const note = (noteId: string) => ({ view: 'notes' as const, noteId })

describe('navigation history', () => {
  it('goes back and forward like a browser, and a new place drops the forward entries', () => {
    let history = startHistory(paper('a'))
    history = go(history, note('n'))
    history = go(history, paper('b'))
    expect(canGoForward(history)).toBe(false)
    history = back(history)
    expect(currentPlace(history)).toEqual(note('n'))
    history = back(history)
    expect(currentPlace(history)).toEqual(paper('a'))
    expect(canGoBack(history)).toBe(false)
    expect(back(history)).toBe(history)
    history = forward(history)
    expect(currentPlace(history)).toEqual(note('n'))
    history = go(history, paper('c'))
    expect(canGoForward(history)).toBe(false)
    expect(history.entries).toEqual([paper('a'), note('n'), paper('c')])
  })

  it('coalesces keyboard steps through a list into one entry', () => {
    let history = startHistory(paper('a'))
    history = go(history, paper('b'), true)
    history = go(history, paper('c'), true)
    history = go(history, paper('d'), true)
    expect(history.entries).toEqual([paper('a'), paper('d')])
    // A click after the steps is a new entry again, and so is the next step.
    history = go(history, paper('e'))
    history = go(history, paper('f'), true)
    expect(history.entries).toEqual([paper('a'), paper('d'), paper('e'), paper('f')])
    expect(currentPlace(back(history))).toEqual(paper('e'))
  })

  it('ignores going to the current place, and can replace it without an entry', () => {
    const history = startHistory({ view: 'papers' })
    expect(go(history, { view: 'papers' })).toBe(history)
    const replaced = replaceCurrent(history, paper('first'))
    expect(replaced.entries).toEqual([paper('first')])
  })
})
