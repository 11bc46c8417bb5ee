// The settings as the window uses them: loaded once from the library, changed
// here at once (so a dragged border or a theme switch responds immediately),
// and written back to the library a moment later, coalesced, so a drag is one
// write and not a hundred.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Settings } from '../../../../shared/model'
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../../../shared/model'
import { api, errorMessage, onFlushRequest } from '../../data/client'

/** Quiet time before changed settings are written. */
export const SETTINGS_SAVE_DELAY_MS = 300

/** The settings changed in bursts, written once the burst is over. */
const COALESCED_KEYS: ReadonlySet<string> = new Set<keyof Settings>([
  'sidebarWidth',
  'listPaneWidth',
  'paperPaneWidth',
  'readingFontSize',
])

export interface SettingsState {
  /** undefined until loaded (the workspace waits, so the layout never jumps). */
  settings: Settings | undefined
  /** Why the settings could not be loaded or saved; the window then uses what it has. */
  problem: string | undefined
  update(patch: SettingsPatch): void
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | undefined>(undefined)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const pending = useRef<SettingsPatch>({})
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const chain = useRef<Promise<void>>(Promise.resolve())

  useEffect(() => {
    let current = true
    api
      .getSettings({})
      .then((loaded) => current && setSettings(loaded))
      .catch((caught: unknown) => {
        if (!current) return
        setSettings({ ...DEFAULT_SETTINGS })
        setProblem(`Settings could not be loaded (${errorMessage(caught)}); using the defaults.`)
      })
    return () => {
      current = false
    }
  }, [])

  const flush = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = undefined
    const patch = pending.current
    if (Object.keys(patch).length === 0) return
    pending.current = {}
    // One write at a time, in order, so an older layout never lands after a newer one.
    chain.current = chain.current.then(async () => {
      try {
        await api.updateSettings({ patch })
        setProblem(undefined)
      } catch (caught) {
        setProblem(`Settings could not be saved: ${errorMessage(caught)}`)
      }
    })
  }, [])

  const update = useCallback(
    (patch: SettingsPatch) => {
      setSettings((previous) => (previous === undefined ? previous : { ...previous, ...patch }))
      pending.current = { ...pending.current, ...patch }
      clearTimeout(timer.current)
      // Only what comes in bursts (a dragged border, font size steps) waits to
      // be coalesced; a choice (an address, the theme) is written at once, so
      // what the user does next (Get Daily Papers…) already sees it.
      if (Object.keys(patch).every((key) => COALESCED_KEYS.has(key))) {
        timer.current = setTimeout(flush, SETTINGS_SAVE_DELAY_MS)
      } else flush()
    },
    [flush],
  )

  // Closing or reloading the window writes what is still waiting; quitting
  // asks first and waits for the write before closing the library.
  useEffect(() => {
    window.addEventListener('pagehide', flush)
    const stopFlushing = onFlushRequest(() => {
      flush()
      return chain.current
    })
    return () => {
      window.removeEventListener('pagehide', flush)
      stopFlushing()
      flush()
    }
  }, [flush])

  return { settings, problem, update }
}
