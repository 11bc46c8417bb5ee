// Quitting without losing the last keystrokes. Ctrl/Cmd+Q (or File > Quit, or
// the OS ending the session) first asks every page to save what it still holds
// (a note draft waiting for its pause in typing, settings waiting to be
// coalesced) and waits for each page's acknowledgement, for a bounded time;
// only then is the library closed, and then the app quits for real. The rules
// are here, without Electron; index.ts wires them to app and ipcMain.

/** How long quitting waits for the pages to save their pending edits. */
export const PAGE_FLUSH_TIMEOUT_MS = 3000

/** A page asked to save: `ask` sends it the request (it may throw for a window already gone). */
export interface FlushTarget {
  ask(requestId: number): void
}

export interface FlushOutcome {
  asked: number
  answered: number
  /** Pages that did not answer within the timeout (their edits may be lost). */
  silent: number
  /** Pages that could not be asked (gone, crashed). */
  unreachable: number
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** Flush requests sent to pages and the acknowledgements they send back. */
export class PageFlushes {
  private nextId = 1
  private readonly waiting = new Map<number, () => void>()

  constructor(private readonly timers: Timers = realTimers) {}

  /** Asks every target to save now; resolves once all answered or `timeoutMs` passed. */
  async flushAll(targets: readonly FlushTarget[], timeoutMs: number): Promise<FlushOutcome> {
    const outcome: FlushOutcome = { asked: 0, answered: 0, silent: 0, unreachable: 0 }
    const answers: Promise<boolean>[] = []
    const ids: number[] = []
    for (const target of targets) {
      const id = this.nextId++
      ids.push(id)
      const answered = new Promise<boolean>((resolve) => this.waiting.set(id, () => resolve(true)))
      try {
        target.ask(id)
      } catch {
        this.waiting.delete(id)
        outcome.unreachable++
        continue
      }
      outcome.asked++
      answers.push(answered)
    }
    if (answers.length === 0) return outcome
    let timer: unknown
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = this.timers.setTimeout(() => resolve('timeout'), timeoutMs)
    })
    const results = answers.map((answer) => Promise.race([answer, timedOut.then(() => false)]))
    for (const answered of await Promise.all(results)) {
      if (answered) outcome.answered++
      else outcome.silent++
    }
    this.timers.clearTimeout(timer)
    for (const id of ids) this.waiting.delete(id) // another flush may be waiting too
    return outcome
  }

  /** A page answered request `requestId` (unknown or late answers are ignored). */
  acknowledge(requestId: unknown): void {
    if (typeof requestId !== 'number') return
    const done = this.waiting.get(requestId)
    this.waiting.delete(requestId)
    done?.()
  }
}

/** The log line for a flush before quitting. */
export function describeFlush(outcome: FlushOutcome, timeoutMs: number): string {
  const parts = [`${outcome.answered} of ${outcome.asked} page(s) saved their pending edits`]
  if (outcome.silent > 0) parts.push(`${outcome.silent} did not answer within ${timeoutMs} ms`)
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
