// `node --import tsx tests/bench/importHf.bench.ts`: the Hugging Face import
// rows alone (npm run bench runs them too). BENCH_HF_PAPERS papers (2000),
// BENCH_HF_RUNS runs (1), each the median of three imports; every run's
// figures are printed, then the median over runs.
import { benchImportHf, savedPageOf, syntheticHfResponse } from './importHf'
import type { HfImportBench } from './importHf'
import { median } from './measure'

const papers = Number(process.env['BENCH_HF_PAPERS'] ?? 2000)
const runs = Number(process.env['BENCH_HF_RUNS'] ?? 1)

const format = (ms: number): string => ms.toFixed(0)

async function main(): Promise<void> {
  const response = await syntheticHfResponse(papers)
  for (const [form, text] of [
    ['API response', response],
    ['saved page', savedPageOf(response)],
  ] as const) {
    const results: HfImportBench[] = []
    for (let run = 0; run < runs; run++) {
      const result = await benchImportHf(text, response, papers)
      results.push(result)
      console.log(
        `${form} (${result.megabytes.toFixed(1)} MB) run ${run + 1}: CPU ${format(result.importCpuMs)} ms / ${format(result.referenceCpuMs)} ms = ${(result.importCpuMs / result.referenceCpuMs).toFixed(2)}×; wall ${format(result.importMs)} ms / ${format(result.referenceMs)} ms = ${(result.importMs / result.referenceMs).toFixed(2)}×`,
      )
    }
    const cpu = median(results.map((r) => r.importCpuMs))
    const cpuRef = median(results.map((r) => r.referenceCpuMs))
    const cpuRatio = median(results.map((r) => r.importCpuMs / r.referenceCpuMs))
    const wall = median(results.map((r) => r.importMs))
    const wallRef = median(results.map((r) => r.referenceMs))
    const wallRatio = median(results.map((r) => r.importMs / r.referenceMs))
    console.log(
      `${form}, median of ${runs}: CPU ${format(cpu)} ms, reference ${format(cpuRef)} ms, ratio ${cpuRatio.toFixed(2)}×; wall ${format(wall)} ms, reference ${format(wallRef)} ms, ratio ${wallRatio.toFixed(2)}×`,
    )
  }
}

void main()
