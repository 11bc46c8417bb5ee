// Every mutation runs through one promise queue, so each builds on the state
// the previous one left. A mutation builds new records (never editing the
// stored ones in place) and commits them to the store, which makes them durable
// before it makes them visible ("write, then commit"): if the write fails (disk
// full, read-only folder), memory still equals what is on disk and the caller
// gets a StorageError. Nothing is acknowledged that is not on disk.
import { StorageError } from './errors'

export class WriteQueue {
  private writes: Promise<void> = Promise.resolve()
  private closed = false
  private readonly afterEach: Array<(ok: boolean) => void> = []

  /** `settled` runs after each write, told whether it succeeded (the search levels with it). */
  onSettled(settled: (ok: boolean) => void): void {
    this.afterEach.push(settled)
  }

  /** Runs `task` after every earlier write has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StorageError('The library is closed'))
    const run = this.writes.then(task)
    this.writes = run.then(
      () => this.settled(true),
      () => this.settled(false),
    )
    return run
  }

  private settled(ok: boolean): void {
    for (const settled of this.afterEach) settled(ok)
  }

  get isClosed(): boolean {
    return this.closed
  }

  /** Resolves when every write asked for so far has settled. */
  idle(): Promise<void> {
    return this.writes
  }

  /** Refuses later writes; resolves when the earlier ones have settled. */
  close(): Promise<void> {
    this.closed = true
    return this.writes
  }
}
