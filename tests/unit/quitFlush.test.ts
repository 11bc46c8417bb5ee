// Quitting asks every page to save and waits for its answer, for a bounded
// time; the outcome is what the log says. A controlled clock stands in for time.
import { describe, expect, it } from 'vitest'
import { describeFlush, PageFlushes, QuitSequence, type Timers } from '../../src/main/app/quit'

/** Timers that fire only when the test says so. */
function controlledTimers() {
  const pending = new Map<number, () => void>()
  let next = 1
  const timers: Timers = {
    setTimeout: (callback) => {
      const id = next++
      pending.set(id, callback)
      return id
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  }
  return { timers, fireAll: () => [...pending.values()].forEach((callback) => callback()), pending }
}

describe('asking the pages to save before quitting', () => {
  it('waits for every page’s answer, then says all saved', async () => {
    const { timers, pending } = controlledTimers()
    const flushes = new PageFlushes(timers)
    const asked: number[] = []
    const outcome = flushes.flushAll(
      [{ ask: (id) => asked.push(id) }, { ask: (id) => asked.push(id) }],
      3000,
    )
    expect(asked).toEqual([1, 2])
    flushes.acknowledge(2)
    flushes.acknowledge(1)
    expect(await outcome).toEqual({ asked: 2, answered: 2, silent: 0, unreachable: 0 })
    expect(pending.size).toBe(0)
    expect(describeFlush(await outcome, 3000)).toBe(
      'quit: 2 of 2 page(s) saved their pending edits',
    )
  })

  it('gives up on a page that does not answer when the time is up, and on one already gone', async () => {
    const { timers, fireAll } = controlledTimers()
    const flushes = new PageFlushes(timers)
    const outcome = flushes.flushAll(
      [
        { ask: (id) => queueMicrotask(() => flushes.acknowledge(id)) },
        { ask: () => undefined }, // hung page
        {
          ask: () => {
            throw new TypeError('Object has been destroyed')
          },
        },
      ],
      3000,
    )
    await Promise.resolve()
    fireAll()
    const result = await outcome
    expect(result).toEqual({ asked: 2, answered: 1, silent: 1, unreachable: 1 })
    expect(describeFlush(result, 3000)).toBe(
      'quit: 1 of 2 page(s) saved their pending edits; 1 did not answer within 3000 ms; 1 could not be asked',
    )
  })

  it('ignores answers to requests nobody waits for', async () => {
    const flushes = new PageFlushes(controlledTimers().timers)
    flushes.acknowledge(99)
    flushes.acknowledge('1')
    expect(await flushes.flushAll([], 3000)).toEqual({
      asked: 0,
      answered: 0,
      silent: 0,
      unreachable: 0,
    })
  })
})

describe('the quit sequence', () => {
  it('holds the quit, flushes, hides, closes the library, then lets the quit through', async () => {
    const steps: string[] = []
    let quitAgain: () => void = () => undefined
    const sequence = new QuitSequence({
      flushPages: async () => void steps.push('flush'),
      hideWindows: () => void steps.push('hide'),
      closeLibrary: async () => void steps.push('close'),
      quit: () => quitAgain(),
      logError: (message) => void steps.push(`error: ${message}`),
    })
    const quitEvents: boolean[] = []
    quitAgain = () => quitEvents.push(sequence.beforeQuit())
    quitEvents.push(sequence.beforeQuit())
    quitEvents.push(sequence.beforeQuit()) // Cmd+Q pressed twice
    await sequence.start()
    expect(steps).toEqual(['flush', 'hide', 'close'])
    // true: held (preventDefault) twice; false: the final quit goes through.
    expect(quitEvents).toEqual([true, true, false])
  })
})
