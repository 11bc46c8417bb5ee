// Whoever listens to something the library tells (changes, settings, task
// progress): added and removed at will, each told in turn. A listener that
// throws is logged and skipped: it must not fail the work it is watching (a
// durable save must not be reported as failed because a window was gone).
export class Listeners<T> {
  private readonly listeners = new Set<(value: T) => void>()

  /** `what` names them in the log ("library change", "settings"). */
  constructor(private readonly what: string) {}

  /** Adds `listener`; returns the function that removes it. */
  add(listener: (value: T) => void): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  tell(value: T): void {
    for (const listener of this.listeners) Listeners.tellOne(listener, value, this.what)
  }

  /** Tells one listener (a newcomer told where things stand). */
  tellOne(listener: (value: T) => void, value: T): void {
    Listeners.tellOne(listener, value, this.what)
  }

  clear(): void {
    this.listeners.clear()
  }

  private static tellOne<V>(listener: (value: V) => void, value: V, what: string): void {
    try {
      listener(value)
    } catch (error) {
      console.error(`offprint: ${what} listener failed:`, error)
    }
  }
}
