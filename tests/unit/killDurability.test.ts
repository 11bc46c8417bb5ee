// Kill test: a child process makes a stream of acknowledged changes and is
// killed with SIGKILL at a random moment, including in the middle of journal
// appends and shard checkpoints. Every trial, the library must open and hold
// every change acknowledged before the kill. `npm test` runs 10 trials;
// `npm run test:stress` runs 50 (OFFPRINT_KILL_TRIALS).
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Library } from '../../src/main/library/library'

const TRIALS = Number(process.env['OFFPRINT_KILL_TRIALS'] ?? 10)
const WORKER = fileURLToPath(new URL('./support/writeStreamWorker.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Deterministic pseudo-random kill delays, so a failing trial can be rerun. */
function killDelayMs(trial: number): number {
  const x = Math.sin(trial * 12.9898) * 43758.5453
  return 150 + Math.floor((x - Math.floor(x)) * 600)
}

interface Acknowledged {
  papers: Set<string>
  /** paper id → the latest acknowledged note version */
  notes: Map<string, number>
}

async function runAndKill(dir: string, trial: number): Promise<Acknowledged> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dir, String(trial)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  // Start the clock once the worker is writing, so the kill lands mid-stream.
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
  await new Promise((resolve) => setTimeout(resolve, killDelayMs(trial)))
  child.kill('SIGKILL')
  await new Promise((resolve) => child.once('close', resolve))
  expect(stderr).toBe('')

  const acknowledged: Acknowledged = { papers: new Set(), notes: new Map() }
  // Only complete lines count: a line cut by the kill was not fully acknowledged.
  for (const line of stdout.split('\n').slice(0, -1)) {
    const [kind, id, version] = line.split(' ')
    if (kind === 'paper' && id !== undefined) acknowledged.papers.add(id)
    if (kind === 'note' && id !== undefined) acknowledged.notes.set(id, Number(version))
  }
  return acknowledged
}

describe('durability under SIGKILL', () => {
  it(
    `keeps every acknowledged change across ${TRIALS} kills`,
    async () => {
      let changesChecked = 0
      for (let trial = 1; trial <= TRIALS; trial++) {
        const dir = await mkdtemp(join(tmpdir(), 'offprint-kill-'))
        try {
          const acknowledged = await runAndKill(dir, trial)
          expect(acknowledged.notes.size, `trial ${trial} made changes`).toBeGreaterThan(0)

          const library = await Library.open(dir)
          expect((await library.getLibraryInfo()).problems, `trial ${trial}`).toEqual([])
          for (const id of acknowledged.papers) {
            expect((await library.getPaper({ id })).id).toBe(id)
          }
          for (const [paperId, version] of acknowledged.notes) {
            const body = (await library.getNote({ paperId }))?.body ?? ''
            // A later save may have reached the disk just before the kill, unacknowledged.
            expect(Number(body.replace('version ', '')), `trial ${trial}`).toBeGreaterThanOrEqual(
              version,
            )
          }
          changesChecked += acknowledged.papers.size + acknowledged.notes.size
          await library.close()
        } finally {
          await rm(dir, { recursive: true, force: true })
        }
      }
      expect(changesChecked).toBeGreaterThan(TRIALS)
    },
    TRIALS * 10_000,
  )
})
