// Settings: preferences and the restored layout, stored in library.json.
// Listeners (the backup timer, main's window and menus) hear of each change.
import type { Settings } from '../../../shared/model'
import { readSettings } from '../../../shared/api/schemas'
import type { LibraryKernel } from '../kernel/kernel'
import { Listeners } from '../kernel/listeners'
import type { Service } from '../kernel/service'

export type SettingsListener = (settings: Settings) => void

export class SettingsService implements Service<'getSettings' | 'updateSettings'> {
  private readonly listeners = new Listeners<Settings>('settings')

  constructor(private readonly kernel: LibraryKernel) {}

  readonly handlers: Service<'getSettings' | 'updateSettings'>['handlers'] = {
    getSettings: async () => this.current(),

    /**
     * Merges `patch` into the stored settings and resolves once they are durable.
     * Keys this build does not know (from another version) are kept as they are.
     */
    updateSettings: ({ patch }) =>
      this.kernel.mutate(async () => {
        const stored = this.kernel.store.settings
        const unchanged = Object.entries(patch).every(
          ([key, value]) => JSON.stringify(stored[key]) === JSON.stringify(value),
        )
        if (unchanged) return readSettings(stored)
        const before = readSettings(stored)
        await this.kernel.store.commit({ settings: { ...stored, ...patch } })
        const settings = this.current()
        this.changed(before, settings)
        return settings
      }),
  }

  current(): Settings {
    return readSettings(this.kernel.store.settings)
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  listen(listener: SettingsListener): () => void {
    return this.listeners.add(listener)
  }

  /** Tells the listeners, when the settings did change (an update, a restore). */
  changed(before: Settings, after: Settings): void {
    if (JSON.stringify(before) !== JSON.stringify(after)) this.listeners.tell(after)
  }

  clearListeners(): void {
    this.listeners.clear()
  }
}
