// Child process for the chunked-journal test: under a file size limit that a
// large change set's first chunks fit in and its whole line does not, commits
// that large change set (refused), then a small one (acknowledged), and exits
// without closing, as a crash would. Prints what it saw as JSON.
import type { Paper } from '../../../src/shared/model'
import { paperRecord } from '../../e2e/harness/seedLibrary'
import { JOURNAL_CHUNK_BYTES } from '../../../src/main/core/store/journal'
import { LibraryStore } from '../../../src/main/core/store/libraryStore'

const [dir] = process.argv.slice(2) as [string]
const NEVER = 24 * 60 * 60 * 1000

const paper = (id: string, abstract: string): Paper => paperRecord(id, { abstract })

async function attempt(action: () => Promise<unknown>): Promise<string> {
  try {
    await action()
    return 'ok'
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message.split(':')[0]}` : String(error)
  }
}

async function main(): Promise<void> {
  const store = await LibraryStore.open(dir, { checkpointDelayMs: NEVER, device: 'laptop' })
  // Three chunks' worth of papers of 4 kB each.
  const count = Math.ceil((3 * JOURNAL_CHUNK_BYTES) / 4000)
  const large = Array.from({ length: count }, (_, i) => paper(`large-${i}`, 'x'.repeat(4000)))
  const largeCommit = await attempt(() => store.commit({ papers: { put: large } }))
  const smallCommit = await attempt(() =>
    store.commit({ papers: { put: [paper('small', 'after the refusal')] } }),
  )
  process.stdout.write(JSON.stringify({ largeCommit, smallCommit, inMemory: store.papers.size }))
  process.exit(0)
}

void main()
