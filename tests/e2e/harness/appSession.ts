// One app per test, checked and closed after it: no test may leave the app's
// own origin, log an error, or show a sign of running script it should not
// (a dialog, a CSP violation, a navigation). Scratch folders made during a test go with it.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, expect } from 'vitest'
import { closeBrowser, launchApp, type LaunchOptions, type RunningApp } from './launchApp'

export interface AppSession {
  /** Starts the app for the current test (closed after it). */
  launch(options?: LaunchOptions): Promise<RunningApp>
  /** A temporary folder for the current test's files (removed after it). */
  scratchDir(): Promise<string>
}

/** Call once at the top of a test file. */
export function appSession(): AppSession {
  let app: RunningApp | undefined
  const scratch: string[] = []

  afterEach(async () => {
    const running = app
    app = undefined
    try {
      if (running !== undefined) {
        expect(running.foreignRequests).toEqual([])
        expect(running.pageErrors).toEqual([])
        expect(running.securityEvents).toEqual([])
      }
    } finally {
      await running?.close()
      for (const dir of scratch.splice(0)) await rm(dir, { recursive: true, force: true })
    }
  })
  afterAll(closeBrowser)

  return {
    async launch(options) {
      app = await launchApp(options)
      return app
    },
    async scratchDir() {
      const dir = await mkdtemp(join(tmpdir(), 'offprint-e2e-files-'))
      scratch.push(dir)
      return dir
    },
  }
}
