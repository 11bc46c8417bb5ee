// Child process for the kill test: makes a stream of changes to the library as
// fast as it can, checkpointing constantly, and prints one line per change the
// moment it is acknowledged. The parent kills it at a random instant and then
// checks that every acknowledged change survived.
import { Library } from '../../../src/main/library/library'

const [dir, seedText] = process.argv.slice(2) as [string, string]

function listing(batch: number): string {
  const entries = [0, 1, 2].map((i) =>
    [
      `Batch ${batch} paper ${i}: a study of things`,
      '',
      `Abstract ${batch}.${i} of a paper.`,
      '',
      '  • 2 authors',
      '·',
      'Jan 5, 2026 1',
      '',
    ].join('\n'),
  )
  return ['Daily Papers', '', ...entries].join('\n')
}

async function main(): Promise<void> {
  // A checkpoint after every change: kills land during shard writes as often as in appends.
  const library = await Library.open(dir, { checkpointDelayMs: 0 })
  const seed = Number(seedText)
  const paperIds: string[] = []
  for (let step = 0; ; step++) {
    if (step % 5 === 0) {
      const report = await library.importText({ text: listing(seed * 1000 + step) })
      paperIds.push(...report.addedIds)
      for (const id of report.addedIds) process.stdout.write(`paper ${id}\n`)
    } else {
      const paperId = paperIds[(step * 7) % paperIds.length] ?? ''
      await library.saveNote({ paperId, body: `version ${step}` })
      process.stdout.write(`note ${paperId} ${step}\n`)
    }
  }
}

void main()
