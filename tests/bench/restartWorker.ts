// One start of the app's core in a fresh process, as the app starts: opens a
// library and reports how long until the list answers and until a search
// does (the index built or loaded in the background), and the resident
// memory then. run.ts runs it as bundled JavaScript, as the app's main
// process runs (no TypeScript loader in the process to weigh on memory).
import { Library } from '../../src/main/library/library'

export interface RestartFigures {
  /** From Library.open to the list's first page. */
  listMs: number
  /** From Library.open to a search's first page: the index is ready. */
  searchMs: number
  /** Resident memory with the list sorted and the search index ready. */
  rss: number
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? ''
  const start = performance.now()
  const library = await Library.open(dir)
  await library.listPapers({ offset: 0, limit: 100 })
  const listMs = performance.now() - start
  await library.listPapers({ offset: 0, limit: 100, query: 'learning' })
  const searchMs = performance.now() - start
  globalThis.gc?.()
  const figures: RestartFigures = { listMs, searchMs, rss: process.memoryUsage().rss }
  process.stdout.write(JSON.stringify(figures))
  await library.close()
}

void main()
