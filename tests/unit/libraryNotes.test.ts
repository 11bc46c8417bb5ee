// Notes (saved durably, in order, up to 5 MB), refused writes on a full disk,
// and change events. Importing, files on disk and listing: library.test.ts.
import { rm } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { StorageError } from '../../src/main/core/kernel/errors'
import { Library } from '../../src/main/core/library'
import { copyAsIfCrashed, folderSnapshot as snapshot, listFiles } from './support/libraryFolder'
import { DAILY_PAPERS, libraryFolderPerTest, SMALL_LISTING } from './support/libraryPerTest'
import { allPapers } from './support/libraryPapers'
import { runCoreScript } from './support/runCoreScript'

const testFolder = libraryFolderPerTest()
const { openLibrary } = testFolder

/** What a process killed right now would find on reopening: the note bodies by paper id. */
async function notesSurvivingACrash(): Promise<Map<string, string>> {
  const copy = await copyAsIfCrashed(testFolder.dir)
  const survivor = await Library.open(copy)
  const bodies = new Map<string, string>()
  for (const paper of await allPapers(survivor)) {
    const note = await survivor.api.getNote({ paperId: paper.id })
    if (note !== null) bodies.set(paper.id, note.body)
  }
  await survivor.close()
  await rm(copy, { recursive: true, force: true })
  return bodies
}

describe('Library: notes', () => {
  it('creates, then updates, the note of a paper, durably before resolving', async () => {
    const library = await openLibrary()
    const { addedIds } = await library.api.importText({ text: SMALL_LISTING })
    const paperId = addedIds[0] ?? ''
    expect(await library.api.getNote({ paperId })).toBeNull()

    const created = await library.api.saveNote({ paperId, body: 'first' })
    expect(created).toMatchObject({ paperId, title: 'Zeta: A Paper About Things', body: 'first' })
    expect(await notesSurvivingACrash()).toEqual(new Map([[paperId, 'first']]))

    const updated = await library.api.saveNote({ paperId, body: 'second' })
    expect(updated.id).toBe(created.id)
    expect(updated.createdAt).toBe(created.createdAt)
    expect(updated.updatedAt > created.updatedAt).toBe(true)
    expect(await library.api.getNote({ paperId })).toEqual(updated)
    expect(await notesSurvivingACrash()).toEqual(new Map([[paperId, 'second']]))
    await library.close()
  })

  it('serializes concurrent saves: every save lands and the last one wins', async () => {
    const library = await openLibrary()
    const { addedIds } = await library.api.importText({ text: DAILY_PAPERS })
    const saves = addedIds.flatMap((paperId, i) => [
      library.api.saveNote({ paperId, body: `draft ${i}` }),
      library.api.saveNote({ paperId, body: `final ${i}` }),
    ])
    await Promise.all(saves)
    const onDisk = await notesSurvivingACrash()
    expect(onDisk.size).toBe(53)
    for (const [i, paperId] of addedIds.entries()) expect(onDisk.get(paperId)).toBe(`final ${i}`)
    await library.flush()
    expect((await listFiles(testFolder.dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
    await library.close()
  })

  it('accepts a 5 MB note', async () => {
    const library = await openLibrary()
    const { addedIds } = await library.api.importText({ text: SMALL_LISTING })
    const body = 'Lorem ipsum dolor sit amet. '.repeat(190_000)
    await library.api.saveNote({ paperId: addedIds[0] ?? '', body })
    await library.close()
    const reopened = await openLibrary()
    expect((await reopened.api.getNote({ paperId: addedIds[0] ?? '' }))?.body).toBe(body)
    await reopened.close()
  })

  it('close() waits for a pending save, and later saves are refused', async () => {
    const library = await openLibrary()
    const { addedIds } = await library.api.importText({ text: SMALL_LISTING })
    const paperId = addedIds[0] ?? ''
    const pending = library.api.saveNote({ paperId, body: 'in flight' })
    await library.close()
    await expect(pending).resolves.toMatchObject({ body: 'in flight' })
    expect(await notesSurvivingACrash()).toEqual(new Map([[paperId, 'in flight']]))
    await expect(library.api.saveNote({ paperId, body: 'late' })).rejects.toBeInstanceOf(
      StorageError,
    )
  })
})

describe('Library: failed writes and change events', () => {
  it('refuses changes on a full disk, keeps memory equal to disk, and damages nothing', async () => {
    const library = await openLibrary()
    const report = await library.api.importText({ text: SMALL_LISTING })
    const paperId = report.addedIds[0] ?? ''
    await library.api.saveNote({ paperId, body: 'saved' })
    await library.close()
    const before = await snapshot(testFolder.dir)

    // In a child process whose writes fail past 64 bytes, as on a full disk.
    const run = await runCoreScript(
      './diskFullWorker.ts',
      [testFolder.dir, paperId, DAILY_PAPERS],
      {
        maxFileBytes: 64,
      },
    )
    expect(run.stderr).toBe('')
    const seen = JSON.parse(run.stdout) as Record<string, unknown>
    expect(seen['saveNote']).toMatch(/^StorageError: Could not save/)
    expect(seen['importText']).toMatch(/^StorageError: Could not save/)
    expect(seen['note']).toBe('saved')
    expect(seen['paperCount']).toBe(2)

    // Nothing on disk changed, and the library opens as it was.
    const after = await snapshot(testFolder.dir)
    expect(Object.keys(after)).toEqual(Object.keys(before))
    for (const [name, file] of Object.entries(before)) expect(after[name]?.bytes).toBe(file.bytes)
    const reopened = await openLibrary()
    expect((await reopened.api.getNote({ paperId }))?.body).toBe('saved')
    expect((await reopened.api.importText({ text: DAILY_PAPERS })).added).toBe(53)
    await reopened.close()
  })

  it('notifies listeners after each change, and only then', async () => {
    const library = await openLibrary()
    let changes = 0
    const unsubscribe = library.onChange(() => changes++)
    const { addedIds } = await library.api.importText({ text: SMALL_LISTING })
    expect(changes).toBe(1)
    await library.api.importText({ text: SMALL_LISTING }) // nothing new
    await library.api.importText({ text: 'not a listing' }).catch(() => undefined)
    expect(changes).toBe(1)
    await library.api.saveNote({ paperId: addedIds[0] ?? '', body: 'x' })
    await library.api.saveNote({ paperId: addedIds[0] ?? '', body: 'x' }) // unchanged
    expect(changes).toBe(2)
    unsubscribe()
    await library.api.saveNote({ paperId: addedIds[0] ?? '', body: 'y' })
    expect(changes).toBe(2)
    await library.close()
  })
})
