// Find duplicates on demand, merge them (notes, collections, tags and links
// kept), and undo the merge.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Note, Paper } from '../../src/shared/model'
import {
  collection,
  importVia,
  makeDir,
  openAt,
  readRecords,
  removeDir,
  seedRecords,
} from './libraryFixture'
import { allPapers } from './support/libraryPapers'

let dir: string
beforeEach(async () => {
  dir = await makeDir()
})
afterEach(async () => {
  await removeDir(dir)
})

// Three records of one paper, each imported into a library of its own and then
// put into one file (as a sync or an older Offprint might leave them), found
// by the on-demand search: ONE~TWO by DOI, TWO~THREE by arXiv id.
const ONE = `@article{one, title = {Deep Residual Learning}, year = 2016, doi = {10.1109/CVPR.2016.90},
  keywords = {vision}, url = {https://example.org/resnet}}`
const TWO = `@inproceedings{two, title = {Deep Residual Learning for Image Recognition}, year = 2015,
  doi = {10.1109/cvpr.2016.90}, eprint = {1512.03385}, author = {He, Kaiming and Zhang, Xiangyu},
  abstract = {Deeper neural networks are more difficult to train.}, keywords = {resnet}}`
const THREE = `@misc{three, title = {ResNet}, year = 2015, eprint = {1512.03385v1}, archivePrefix = {arXiv}}`
const OTHER = `@article{other, title = {Unrelated Paper}, year = 2015}`

describe('findDuplicates and mergeDuplicates', () => {
  it('groups papers sharing a DOI or arXiv id, suggests the richest, merges everything, undoes', async () => {
    // Import each record into its own library, then put them in one file.
    const papers: Paper[] = []
    for (const text of [ONE, TWO, THREE, OTHER]) {
      const own = await makeDir()
      const library = await openAt(own)
      await importVia(library, text)
      papers.push(...(await allPapers(library, 'added')))
      await library.close()
      await removeDir(own)
    }
    const [one, two, three, other] = papers as [Paper, Paper, Paper, Paper]
    const note = (id: string, paper: Paper, body: string): Note => ({
      id,
      paperId: paper.id,
      title: paper.title,
      body,
      createdAt: '2026-02-10T00:00:00.000Z',
      updatedAt: '2026-02-10T00:00:00.000Z',
    })
    await seedRecords(dir, {
      papers,
      notes: [note('n1', one, 'Note on one'), note('n3', three, 'See [[ResNet]]')],
      collections: [
        collection('c1', 'Vision', [three.id, other.id]),
        collection('c2', 'Reading group', [one.id, three.id]),
      ],
    })
    const before = await readRecords(dir)

    const library = await openAt(dir)
    const groups = await library.api.findDuplicates({})
    expect(groups).toHaveLength(1)
    expect(groups[0]?.reason).toBe('doi')
    // TWO says the most (authors, abstract, arXiv id): it is suggested to keep.
    expect(groups[0]?.papers.map((p) => p.id)).toEqual([two.id, one.id, three.id])

    const outcome = await library.api.mergeDuplicates({
      keepId: two.id,
      mergeIds: [one.id, three.id],
    })
    expect(outcome).toMatchObject({ keptId: two.id, mergedIds: [one.id, three.id] })
    expect(outcome.changedFields).toEqual(expect.arrayContaining(['links', 'tags']))

    const kept = await library.api.getPaper({ id: two.id })
    expect(kept.title).toBe('Deep Residual Learning for Image Recognition')
    expect(kept.tags).toEqual(['resnet', 'vision'])
    expect(kept.links.map((l) => l.url)).toEqual(['https://example.org/resnet'])
    expect(kept.arxivId).toBe('1512.03385')
    await expect(library.api.getPaper({ id: one.id })).rejects.toThrow(/No paper/)
    expect((await library.api.getLibraryInfo({})).paperCount).toBe(2)
    expect(await library.api.findDuplicates({})).toEqual([])

    // Both notes live on in the kept paper's note, wiki-link and all.
    const joined = await library.api.getNote({ paperId: two.id })
    expect(joined?.body).toContain('Note on one')
    expect(joined?.body).toContain('See [[ResNet]]')
    // Collections now hold the kept paper, once.
    expect(await library.api.listExportCollections({})).toEqual([
      { id: 'c2', name: 'Reading group', depth: 0, paperCount: 1 },
      { id: 'c1', name: 'Vision', depth: 0, paperCount: 2 },
    ])

    // The merge is one undo step, and undoing it restores every record exactly as it was.
    const label = 'Merge 3 copies of “Deep Residual Learning for Image Recognition”'
    expect(await library.api.getUndoState({})).toEqual({ undo: label })
    expect(await library.api.undo({})).toMatchObject({ label })
    expect((await library.api.getNote({ paperId: one.id }))?.body).toBe('Note on one')
    expect(await library.api.undo({})).toBeNull()
    await library.close()
    expect(await readRecords(dir)).toEqual(before)
  })

  it('undoing after the moved note was edited keeps the edit on the restored paper', async () => {
    const library = await openAt(dir)
    const a = (
      await importVia(library, '@article{a, title = {A Paper}, year = 2020, doi = {10.1/a}}')
    ).report
    const b = (await importVia(library, '@article{b, title = {Another Title}, year = 2021}')).report
    const [aId = '', bId = ''] = [...a.addedIds, ...b.addedIds]
    await library.api.saveNote({ paperId: bId, body: 'mine' })
    await library.api.mergeDuplicates({ keepId: aId, mergeIds: [bId] })
    expect((await library.api.getNote({ paperId: aId }))?.body).toBe('mine')
    await library.api.saveNote({ paperId: aId, body: 'mine, edited after the merge' })
    await library.api.undo({})
    expect((await library.api.getPaper({ id: bId })).title).toBe('Another Title')
    expect((await library.api.getNote({ paperId: bId }))?.body).toBe('mine, edited after the merge')
    expect(await library.api.getNote({ paperId: aId })).toBeNull()
    await library.close()
  })

  it('rejects merging a paper with itself or an unknown paper, changing nothing', async () => {
    const library = await openAt(dir)
    const { report } = await importVia(library, '@article{a, title = {A Paper}, year = 2020}')
    const id = report.addedIds[0] ?? ''
    await expect(library.api.mergeDuplicates({ keepId: id, mergeIds: [id] })).rejects.toThrow(
      'Choose at least one other paper to merge',
    )
    await expect(library.api.mergeDuplicates({ keepId: id, mergeIds: ['nope'] })).rejects.toThrow(
      'No paper with id "nope" in this library',
    )
    expect((await library.api.getLibraryInfo({})).paperCount).toBe(1)
    await library.close()
  })
})
