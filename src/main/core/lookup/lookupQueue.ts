// Identifiers waiting for the network, kept in the library folder
// (lookup-queue.json) so they survive a restart. Small and self-contained: the
// library reads it, adds to it when a lookup fails for a retryable reason, and
// drops entries once they have been imported.
import { join } from 'node:path'
import { z } from 'zod'
import type { LookupQueue, QueuedIdentifier } from '../../../shared/model'
import { DurableJsonFile } from '../store/durableJsonFile'
import { summarizeIssues } from '../kernel/issueSummary'

export const LOOKUP_QUEUE_FILE = 'lookup-queue.json'

const queueSchema = z.looseObject({
  items: z.array(
    z.looseObject({ identifier: z.string(), queuedAt: z.string(), reason: z.string() }),
  ),
})

export class LookupQueueStore {
  private items: QueuedIdentifier[] = []
  private readonly file: DurableJsonFile<LookupQueue>

  private constructor(dir: string) {
    this.file = new DurableJsonFile<LookupQueue>(join(dir, LOOKUP_QUEUE_FILE), (value) => {
      const parsed = queueSchema.safeParse(value)
      if (!parsed.success)
        throw new Error(`unexpected content (${summarizeIssues(parsed.error.issues)})`)
      return parsed.data
    })
  }

  /** Opens the queue of library folder `dir`; an unreadable queue starts empty (it is only a to-do list). */
  static async open(dir: string): Promise<LookupQueueStore> {
    const store = new LookupQueueStore(dir)
    try {
      store.items = (await store.file.read())?.items ?? []
    } catch {
      store.items = []
    }
    return store
  }

  list(): QueuedIdentifier[] {
    return this.items.map((item) => ({ ...item }))
  }

  /** Adds or refreshes entries (one per identifier), durably. */
  async add(entries: QueuedIdentifier[]): Promise<void> {
    if (entries.length === 0) return
    const byId = new Map(this.items.map((item) => [item.identifier, item]))
    for (const entry of entries)
      byId.set(entry.identifier, {
        ...entry,
        queuedAt: byId.get(entry.identifier)?.queuedAt ?? entry.queuedAt,
      })
    await this.save([...byId.values()])
  }

  async remove(identifiers: readonly string[]): Promise<void> {
    const gone = new Set(identifiers)
    if (!this.items.some((item) => gone.has(item.identifier))) return
    await this.save(this.items.filter((item) => !gone.has(item.identifier)))
  }

  private async save(items: QueuedIdentifier[]): Promise<void> {
    await this.file.write({ items })
    this.items = items
  }
}
