import { describe, expect, it } from 'vitest'
import { BadInputError } from '../../src/main/core/kernel/errors'
import { LibraryStore } from '../../src/main/core/store/libraryStore'
import { listedIds, fixturePerTest, shardBytes, storedRecords } from './support/organizeFixture'

const fx = fixturePerTest()
const id = fx.id

/** Manual links are made by another part of the app; here they are written to the store directly. */
async function linkPapers(from: string, to: string): Promise<void> {
  await fx().library.close()
  const store = await LibraryStore.open(fx().dir)
  await store.commit({
    relations: {
      put: [{ id: `rel-${from}-${to}`, fromId: from, toId: to, createdAt: '2026-02-10T00:00:00Z' }],
    },
  })
  await store.close()
  fx().library = await fx().reopen()
}

/** A paper with a note, two memberships, a tag, a star and a manual link. */
async function attachEverything(): Promise<{ collectionIds: string[] }> {
  await linkPapers(id(0), id(1))
  const { library } = fx()
  const a = await library.api.createCollection({ name: 'A', paperIds: [id(0), id(1)] })
  const b = await library.api.createCollection({
    name: 'B',
    parentId: a.id,
    paperIds: [id(2), id(0)],
  })
  await library.api.saveNote({ paperId: id(0), body: '# Kept\n\nwith its paper' })
  await library.api.tagPapers({ paperIds: [id(0)], add: ['rl'] })
  await library.api.setStarred({ paperIds: [id(0)], starred: true })
  return { collectionIds: [a.id, b.id] }
}

describe('the Trash', () => {
  it('trashes a paper with everything attached, hides it, and restores the store byte for byte', async () => {
    const { collectionIds } = await attachEverything()
    const { library } = fx()
    const records = await storedRecords(library)
    const shards = await shardBytes(library)

    expect(await library.api.moveToTrash({ paperIds: [id(0)] })).toEqual({
      label: 'Move 1 paper to the Trash',
      changed: 1,
    })
    // Gone from every list, count and view; the Trash holds it with its note.
    expect(await listedIds(library)).not.toContain(id(0))
    expect(await listedIds(library, { scope: { kind: 'trash' } })).toEqual([id(0)])
    const sidebar = await library.api.getSidebar({})
    expect(sidebar).toMatchObject({ library: 52, trash: 1, tags: [], views: { starred: 0 } })
    expect(sidebar.collections.map((c) => [c.name, c.paperCount])).toEqual([
      ['A', 1],
      ['B', 1],
    ])
    expect(await library.api.getNote({ paperId: id(0) })).toMatchObject({
      body: '# Kept\n\nwith its paper',
    })
    await expect(library.api.saveNote({ paperId: id(0), body: 'edit' })).rejects.toBeInstanceOf(
      BadInputError,
    )
    expect((await library.api.getLibraryInfo({})).noteCount).toBe(0)
    expect((await library.api.listTrash({})).notes).toEqual([]) // the note is in the Trash with its paper

    expect(await library.api.restoreFromTrash({ paperIds: [id(0)] })).toEqual({
      label: 'Restore 1 paper',
      changed: 1,
    })
    expect(await storedRecords(library)).toEqual(records)
    expect(await shardBytes(library)).toEqual(shards)
    expect(
      await listedIds(library, { scope: { kind: 'collection', id: collectionIds[1] ?? '' } }),
    ).toHaveLength(2)
  })

  it('trashes a collection with its subcollections, keeps their papers, and restores them', async () => {
    const { collectionIds } = await attachEverything()
    const [a, b] = collectionIds as [string, string]
    const { library } = fx()
    const records = await storedRecords(library)
    expect((await library.api.moveToTrash({ collectionIds: [a] })).label).toBe(
      'Move “A” to the Trash',
    )
    const sidebar = await library.api.getSidebar({})
    expect(sidebar.collections).toEqual([])
    expect(sidebar).toMatchObject({ library: 53, unfiled: 53, trash: 1 })
    expect(await library.api.listTrash({})).toEqual({
      collections: [
        expect.objectContaining({
          id: a,
          name: 'A',
          path: ['A'],
          paperCount: 2,
          subcollectionCount: 1,
        }),
      ],
      notes: [],
    })
    await expect(
      library.api.addToCollection({ collectionId: b, paperIds: [id(5)] }),
    ).rejects.toThrow('The collection “B” is in the Trash; restore it first')
    await library.api.restoreFromTrash({ collectionIds: [a] })
    expect(await storedRecords(library)).toEqual(records)
  })

  it('trashes a note on its own; restoring it when the paper has a new note keeps both texts', async () => {
    const { library } = fx()
    const note = await library.api.saveNote({ paperId: id(3), body: 'first thoughts' })
    expect((await library.api.moveToTrash({ noteIds: [note.id] })).label).toBe(
      `Move the note “${note.title}” to the Trash`,
    )
    expect(await library.api.getNote({ paperId: id(3) })).toBeNull()
    expect((await library.api.listTrash({})).notes).toEqual([
      expect.objectContaining({ id: note.id, paperId: id(3), excerpt: 'first thoughts' }),
    ])
    expect((await library.api.getSidebar({})).trash).toBe(1)
    await library.api.saveNote({ paperId: id(3), body: 'second thoughts' })
    await library.api.restoreFromTrash({ noteIds: [note.id] })
    expect((await library.api.getNote({ paperId: id(3) }))?.body).toBe(
      'second thoughts\n\nfirst thoughts',
    )
    expect((await library.api.getSidebar({})).trash).toBe(0)
  })

  it('deletes for good only what is in the Trash, with its notes, links and memberships', async () => {
    const { collectionIds } = await attachEverything()
    const { library } = fx()
    await expect(library.api.deleteForever({ paperIds: [id(0)] })).rejects.toThrow(
      'is not in the Trash',
    )
    await library.api.moveToTrash({ paperIds: [id(0)] })
    const lone = await library.api.saveNote({ paperId: id(7), body: 'lone' })
    await library.api.moveToTrash({ noteIds: [lone.id] })
    const c = await library.api.createCollection({ name: 'Old' })
    await library.api.moveToTrash({ collectionIds: [c.id] })
    expect((await library.api.getSidebar({})).trash).toBe(3)

    expect(await library.api.emptyTrash({})).toEqual({ label: 'Empty the Trash', changed: 3 })
    // Not an undo step: deleting for good is final.
    expect((await library.api.getUndoState({})).undo).toBe('Move “Old” to the Trash')
    const records = await storedRecords(library)
    expect(records.papers).toHaveLength(52)
    expect(records.notes).toEqual([])
    expect(records.relations).toEqual([])
    expect(
      records.collections.map((r) => JSON.parse(r) as { id: string; paperIds: string[] }),
    ).toEqual(
      expect.arrayContaining(
        collectionIds.map((cid) =>
          expect.objectContaining({ id: cid, paperIds: expect.not.arrayContaining([id(0)]) }),
        ),
      ),
    )
    expect(records.collections).toHaveLength(2)
    expect((await library.api.getSidebar({})).trash).toBe(0)
    expect((await library.api.emptyTrash({})).changed).toBe(0)
  })
})
