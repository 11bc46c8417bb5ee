// Timing helpers for the benchmark. Numbers are reported, never asserted.
import { performance } from 'node:perf_hooks'

export async function time(task: () => unknown): Promise<number> {
  const start = performance.now()
  await task()
  return performance.now() - start
}

/** Wall and CPU (user + system) milliseconds of a task. */
export async function timeWithCpu(task: () => unknown): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage()
  const wallMs = await time(task)
  const used = process.cpuUsage(cpu)
  return { wallMs, cpuMs: (used.user + used.system) / 1000 }
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] ?? Number.NaN
}

export const median = (samples: readonly number[]): number => percentile(samples, 50)
