// `node --import tsx tests/bench/citationsOnly.ts [PAPERS]`: only the citation
// rows (tests/bench/citations.ts) on one synthetic library, for profiling
// (`node --cpu-prof --import tsx ...`) without the rest of `npm run bench`.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library } from '../../src/main/core/library'
import { benchCitations } from './citations'
import { synthesize, writeSyntheticLibrary } from './syntheticLibrary'

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 1000)
  const dir = await mkdtemp(join(tmpdir(), `offprint-bench-citations-${count}-`))
  try {
    await writeSyntheticLibrary(dir, synthesize(count))
    const library = await Library.open(dir)
    await benchCitations(library, synthesize(count).papers, (row) => {
      const ratio =
        row.referenceMs === undefined ? '' : ` (${(row.timeMs / row.referenceMs).toFixed(2)}×)`
      const cpu = row.cpuMs === undefined ? '' : ` / ${row.cpuMs.toFixed(1)} ms CPU`
      console.log(`  ${row.operation}: ${row.timeMs.toFixed(1)} ms${cpu}${ratio}`)
    })
    await library.close()
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

void main()
