// The app, a moment after its window is up, loads the chosen citation style
// and then formats the notes that cite papers ahead (on a controlled clock).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WARM_DELAY_MS, warmCitationStyle } from '../../src/main/app/warmCitationStyle'

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('the citation style warmed at launch', () => {
  it('is loaded 3 s after the window is up, then the notes are formatted ahead', async () => {
    const calls: string[] = []
    const library = {
      api: {
        formatCitations: vi.fn(async () => {
          calls.push('load the style')
          return { style: 'apa', citations: [], bibliography: { html: [], text: [] }, paperIds: [] }
        }),
      },
      prepareCitations: vi.fn(async () => {
        calls.push('format the notes ahead')
      }),
    }
    warmCitationStyle(library, () => undefined)
    await vi.advanceTimersByTimeAsync(WARM_DELAY_MS - 1)
    expect(calls).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toEqual(['load the style', 'format the notes ahead'])
    expect(library.api.formatCitations).toHaveBeenCalledWith({ citations: [] })
  })

  it('logs a style that cannot be loaded, and formats nothing ahead', async () => {
    const failed = new Error('The style could not be read')
    const library = {
      api: { formatCitations: vi.fn(async () => Promise.reject(failed)) },
      prepareCitations: vi.fn(async () => undefined),
    }
    const logged: Array<[string, unknown]> = []
    warmCitationStyle(library, (message, error) => logged.push([message, error]))
    await vi.advanceTimersByTimeAsync(WARM_DELAY_MS)
    expect(logged).toEqual([['could not load the citation style', failed]])
    expect(library.prepareCitations).not.toHaveBeenCalled()
  })
})
