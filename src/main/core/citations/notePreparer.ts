// Notes that cite papers, formatted ahead of the user in the background (the
// app asks once the library is open; the CLI and the tests do not), so that
// opening one is going back to a note already formatted. One note at a time,
// a slice at a time (CslEngine.prepare: a few clusters or entries per slice,
// a few milliseconds), each slice on its own turn of the event loop, so a
// request of the user's waits behind one slice at most.

/** A note's preparation: each step one slice; undefined when there is nothing to do. */
export type Preparation = Iterator<undefined, void, undefined> | undefined

export class NotePreparer {
  /** Note ids waiting, in the order they were asked for. */
  private readonly queue = new Set<string>()
  private running: Promise<void> | undefined
  private stopped = false

  constructor(
    /** Starts a note's preparation (loading the style first, if it is not). */
    private readonly start: (noteId: string) => Promise<Preparation>,
    /** A note that could not be formatted: it will be when opened, and the error shown then. */
    private readonly failed: (noteId: string, error: unknown) => void,
  ) {}

  /** Prepares these notes after the ones waiting (a note waiting already keeps its turn). */
  add(noteIds: Iterable<string>): void {
    if (this.stopped) return
    for (const id of noteIds) this.queue.add(id)
    this.startRunning()
  }

  /** Settles once no note is waiting or being prepared. */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running
  }

  /** Prepares nothing more (the library closes). */
  async stop(): Promise<void> {
    this.stopped = true
    this.queue.clear()
    await this.idle()
  }

  private startRunning(): void {
    this.running ??= this.run().finally(() => {
      this.running = undefined
      // Notes added after the run saw its queue empty, before it ended.
      if (this.queue.size > 0 && !this.stopped) this.startRunning()
    })
  }

  private async run(): Promise<void> {
    for (;;) {
      const [id] = this.queue
      if (id === undefined || this.stopped) return
      this.queue.delete(id)
      try {
        const steps = await this.start(id)
        while (steps !== undefined && !this.stopped) {
          await nextTurn()
          if (steps.next().done === true) break
        }
      } catch (error) {
        this.failed(id, error)
      }
      await nextTurn()
    }
  }
}

/** After the events waiting (a request of the user's among them). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
