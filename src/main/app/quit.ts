// Quitting without losing the last keystrokes. Ctrl/Cmd+Q (or File > Quit, or
// the OS ending the session) first asks every page to save what it still holds
// (a note draft waiting for its pause in typing, settings waiting to be
// coalesced) and waits for each page's acknowledgement, for a bounded time;
// only then is the library closed, and then the app quits for real. The rules
// are here, without Electron; index.ts wires them to app and ipcMain.
import type { FlushAnswer } from '../../shared/api'

/** A page asked to save: `ask` sends it the request (it may throw for a window already gone). */
export interface FlushTarget {
  ask(requestId: number): void
}

export interface FlushOutcome {
  asked: number
  answered: number
  /** Pages that did not say they were saving within the first timeout (hung). */
  silent: number
  /** Pages that began saving but did not finish within the second timeout. */
  unfinished: number
  /** Pages that could not be asked (gone, crashed). */
  unreachable: number
}

export interface FlushTimeouts {
  /** For a page to say it is saving. */
  answerMs: number
  /** For a page that is saving to finish. */
  saveMs: number
}

/**
 * Quitting waits 3 s for a page to say it is saving: one that says nothing is
 * hung (or gone) and is not waited for. A page that said so may take 30 s to
 * finish: its save is main's own work on a disk that may be slow or busy, and
 * giving up would lose the edit.
 */
export const QUIT_FLUSH_TIMEOUTS: FlushTimeouts = { answerMs: 3000, saveMs: 30_000 }

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

type PageResult = 'saved' | 'silent' | 'unfinished'

/** One page's request: settles with what became of it. */
class PendingFlush {
  private timer: unknown
  private saving = false
  private settled = false
  readonly result: Promise<PageResult>
  private resolve: (result: PageResult) => void = () => undefined

  constructor(
    private readonly timers: Timers,
    private readonly timeouts: FlushTimeouts,
  ) {
    this.result = new Promise((resolve) => (this.resolve = resolve))
  }

  start(): void {
    this.arm(this.timeouts.answerMs, 'silent')
  }

  answer(answer: FlushAnswer): void {
    if (this.settled) return // a late answer changes nothing
    if (answer === 'saved') return this.finish('saved')
    if (this.saving) return
    this.saving = true
    this.arm(this.timeouts.saveMs, 'unfinished')
  }

  finish(result: PageResult): void {
    this.cancel()
    this.settle(result)
  }

  /** Stops its timer: nobody waits for this request (the page could not be asked). */
  cancel(): void {
    this.timers.clearTimeout(this.timer)
  }

  private settle(result: PageResult): void {
    if (this.settled) return
    this.settled = true
    this.resolve(result)
  }

  private arm(ms: number, onTimeout: PageResult): void {
    this.timers.clearTimeout(this.timer)
    this.timer = this.timers.setTimeout(() => this.settle(onTimeout), ms)
  }
}

/** Flush requests sent to pages and the answers they send back. */
export class PageFlushes {
  private nextId = 1
  private readonly waiting = new Map<number, PendingFlush>()

  constructor(private readonly timers: Timers = realTimers) {}

  /**
   * Asks every target to save now; resolves once each page saved, or said
   * nothing within `answerMs`, or said it was saving but did not finish within
   * `saveMs` of saying so.
   */
  async flushAll(targets: readonly FlushTarget[], timeouts: FlushTimeouts): Promise<FlushOutcome> {
    const outcome: FlushOutcome = {
      asked: 0,
      answered: 0,
      silent: 0,
      unfinished: 0,
      unreachable: 0,
    }
    const asked: [number, PendingFlush][] = []
    for (const target of targets) {
      const id = this.nextId++
      const pending = new PendingFlush(this.timers, timeouts)
      this.waiting.set(id, pending)
      pending.start() // before asking: a page may answer at once
      try {
        target.ask(id)
      } catch {
        pending.cancel()
        this.waiting.delete(id)
        outcome.unreachable++
        continue
      }
      outcome.asked++
      asked.push([id, pending])
    }
    for (const [id, pending] of asked) {
      const result = await pending.result
      this.waiting.delete(id) // another flush may be waiting too
      if (result === 'saved') outcome.answered++
      else outcome[result]++
    }
    return outcome
  }

  /** A page answered request `requestId` (unknown, late or malformed answers are ignored). */
  acknowledge(requestId: unknown, answer: unknown): void {
    if (typeof requestId !== 'number') return
    if (answer !== 'saving' && answer !== 'saved') return
    this.waiting.get(requestId)?.answer(answer)
  }
}

/** The log line for a flush before quitting. */
export function describeFlush(outcome: FlushOutcome, timeouts: FlushTimeouts): string {
  const parts = [`${outcome.answered} of ${outcome.asked} page(s) saved their pending edits`]
  if (outcome.silent > 0) {
    parts.push(`${outcome.silent} did not answer within ${timeouts.answerMs} ms`)
  }
  if (outcome.unfinished > 0) {
    parts.push(`${outcome.unfinished} began saving but did not finish within ${timeouts.saveMs} ms`)
  }
  if (outcome.unreachable > 0) parts.push(`${outcome.unreachable} could not be asked`)
  return `quit: ${parts.join('; ')}`
}

export interface QuitSteps {
  /** Ask the pages to save and wait (bounded) for them. */
  flushPages(): Promise<void>
  /** Gone at once for the user; closing may still save a large search index. */
  hideWindows(): void
  closeLibrary(): Promise<void>
  /** Quit for real (before-quit runs again and is let through). */
  quit(): void
  logError(message: string, error: unknown): void
}

/**
 * before-quit, once: the first call starts flushing and closing and tells the
 * caller to hold the quit (event.preventDefault()); calls while that runs hold
 * it too; once the library is closed, the quit goes through.
 */
export class QuitSequence {
  private state: 'running' | 'closing' | 'closed' = 'running'
  private finished: Promise<void> | undefined

  constructor(private readonly steps: QuitSteps) {}

  /** True while the quit must wait. */
  beforeQuit(): boolean {
    if (this.state === 'closed') return false
    void this.start()
    return true
  }

  get isQuitting(): boolean {
    return this.state !== 'running'
  }

  /** Flushes and closes (once), without quitting afterwards' being repeated. */
  start(): Promise<void> {
    if (this.finished !== undefined) return this.finished
    this.state = 'closing'
    this.finished = this.run()
    return this.finished
  }

  private async run(): Promise<void> {
    await this.steps
      .flushPages()
      .catch((error: unknown) => this.steps.logError('quit: flushing the pages failed', error))
    this.steps.hideWindows()
    await this.steps
      .closeLibrary()
      .catch((error: unknown) => this.steps.logError('could not close the library cleanly', error))
    this.state = 'closed'
    this.steps.quit()
  }
}
