// Events for the renderer, held back until its page listens. A file the OS asks
// us to open at launch, or a menu command given while the page is still loading,
// would otherwise be sent to nobody. Progress and change events are not kept:
// a page that starts listening fetches the current state anyway.
import type { LibraryEvent } from '../../../shared/model'

const KEPT_WHILE_LOADING: ReadonlySet<LibraryEvent['type']> = new Set(['open-file', 'menu-command'])

export class EventOutbox {
  private listening = false
  private readonly held: LibraryEvent[] = []

  constructor(private readonly deliver: (event: LibraryEvent) => void) {}

  send(event: LibraryEvent): void {
    if (this.listening) this.deliver(event)
    else if (KEPT_WHILE_LOADING.has(event.type)) this.held.push(event)
  }

  /** The page subscribed to events: deliver what waited for it, in order. */
  pageListening(): void {
    this.listening = true
    for (const event of this.held.splice(0)) this.deliver(event)
  }

  /** The page is (re)loading: hold events until it listens again. */
  pageLoading(): void {
    this.listening = false
  }
}
