// One line of the benchmark table: a time beside its reference, measured in
// the same run on the same data. Shared by run.ts and search.bench.ts (which
// run.ts starts as a child process and whose rows it adds to its table).
export interface BenchRow {
  papers: number
  operation: string
  timeMs: number
  /** CPU time (user + system) beside the wall time, on a machine others share. */
  cpuMs?: number
  referenceMs?: number
  reference: string
  ratio?: number
  target: string
}

/** The unit of a row's figures: MB for a row that measures memory (its operation says MB), else ms. */
export function unitOf(row: Pick<BenchRow, 'operation'>): 'MB' | 'ms' {
  return row.operation.includes('MB') ? 'MB' : 'ms'
}
