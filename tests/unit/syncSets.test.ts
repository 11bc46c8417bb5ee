// One library folder on two machines: list fields that are sets (a paper's
// tags, a collection's papers) edited on both between syncs keep every
// element either machine added, and lose what either removed.
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Library } from '../../src/main/core/library'
import { journalFileOf } from '../../src/main/core/store/libraryStore'
import { syntheticListing } from '../support/syntheticListing'
import { syncWhole, useTwoMachines } from './support/twoMachines'
import type { Machine } from './support/twoMachines'

const { folderOf, openAs } = useTwoMachines()

/** Each machine's journal copied to the other: what a sync tool carries after edits on both. */
async function exchangeJournals(): Promise<void> {
  const [laptop, desktop] = [folderOf('laptop'), folderOf('desktop')]
  await cp(join(laptop, journalFileOf('laptop')), join(desktop, journalFileOf('laptop')))
  await cp(join(desktop, journalFileOf('desktop')), join(laptop, journalFileOf('desktop')))
}

/** Both machines with the same library: 3 papers, the first tagged "survey", and a collection of it. */
async function twoMachines(): Promise<{ paperIds: string[]; collectionId: string }> {
  const laptop = await openAs('laptop')
  const { addedIds } = await laptop.api.importText({ text: syntheticListing(3) })
  await laptop.api.tagPapers({ paperIds: [addedIds[0] ?? ''], add: ['survey'] })
  const collection = await laptop.api.createCollection({
    name: 'Thesis',
    paperIds: [addedIds[0] ?? ''],
  })
  await laptop.close()
  await syncWhole(folderOf('laptop'), folderOf('desktop'))
  const desktop = await openAs('desktop')
  await desktop.close()
  await syncWhole(folderOf('desktop'), folderOf('laptop'))
  return { paperIds: addedIds, collectionId: collection.id }
}

async function on<T>(device: Machine, act: (library: Library) => Promise<T>): Promise<T> {
  const library = await openAs(device)
  try {
    return await act(library)
  } finally {
    await library.close()
  }
}

describe('list fields edited on two machines between syncs', () => {
  it('keeps a tag added on the laptop and another added on the desktop, on both machines', async () => {
    const { paperIds } = await twoMachines()
    const id = paperIds[0] ?? ''
    await on('laptop', (l) => l.api.tagPapers({ paperIds: [id], add: ['to-read'] }))
    await on('desktop', (l) => l.api.tagPapers({ paperIds: [id], add: ['methods'] }))
    await exchangeJournals()

    for (const device of ['laptop', 'desktop'] as const) {
      const paper = await on(device, (l) => l.api.getPaper({ id }))
      expect([...paper.tags].sort()).toEqual(['methods', 'survey', 'to-read'])
    }
  })

  it('drops a tag removed on the laptop when the desktop added another and left that one alone', async () => {
    const { paperIds } = await twoMachines()
    const id = paperIds[0] ?? ''
    await on('laptop', (l) => l.api.tagPapers({ paperIds: [id], remove: ['survey'] }))
    await on('desktop', (l) => l.api.tagPapers({ paperIds: [id], add: ['methods'] }))
    await exchangeJournals()

    for (const device of ['laptop', 'desktop'] as const) {
      const paper = await on(device, (l) => l.api.getPaper({ id }))
      expect(paper.tags).toEqual(['methods'])
    }
  })

  it('keeps a tag the desktop added again after the laptop removed it', async () => {
    const { paperIds } = await twoMachines()
    const id = paperIds[0] ?? ''
    await on('laptop', (l) => l.api.tagPapers({ paperIds: [id], remove: ['survey'] }))
    await exchangeJournals()
    await on('desktop', (l) => l.api.tagPapers({ paperIds: [id], add: ['survey'] }))
    await exchangeJournals()

    for (const device of ['laptop', 'desktop'] as const) {
      const paper = await on(device, (l) => l.api.getPaper({ id }))
      expect(paper.tags).toEqual(['survey'])
    }
  })

  it('files a paper added to a collection on each machine in that collection on both', async () => {
    const { paperIds, collectionId } = await twoMachines()
    const [first = '', second = '', third = ''] = paperIds
    await on('laptop', (l) => l.api.addToCollection({ collectionId, paperIds: [second] }))
    await on('desktop', (l) => l.api.addToCollection({ collectionId, paperIds: [third] }))
    await exchangeJournals()

    for (const device of ['laptop', 'desktop'] as const) {
      for (const id of [first, second, third]) {
        const refs = await on(device, (l) => l.api.getPaperCollections({ id }))
        expect(refs.map((ref) => ref.name)).toEqual(['Thesis'])
      }
    }
  })

  it('takes a paper out of a collection on one machine while the other files another in it', async () => {
    const { paperIds, collectionId } = await twoMachines()
    const [first = '', second = ''] = paperIds
    await on('laptop', (l) => l.api.removeFromCollection({ collectionId, paperIds: [first] }))
    await on('desktop', (l) => l.api.addToCollection({ collectionId, paperIds: [second] }))
    await exchangeJournals()

    for (const device of ['laptop', 'desktop'] as const) {
      expect(await on(device, (l) => l.api.getPaperCollections({ id: first }))).toEqual([])
      const refs = await on(device, (l) => l.api.getPaperCollections({ id: second }))
      expect(refs.map((ref) => ref.name)).toEqual(['Thesis'])
    }
  })
})
