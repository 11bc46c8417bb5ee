// Child process for the disk-full test: opens the library (whose files already
// exist), then tries to change it while every write past a few bytes fails.
// Prints what it saw as JSON.
import { Library } from '../../../src/main/core/library'

const [dir, paperId, fixture] = process.argv.slice(2) as [string, string, string]

async function attempt(action: () => Promise<unknown>): Promise<string> {
  try {
    await action()
    return 'ok'
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  }
}

async function main(): Promise<void> {
  const library = await Library.open(dir)
  const saveNote = await attempt(() => library.api.saveNote({ paperId, body: 'lost '.repeat(50) }))
  const importText = await attempt(() => library.api.importText({ text: fixture }))
  const note = (await library.api.getNote({ paperId }))?.body
  const paperCount = (await library.api.getLibraryInfo({})).paperCount
  const close = await attempt(() => library.close())
  process.stdout.write(JSON.stringify({ saveNote, importText, note, paperCount, close }))
}

// A .ts file run by tsx outside an ES module package cannot use top-level await.
void main()
