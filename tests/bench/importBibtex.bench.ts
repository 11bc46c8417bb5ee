// The BibTeX import rows alone (issue 21), each run in a fresh process, median
// of RUNS: `node --expose-gc --import tsx tests/bench/importBibtex.bench.ts`
// (BENCH_IMPORT_ENTRIES=100000 and RUNS=3 by default). Prints wall and CPU
// time, MB/s of each, the scan, JSON.parse of the same entries, and the peak
// resident memory. `npm run bench` has the same rows beside the others.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { benchImportBibtex, type ImportBench } from './importBibtex'
import { median } from './measure'

const ENTRIES = Number(process.env['BENCH_IMPORT_ENTRIES'] ?? 100_000)
const RUNS = Number(process.env['RUNS'] ?? 3)
const SELF = fileURLToPath(import.meta.url)

async function main(): Promise<void> {
  if (process.argv[2] === '--one') {
    console.log(JSON.stringify(await benchImportBibtex(ENTRIES)))
    return
  }
  const runs: ImportBench[] = []
  for (let run = 0; run < RUNS; run++) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', SELF, '--one'],
      { maxBuffer: 1 << 20 },
    )
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ImportBench
    runs.push(result)
    console.log(
      `run ${run + 1}: wall ${(result.importMs / 1000).toFixed(2)} s, CPU ${(result.importCpuMs / 1000).toFixed(2)} s, ` +
        `scan ${(result.scanMs / 1000).toFixed(2)} s, JSON.parse ${(result.jsonParseMs / 1000).toFixed(2)} s, ` +
        `peak ${result.peakRssMb.toFixed(0)} MB, search ready ${(result.searchReadyMs / 1000).toFixed(1)} s`,
    )
  }
  const megabytes = runs[0]?.megabytes ?? 0
  const wall = median(runs.map((r) => r.importMs)) / 1000
  const cpu = median(runs.map((r) => r.importCpuMs)) / 1000
  console.log(
    `median of ${RUNS}, ${ENTRIES.toLocaleString('en')} entries (${megabytes.toFixed(0)} MB): ` +
      `wall ${wall.toFixed(2)} s (${(megabytes / wall).toFixed(1)} MB/s), ` +
      `CPU ${cpu.toFixed(2)} s (${(megabytes / cpu).toFixed(1)} MB/s), ` +
      `scan ${(median(runs.map((r) => r.scanMs)) / 1000).toFixed(2)} s, ` +
      `JSON.parse ${(median(runs.map((r) => r.jsonParseMs)) / 1000).toFixed(2)} s, ` +
      `peak RSS ${median(runs.map((r) => r.peakRssMb)).toFixed(0)} MB ` +
      `(before ${median(runs.map((r) => r.rssBeforeMb)).toFixed(0)} MB)`,
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
