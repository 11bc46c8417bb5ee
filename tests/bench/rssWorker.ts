// Opens a library in a fresh process and reports its resident memory, so the
// benchmark measures what the main process would hold after opening, with
// the list sorted and the search index ready.
import { Library } from '../../src/main/library/library'

async function main(): Promise<void> {
  const dir = process.argv[2] ?? ''
  const library = await Library.open(dir)
  await library.listPapers({ offset: 0, limit: 100 })
  // Open means searchable too: a search waits for the index the library builds
  // (or loads) in the background, so memory is measured with it in place.
  await library.listPapers({ offset: 0, limit: 100, query: 'learning' })
  globalThis.gc?.()
  process.stdout.write(JSON.stringify({ rss: process.memoryUsage().rss }))
  await library.close()
}

void main()
