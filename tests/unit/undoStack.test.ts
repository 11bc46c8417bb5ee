import { describe, expect, it } from 'vitest'
import { UNDO_LIMIT } from '../../src/main/core/organize/undoStack'
import type { Library } from '../../src/main/core/library'
import { fixturePerTest, storedRecords } from './support/organizeFixture'

const fx = fixturePerTest()
const id = fx.id

/** A small organized library for the operations below to act on. */
async function prepare(library: Library): Promise<Record<string, string>> {
  const a = await library.api.createCollection({ name: 'A', paperIds: [id(0), id(1)] })
  const b = await library.api.createCollection({ name: 'B', parentId: a.id })
  const c = await library.api.createCollection({ name: 'C' })
  await library.api.tagPapers({ paperIds: [id(0), id(2)], add: ['rl'] })
  await library.api.tagPapers({ paperIds: [id(2)], add: ['agents'] })
  const note = await library.api.saveNote({ paperId: id(4), body: 'note text' })
  await library.api.moveToTrash({ paperIds: [id(9)] })
  return { a: a.id, b: b.id, c: c.id, note: note.id }
}

type Operation = [string, (library: Library, ids: Record<string, string>) => Promise<unknown>]

const OPERATIONS: Operation[] = [
  ['createCollection', (l) => l.api.createCollection({ name: 'New', paperIds: [id(5)] })],
  ['renameCollection', (l, c) => l.api.renameCollection({ id: c['a'] ?? '', name: 'Renamed' })],
  [
    'moveCollection (nest)',
    (l, c) => l.api.moveCollection({ id: c['c'] ?? '', parentId: c['b'] ?? '' }),
  ],
  [
    'moveCollection (reorder)',
    (l, c) => l.api.moveCollection({ id: c['c'] ?? '', parentId: null, index: 0 }),
  ],
  [
    'addToCollection',
    (l, c) => l.api.addToCollection({ collectionId: c['c'] ?? '', paperIds: [id(1), id(6)] }),
  ],
  [
    'removeFromCollection',
    (l, c) => l.api.removeFromCollection({ collectionId: c['a'] ?? '', paperIds: [id(1)] }),
  ],
  ['setStatus', (l) => l.api.setStatus({ paperIds: [id(0), id(1)], status: 'read' })],
  ['setStarred', (l) => l.api.setStarred({ paperIds: [id(0), id(3)], starred: true })],
  ['tagPapers', (l) => l.api.tagPapers({ paperIds: [id(0), id(3)], add: ['new'], remove: ['rl'] })],
  ['renameTag (merge)', (l) => l.api.renameTag({ from: 'agents', to: 'rl' })],
  ['deleteTag', (l) => l.api.deleteTag({ tag: 'rl' })],
  ['moveToTrash (papers)', (l) => l.api.moveToTrash({ paperIds: [id(0), id(4)] })],
  ['moveToTrash (collection)', (l, c) => l.api.moveToTrash({ collectionIds: [c['a'] ?? ''] })],
  ['moveToTrash (note)', (l, c) => l.api.moveToTrash({ noteIds: [c['note'] ?? ''] })],
  ['restoreFromTrash', (l) => l.api.restoreFromTrash({ paperIds: [id(9)] })],
]

describe('undo and redo', () => {
  it.each(OPERATIONS)(
    '%s: undo restores every record exactly, redo reapplies it',
    async (_name, run) => {
      const { library } = fx()
      const ids = await prepare(library)
      const before = await storedRecords(library)
      await run(library, ids)
      const after = await storedRecords(library)
      expect(after).not.toEqual(before)
      const label = (await library.api.getUndoState({})).undo ?? ''
      expect(await library.api.undo({})).toMatchObject({ label })
      expect(await storedRecords(library)).toEqual(before)
      expect(await library.api.getUndoState({})).toMatchObject({ redo: label })
      expect(await library.api.redo({})).toMatchObject({ label })
      expect(await storedRecords(library)).toEqual(after)
    },
  )

  it(`keeps ${UNDO_LIMIT} steps (at least 50), newest first, and a new step clears redo`, async () => {
    const { library } = fx()
    expect(UNDO_LIMIT).toBeGreaterThanOrEqual(50)
    const start = await storedRecords(library)
    for (let step = 0; step < UNDO_LIMIT + 20; step++) {
      await library.api.setStarred({ paperIds: [id(step % 53)], starred: step < 53 || step >= 106 })
    }
    let undone = 0
    while ((await library.api.undo({})) !== null) undone++
    expect(undone).toBe(UNDO_LIMIT)
    // The 20 oldest steps fell off the stack: only those stay applied.
    const starred = (await library.api.getSidebar({})).views.starred
    expect(starred).toBe(20)
    await library.api.redo({})
    expect(await library.api.getUndoState({})).toHaveProperty('redo')
    await library.api.setStatus({ paperIds: [id(0)], status: 'read' })
    expect(await library.api.getUndoState({})).toEqual({ undo: 'Mark 1 paper read' })
    expect(await library.api.redo({})).toBeNull()
    expect(start.papers).toHaveLength(53)
  })

  it('refuses a step whose records were changed since, changes nothing, and moves on to the next', async () => {
    const { library } = fx()
    const c = await library.api.createCollection({ name: 'C' })
    await library.api.addToCollection({ collectionId: c.id, paperIds: [id(0), id(1)] })
    await library.api.moveToTrash({ paperIds: [id(0)] })
    // Emptying the Trash is not an undo step, and it rewrote C.
    await library.api.emptyTrash({})
    const records = await storedRecords(library)
    await expect(library.api.undo({})).rejects.toThrow(
      'Cannot undo “Move 1 paper to the Trash”: what it changed was changed again since',
    )
    await expect(library.api.undo({})).rejects.toThrow('Cannot undo “Add 2 papers to “C””')
    // Undoing the creation would now throw away C's remaining paper: refused too.
    await expect(library.api.undo({})).rejects.toThrow('Cannot undo “New collection “C””')
    expect(await storedRecords(library)).toEqual(records)
    expect(await library.api.undo({})).toBeNull()
    expect((await library.api.getSidebar({})).collections).toEqual([
      expect.objectContaining({ name: 'C', paperCount: 1 }),
    ])
  })

  it('merges around a later change to other fields of the same record', async () => {
    const { library } = fx()
    await library.api.tagPapers({ paperIds: [id(0)], add: ['x'] })
    await library.api.saveNote({ paperId: id(0), body: 'typed meanwhile' })
    await library.api.markRead({ id: id(0) })
    await library.api.undo({})
    expect(await library.api.getPaper({ id: id(0) })).toMatchObject({ tags: [], status: 'read' })
    expect((await library.api.getNote({ paperId: id(0) }))?.body).toBe('typed meanwhile')
    await library.api.redo({})
    expect(await library.api.getPaper({ id: id(0) })).toMatchObject({ tags: ['x'], status: 'read' })
  })
})
