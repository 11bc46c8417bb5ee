// One start of the app's core in a fresh process, as the app starts: opens a
// library and reports how long until the list answers and until a search
// does (the index built or loaded in the background), and the resident
// memory then. With `reference`, it instead reads every JSON file of the
// library raw and parses it: the reference, measured in a fresh process too.
// run.ts runs it as bundled JavaScript, as the app's main process runs (no
// TypeScript loader in the process to weigh on time or memory).
import { readFile } from 'node:fs/promises'
import { Library } from '../../src/main/core/library'
import { listFiles } from '../unit/support/libraryFolder'

export interface RestartFigures {
  /** From Library.open to the list's first page. */
  listMs: number
  /** From Library.open to a search's first page: the index is ready. */
  searchMs: number
  /** Resident memory with the list sorted and the search index ready. */
  rss: number
}

export interface ReferenceFigures {
  /** Reading every JSON file of the library and JSON.parse-ing it. */
  parseMs: number
}

async function start(dir: string): Promise<RestartFigures> {
  const start = performance.now()
  const library = await Library.open(dir)
  await library.api.listPapers({ offset: 0, limit: 100 })
  const listMs = performance.now() - start
  await library.api.listPapers({ offset: 0, limit: 100, query: 'learning' })
  const searchMs = performance.now() - start
  globalThis.gc?.()
  const figures = { listMs, searchMs, rss: process.memoryUsage().rss }
  await library.close()
  return figures
}

async function parseRaw(dir: string): Promise<ReferenceFigures> {
  const files = (await listFiles(dir)).filter((path) => path.endsWith('.json'))
  const start = performance.now()
  for (const file of files) {
    const text = await readFile(file, 'utf8')
    if (text.trim() !== '') JSON.parse(text)
  }
  return { parseMs: performance.now() - start }
}

async function main(): Promise<void> {
  const [dir = '', mode] = process.argv.slice(2)
  const figures = mode === 'reference' ? await parseRaw(dir) : await start(dir)
  process.stdout.write(JSON.stringify(figures))
}

void main()
