import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Two projects: `unit` runs the core in plain Node; `e2e` drives the built
// renderer in Debian's Chromium against the real core (needs `npm run build`).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/main/**/*.test.ts'],
          environment: 'node',
          // Some tests spawn child processes or write many files; on a busy
          // two-core machine 5 s is not enough. Time is never what they assert.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll waits for the UI; 1 s (the default) is too short on a busy machine.
          expect: { poll: { timeout: 15_000 } },
          // Browser files run in the same pool as the unit files: vitest's
          // default is one worker fewer than the cores, so on CI's two cores
          // every file runs alone, one browser at a time.
        },
      },
      {
        // Real Syncthing instances on 127.0.0.1 (npm run test:sync; .ci/run runs it).
        extends: true,
        test: {
          name: 'sync',
          include: ['tests/sync/**/*.test.ts'],
          environment: 'node',
          testTimeout: 170_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
