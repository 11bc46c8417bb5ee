// The user's settings (stored in library.json by main): loaded once, changed
// optimistically, and written back.
import { useCallback, useEffect, useState } from 'react'
import type { Settings } from '../../../shared/model'
import { api, errorMessage } from '../api/client'

export interface SettingsState {
  /** Undefined until main has answered. */
  settings: Settings | undefined
  update(patch: Partial<Settings>): void
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | undefined>(undefined)

  useEffect(() => {
    api
      .getSettings({})
      .then(setSettings)
      .catch((error: unknown) => {
        console.error('offprint: settings:', errorMessage(error))
        // The app stays usable with the defaults main would have given.
        setSettings({ markReadAfterSeconds: 3, sort: 'published' })
      })
  }, [])

  const update = useCallback((patch: Partial<Settings>) => {
    setSettings((previous) => (previous === undefined ? previous : { ...previous, ...patch }))
    api
      .updateSettings({ patch })
      .then(setSettings)
      .catch((error: unknown) => console.error('offprint: saving settings:', errorMessage(error)))
  }, [])

  return { settings, update }
}
