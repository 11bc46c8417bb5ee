// The library as services: every API method has exactly one service behind
// it, the window hears what each change touched (so it refetches only that),
// and the note each paper shows stays right across saves, trash and undo
// without rebuilding its index on every keystroke.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiMethods } from '../../src/shared/api'
import type { LibraryChange } from '../../src/shared/model'
import { Library } from '../../src/main/core/library'
import { MAX_CHANGED_IDS, changeOf } from '../../src/main/core/kernel/changeTopics'
import { handlerTable } from '../../src/main/core/kernel/service'

const SAMPLE = resolve(__dirname, '../../resources/sample-daily-papers.txt')

let dir: string
let library: Library
let heard: LibraryChange[]
let ids: string[]

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-services-'))
  library = await Library.open(dir, { samplePath: SAMPLE })
  await library.api.importSample({})
  ids = await library.api.listPaperIds({})
  heard = []
  library.onChange((change) => heard.push(change))
})

afterEach(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

describe('the API', () => {
  it('answers every method of the contract, and nothing else', () => {
    expect(Object.keys(library.api).sort()).toEqual([...apiMethods].sort())
  })

  it('refuses two services that answer the same method', () => {
    const answer = { getSettings: () => Promise.reject(new Error('unused')) }
    expect(() => handlerTable([{ handlers: answer }, { handlers: answer }])).toThrow(
      'Two services answer the API method getSettings',
    )
  })
})

describe('what the window hears after a change', () => {
  it('starring a paper: that paper changed, and the undo history', async () => {
    const [paper = ''] = ids
    await library.api.setStarred({ paperIds: [paper], starred: true })
    expect(heard).toEqual([{ topics: ['history', 'papers'], paperIds: [paper], noteIds: [] }])
  })

  it("saving a paper's note: that note, and its paper (whose row shows it has a note)", async () => {
    const [paper = ''] = ids
    const note = await library.api.saveNote({ paperId: paper, body: 'Read §3 again.' })
    expect(heard).toEqual([{ topics: ['notes'], paperIds: [paper], noteIds: [note.id] }])
  })

  it('creating a collection: the collections and the undo history, no paper', async () => {
    await library.api.createCollection({ name: 'Agents' })
    expect(heard).toEqual([{ topics: ['history', 'collections'], paperIds: [], noteIds: [] }])
  })

  it('an import: the papers it added, and the lookup queue', async () => {
    const report = await library.api.importText({
      text: '@article{k, title={A Paper Nobody Has Yet}, year={2026}}',
      fileName: 'one.bib',
    })
    expect(heard).toEqual([
      { topics: ['lookup-queue', 'papers'], paperIds: report.addedIds, noteIds: [] },
    ])
  })

  it('a restore: everything, with no ids (anything may have changed)', async () => {
    const { backup } = await library.api.createBackup({})
    await library.api.restoreBackup({ id: backup.id })
    expect(heard.at(-1)).toEqual({
      topics: [
        'papers',
        'notes',
        'collections',
        'relations',
        'history',
        'lookup-queue',
        'library',
        'attachments',
        'highlights',
      ],
    })
  })

  it('moving 53 papers to the trash lists them all', async () => {
    await library.api.moveToTrash({ paperIds: ids })
    expect(heard).toHaveLength(1)
    expect(new Set(heard[0]?.paperIds)).toEqual(new Set(ids))
  })

  it('a change of more than a thousand papers says "any paper" instead of listing them', () => {
    const many = Array.from({ length: MAX_CHANGED_IDS + 1 }, (_, i) => `p${i}`)
    expect(changeOf({ papers: { remove: many } }, { notes: new Map() })).toEqual({
      topics: ['papers'],
      noteIds: [],
    })
  })
})

describe('the note a paper shows, kept level without rebuilding', () => {
  it('matches what a fresh open of the same folder shows, after saves, the trash and an undo', async () => {
    const [a = '', b = '', c = ''] = ids
    await library.api.saveNote({ paperId: a, body: 'first' })
    await library.api.saveNote({ paperId: b, body: 'second' })
    await library.api.saveNote({ paperId: a, body: 'first, edited' })
    await library.api.moveToTrash({ paperIds: [b] })
    // A paper in the trash shows the note trashed with it.
    expect((await library.api.getNote({ paperId: b }))?.body).toBe('second')
    await library.api.saveNote({ paperId: c, body: 'third' })
    await library.api.undo({}) // the trashing: b and its note come back
    await library.api.saveNote({ paperId: b, body: 'second, after the trash' })
    await library.api.saveNote({ paperId: c, body: '' })
    const shown = async (lib: Library) =>
      Promise.all(
        [a, b, c].map(async (paperId) => (await lib.api.getNote({ paperId }))?.body ?? null),
      )
    const live = await shown(library)
    expect(live).toEqual(['first, edited', 'second, after the trash', ''])
    await library.close()
    library = await Library.open(dir, { samplePath: SAMPLE })
    expect(await shown(library)).toEqual(live)
  })
})
