// Child process for the restore kill test: restores two backups in turn, as
// fast as it can, printing each restore once it is acknowledged. The parent
// kills it at a random instant: the library must then hold one backup's
// content or the other's, whole.
import { Library } from '../../../src/main/core/library'

const [dir, firstId, secondId] = process.argv.slice(2) as [string, string, string]

async function main(): Promise<void> {
  const library = await Library.open(dir)
  for (let step = 0; ; step++) {
    const id = step % 2 === 0 ? firstId : secondId
    await library.api.restoreBackup({ id })
    process.stdout.write(`restored ${id}\n`)
  }
}

void main()
