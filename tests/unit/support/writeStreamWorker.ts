// Child process for the kill test: makes a stream of changes to the library as
// fast as it can (imports, note saves, stars, collections, settings, backups), checkpointing
// constantly, and prints one line per change the moment it is acknowledged.
// The parent kills it at a random instant and then checks that every
// acknowledged change survived.
import { Library } from '../../../src/main/core/library'
import { syntheticListing } from '../../support/syntheticListing'

const [dir, seedText] = process.argv.slice(2) as [string, string]

async function main(): Promise<void> {
  // A checkpoint after every change: kills land during shard writes as often as in appends.
  const library = await Library.open(dir, { checkpointDelayMs: 0 })
  const seed = Number(seedText)
  const paperIds: string[] = []
  let settingsVersion = 0
  for (let step = 0; ; step++) {
    if (step % 5 === 0) {
      const report = await library.api.importText({
        text: syntheticListing(3, `Batch ${seed * 1000 + step} paper `),
      })
      paperIds.push(...report.addedIds)
      for (const id of report.addedIds) process.stdout.write(`paper ${id}\n`)
    } else if (step % 7 === 0) {
      // Increasing values, so "at least what was acknowledged" can be checked.
      settingsVersion = Math.min(168, settingsVersion + 1)
      await library.api.updateSettings({ patch: { backupIntervalHours: settingsVersion } })
      process.stdout.write(`settings ${settingsVersion}\n`)
    } else if (step % 11 === 0) {
      const { backup } = await library.api.createBackup({})
      process.stdout.write(`backup ${backup.id}\n`)
    } else if (step % 13 === 0) {
      const paperId = paperIds[step % paperIds.length] ?? ''
      const collection = await library.api.createCollection({
        name: `Collection ${seed}.${step}`,
        paperIds: [paperId],
      })
      process.stdout.write(`collection ${collection.id} ${paperId}\n`)
    } else if (step % 3 === 0) {
      // Stars are only ever set here, so an acknowledged star must be found set.
      const paperId = paperIds[(step * 5) % paperIds.length] ?? ''
      await library.api.setStarred({ paperIds: [paperId], starred: true })
      process.stdout.write(`star ${paperId}\n`)
    } else {
      const paperId = paperIds[(step * 7) % paperIds.length] ?? ''
      await library.api.saveNote({ paperId, body: `version ${step}` })
      process.stdout.write(`note ${paperId} ${step}\n`)
    }
  }
}

void main()
