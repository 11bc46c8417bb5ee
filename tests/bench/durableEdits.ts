// Single-record edits that must be on disk when they return: a note saved, a
// star toggled, a paper added to a collection. Each edit is timed beside the
// least any durable save can cost: writing that record's bytes alone to a file
// and fsyncing it (measured right after, on the same disk).
import { open } from 'node:fs/promises'
import { time } from './measure'

/** Edits timed after this many untimed ones (the warm-up). */
const WARMUP = 10

/** The reference: write the bytes alone to a file and fsync it. */
export async function writeAndSync(path: string, bytes: string): Promise<void> {
  const handle = await open(path, 'w')
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export interface EditTimes {
  edits: number[]
  references: number[]
}

/** One kind of edit: `apply` is timed; `bytes` is the changed record as stored, for the reference. */
export interface DurableEdit {
  apply(i: number): Promise<unknown>
  bytes(i: number): string
}

/** Runs `count` edits (after the warm-up), each followed by its reference write to `scratch`. */
export async function timeDurableEdits(
  count: number,
  scratch: string,
  edit: DurableEdit,
): Promise<EditTimes> {
  const times: EditTimes = { edits: [], references: [] }
  for (let i = 0; i < count + WARMUP; i++) {
    const edited = await time(() => edit.apply(i))
    const bytes = edit.bytes(i)
    const written = await time(() => writeAndSync(scratch, bytes))
    if (i >= WARMUP) {
      times.edits.push(edited)
      times.references.push(written)
    }
  }
  return times
}
