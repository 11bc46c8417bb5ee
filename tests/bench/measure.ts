// Timing helpers for the benchmark. Numbers are reported, never asserted.
import { performance } from 'node:perf_hooks'

export async function time(task: () => unknown): Promise<number> {
  const start = performance.now()
  await task()
  return performance.now() - start
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] ?? Number.NaN
}

export const median = (samples: readonly number[]): number => percentile(samples, 50)
