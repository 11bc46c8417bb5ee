// Who hears of a change: the services first (each brings what it derives level
// with the records), then the listeners outside the core (the window, tests).
import type { LibraryChange } from '../../../shared/model'
import { Listeners } from './listeners'
import type { ChangeSubscriber, CommittedChange } from './service'

export type ChangeListener = (change: LibraryChange) => void

export class ChangeBus {
  private readonly subscribers: ChangeSubscriber[] = []
  private readonly listeners = new Listeners<LibraryChange>('library change')

  /** Services are told in the order they subscribed. */
  subscribe(...subscribers: ChangeSubscriber[]): void {
    this.subscribers.push(...subscribers)
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  listen(listener: ChangeListener): () => void {
    return this.listeners.add(listener)
  }

  committed(change: CommittedChange, event: LibraryChange): void {
    for (const subscriber of this.subscribers) subscriber.committed?.(change)
    this.notify(event)
  }

  /** The records were replaced: every subscriber starts again from them. */
  reset(): void {
    for (const subscriber of this.subscribers) subscriber.reset?.()
  }

  /** Tells the listeners (a change that was no commit: a backup failed, the queue changed). */
  notify(event: LibraryChange): void {
    this.listeners.tell(event)
  }

  clearListeners(): void {
    this.listeners.clear()
  }

  /** Closes the subscribers one after another, in the order they subscribed. */
  async close(): Promise<void> {
    for (const subscriber of this.subscribers) await subscriber.close?.()
  }
}
