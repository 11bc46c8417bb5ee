import { describe, expect, it } from 'vitest'
import { BadInputError, NotFoundError } from '../../src/main/core/kernel/errors'
import { folderSnapshot } from './support/libraryFolder'
import { listedIds, fixturePerTest } from './support/organizeFixture'

const fx = fixturePerTest()
const id = fx.id

async function tree(): Promise<string[]> {
  const sidebar = await fx().library.api.getSidebar({})
  const byId = new Map(sidebar.collections.map((node) => [node.id, node]))
  return sidebar.collections.map((node) => {
    let depth = 0
    for (let parent = node.parentId; parent !== undefined; parent = byId.get(parent)?.parentId) {
      depth++
    }
    return `${'  '.repeat(depth)}${node.name} (${node.paperCount})`
  })
}

describe('collections', () => {
  it('creates nested collections, files papers in several, and lists them per collection', async () => {
    const { library } = fx()
    const tools = await library.api.createCollection({ name: '  Tool   learning ' })
    expect(tools.name).toBe('Tool learning')
    const retrieval = await library.api.createCollection({ name: 'Retrieval', parentId: tools.id })
    const reading = await library.api.createCollection({ name: 'Reading group', paperIds: [id(0)] })

    expect(
      await library.api.addToCollection({
        collectionId: retrieval.id,
        paperIds: [id(1), id(2), id(3)],
      }),
    ).toEqual({ label: 'Add 3 papers to “Retrieval”', changed: 3 })
    // Adding again changes nothing; a paper can be in any number of collections.
    expect(
      (await library.api.addToCollection({ collectionId: retrieval.id, paperIds: [id(1)] }))
        .changed,
    ).toBe(0)
    await library.api.addToCollection({ collectionId: reading.id, paperIds: [id(1)] })

    expect(await tree()).toEqual(['Tool learning (0)', '  Retrieval (3)', 'Reading group (2)'])
    expect(
      new Set(await listedIds(library, { scope: { kind: 'collection', id: retrieval.id } })),
    ).toEqual(new Set([id(1), id(2), id(3)]))
    expect(await library.api.getPaperCollections({ id: id(1) })).toEqual([
      { id: reading.id, name: 'Reading group', path: ['Reading group'] },
      { id: retrieval.id, name: 'Retrieval', path: ['Tool learning', 'Retrieval'] },
    ])

    const sidebar = await library.api.getSidebar({})
    expect(sidebar.library).toBe(53)
    expect(sidebar.unfiled).toBe(49)
    expect(await listedIds(library, { scope: { kind: 'unfiled' } })).not.toContain(id(2))

    // Removing from a collection keeps the paper in the library.
    await library.api.removeFromCollection({ collectionId: retrieval.id, paperIds: [id(2)] })
    expect(await tree()).toEqual(['Tool learning (0)', '  Retrieval (2)', 'Reading group (2)'])
    expect((await library.api.getLibraryInfo({})).paperCount).toBe(53)

    // All of it survives a reopen.
    await library.close()
    fx().library = await fx().reopen()
    expect(await tree()).toEqual(['Tool learning (0)', '  Retrieval (2)', 'Reading group (2)'])
  })

  it('renames, refuses a sibling’s name, and allows it elsewhere', async () => {
    const { library } = fx()
    const a = await library.api.createCollection({ name: 'Agents' })
    const b = await library.api.createCollection({ name: 'Benchmarks' })
    await expect(library.api.renameCollection({ id: b.id, name: 'agents' })).rejects.toThrow(
      'There is already a collection named “agents” at the top level',
    )
    await expect(library.api.createCollection({ name: 'AGENTS' })).rejects.toBeInstanceOf(
      BadInputError,
    )
    await library.api.createCollection({ name: 'Agents', parentId: b.id })
    expect(await library.api.renameCollection({ id: a.id, name: 'agents' })).toEqual({
      label: 'Rename “Agents” to “agents”',
      changed: 1,
    })
    await expect(library.api.renameCollection({ id: a.id, name: '   ' })).rejects.toThrow(
      'A collection needs a name',
    )
    expect(await tree()).toEqual(['agents (0)', 'Benchmarks (0)', '  Agents (0)'])
  })

  it('nests and reorders by moving, and refuses a cycle without changing anything', async () => {
    const { library } = fx()
    const a = await library.api.createCollection({ name: 'A' })
    const b = await library.api.createCollection({ name: 'B' })
    const c = await library.api.createCollection({ name: 'C' })
    await library.api.moveCollection({ id: c.id, parentId: null, index: 0 })
    expect(await tree()).toEqual(['C (0)', 'A (0)', 'B (0)'])
    await library.api.moveCollection({ id: b.id, parentId: a.id })
    await library.api.moveCollection({ id: c.id, parentId: b.id })
    expect(await tree()).toEqual(['A (0)', '  B (0)', '    C (0)'])

    await library.flush()
    const before = await folderSnapshot(fx().dir)
    await expect(library.api.moveCollection({ id: a.id, parentId: c.id })).rejects.toThrow(
      'Cannot move “A” into its own subcollection “C”',
    )
    await expect(library.api.moveCollection({ id: a.id, parentId: a.id })).rejects.toThrow(
      'Cannot move “A” into itself',
    )
    await expect(library.api.moveCollection({ id: a.id, parentId: 'nope' })).rejects.toBeInstanceOf(
      NotFoundError,
    )
    await library.flush()
    expect(await folderSnapshot(fx().dir)).toEqual(before)

    // Back to the top level, at the end.
    expect((await library.api.moveCollection({ id: c.id, parentId: null })).label).toBe(
      'Move “C” to the top level',
    )
    expect(await tree()).toEqual(['A (0)', '  B (0)', 'C (0)'])
  })

  it('reports an unknown id clearly and changes nothing', async () => {
    const { library } = fx()
    const c = await library.api.createCollection({ name: 'C' })
    await library.flush()
    const before = await folderSnapshot(fx().dir)
    await expect(
      library.api.addToCollection({ collectionId: c.id, paperIds: [id(0), 'no-such-paper'] }),
    ).rejects.toThrow('No paper with id "no-such-paper" in this library')
    await expect(
      library.api.addToCollection({ collectionId: 'no-such-collection', paperIds: [id(0)] }),
    ).rejects.toThrow('No collection with id "no-such-collection" in this library')
    await expect(library.api.createCollection({ name: 'D', parentId: 'x' })).rejects.toBeInstanceOf(
      NotFoundError,
    )
    await expect(
      library.api.listPapers({
        offset: 0,
        limit: 10,
        filter: { scope: { kind: 'collection', id: 'x' } },
      }),
    ).rejects.toBeInstanceOf(NotFoundError)
    await library.flush()
    expect(await folderSnapshot(fx().dir)).toEqual(before)
    expect((await library.api.getUndoState({})).undo).toBe('New collection “C”')
  })
})
