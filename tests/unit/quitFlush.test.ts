// Quitting asks every page to save and waits for its answer, for a bounded
// time; the outcome is what the log says. A controlled clock stands in for time.
import { describe, expect, it } from 'vitest'
import {
  describeFlush,
  PageFlushes,
  QUIT_FLUSH_TIMEOUTS,
  QuitSequence,
  type Timers,
} from '../../src/main/app/quit'

/** Timers that fire only when the test says so; `elapse(ms)` fires those due by then. */
function controlledTimers() {
  const pending = new Map<number, { at: number; callback: () => void }>()
  let now = 0
  let next = 1
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      const id = next++
      pending.set(id, { at: now + ms, callback })
      return id
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  }
  const elapse = (ms: number): void => {
    now += ms
    for (const [id, timer] of [...pending]) {
      if (timer.at > now) continue
      pending.delete(id)
      timer.callback()
    }
  }
  return { timers, elapse, pending }
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('asking the pages to save before quitting', () => {
  it('waits for every page’s answer, then says all saved', async () => {
    const { timers, pending } = controlledTimers()
    const flushes = new PageFlushes(timers)
    const asked: number[] = []
    const outcome = flushes.flushAll(
      [{ ask: (id) => asked.push(id) }, { ask: (id) => asked.push(id) }],
      QUIT_FLUSH_TIMEOUTS,
    )
    expect(asked).toEqual([1, 2])
    flushes.acknowledge(2, 'saved')
    flushes.acknowledge(1, 'saving')
    flushes.acknowledge(1, 'saved')
    const result = await outcome
    expect(result).toEqual({ asked: 2, answered: 2, silent: 0, unfinished: 0, unreachable: 0 })
    expect(pending.size).toBe(0)
    expect(describeFlush(result, QUIT_FLUSH_TIMEOUTS)).toBe(
      'quit: 2 of 2 page(s) saved their pending edits',
    )
  })

  it('waits longer for a page that said it is saving than for one that says nothing', async () => {
    const { timers, elapse } = controlledTimers()
    const flushes = new PageFlushes(timers)
    let finished = false
    const outcome = flushes
      .flushAll([{ ask: (id) => flushes.acknowledge(id, 'saving') }], QUIT_FLUSH_TIMEOUTS)
      .then((result) => ((finished = true), result))
    elapse(QUIT_FLUSH_TIMEOUTS.answerMs) // a slow disk: the save is still running
    await settle()
    expect(finished).toBe(false)
    flushes.acknowledge(1, 'saved')
    expect(await outcome).toMatchObject({ answered: 1, silent: 0, unfinished: 0 })
  })

  it('gives up on a hung page, on a save that never ends, and on a page already gone', async () => {
    const { timers, elapse } = controlledTimers()
    const flushes = new PageFlushes(timers)
    const outcome = flushes.flushAll(
      [
        { ask: (id) => queueMicrotask(() => flushes.acknowledge(id, 'saved')) },
        { ask: () => undefined }, // hung page
        { ask: (id) => flushes.acknowledge(id, 'saving') }, // its save never returns
        {
          ask: () => {
            throw new TypeError('Object has been destroyed')
          },
        },
      ],
      QUIT_FLUSH_TIMEOUTS,
    )
    await settle()
    elapse(QUIT_FLUSH_TIMEOUTS.answerMs)
    elapse(QUIT_FLUSH_TIMEOUTS.saveMs)
    const result = await outcome
    expect(result).toEqual({ asked: 3, answered: 1, silent: 1, unfinished: 1, unreachable: 1 })
    expect(describeFlush(result, QUIT_FLUSH_TIMEOUTS)).toBe(
      'quit: 1 of 3 page(s) saved their pending edits; 1 did not answer within 3000 ms; ' +
        '1 began saving but did not finish within 30000 ms; 1 could not be asked',
    )
  })

  it('ignores answers to requests nobody waits for, and answers it does not know', async () => {
    const { timers, elapse, pending } = controlledTimers()
    const flushes = new PageFlushes(timers)
    flushes.acknowledge(99, 'saved')
    flushes.acknowledge('1', 'saved')
    const outcome = flushes.flushAll([{ ask: () => undefined }], QUIT_FLUSH_TIMEOUTS)
    flushes.acknowledge(1, 'done')
    flushes.acknowledge(1, undefined)
    elapse(QUIT_FLUSH_TIMEOUTS.answerMs)
    flushes.acknowledge(1, 'saving') // too late: nothing waits for it any more
    expect(await outcome).toMatchObject({ asked: 1, answered: 0, silent: 1 })
    expect(pending.size).toBe(0)
    expect(await flushes.flushAll([], QUIT_FLUSH_TIMEOUTS)).toMatchObject({ asked: 0 })
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
