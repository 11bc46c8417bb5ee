// Child process for the full-disk restore test: opens the library and restores
// a backup while every write past a few bytes fails. Prints the outcome.
import { Library } from '../../../src/main/core/library'

const [dir, backupId] = process.argv.slice(2) as [string, string]

async function main(): Promise<void> {
  const library = await Library.open(dir)
  let outcome = 'ok'
  try {
    await library.api.restoreBackup({ id: backupId })
  } catch (error) {
    outcome = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  }
  await library.close().catch(() => undefined)
  process.stdout.write(outcome)
}

// A .ts file run by tsx outside an ES module package cannot use top-level await.
void main()
