// Identifiers (arXiv ids, DOIs) looked up online, and the queue of those that
// could not be yet (offline, rate-limited): a to-do list kept in the library
// folder, retried as an import (see the imports service).
import type { LibraryKernel } from '../kernel/kernel'
import type { Service } from '../kernel/service'
import { IdentifierLookup } from './identifierLookup'
import type { LookupOptions } from './identifierLookup'
import { LookupQueueStore } from './lookupQueue'

type LookupMethod = 'getLookupQueue' | 'dropQueuedLookups'

export class LookupService implements Service<LookupMethod> {
  readonly lookup: IdentifierLookup

  private constructor(
    private readonly kernel: LibraryKernel,
    readonly queue: LookupQueueStore,
    options: LookupOptions | undefined,
  ) {
    this.lookup = new IdentifierLookup(options)
  }

  static async open(kernel: LibraryKernel, options?: LookupOptions): Promise<LookupService> {
    return new LookupService(kernel, await LookupQueueStore.open(kernel.store.dir), options)
  }

  readonly handlers: Service<LookupMethod>['handlers'] = {
    getLookupQueue: async () => ({ items: this.queue.list() }),

    /** Removes identifiers from the lookup queue (the user gave up on them). */
    dropQueuedLookups: async ({ identifiers }) => {
      await this.kernel.mutate(() => this.queue.remove(identifiers))
      this.kernel.notify({ topics: ['lookup-queue'] })
      return { items: this.queue.list() }
    },
  }
}
