// Damaged library files: each moved aside and its records brought back from
// the latest good backup, changes since replayed over it. Real folders, real files.
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LibraryVersionError } from '../../src/main/core/kernel/errors'
import { Library } from '../../src/main/core/library'
import { syntheticListing } from '../support/syntheticListing'
import { backupsFolderPerTest, minuteClock } from './support/backupsPerTest'
import { folderSnapshot, listFiles } from './support/libraryFolder'

const testFolder = backupsFolderPerTest()
const open = testFolder.openLibrary

describe('damaged library files', () => {
  /** A library of 60 papers and a note, backed up, then changed a little more. */
  async function backedUpLibrary(): Promise<{ paperId: string; backupId: string }> {
    const library = await open()
    const { addedIds } = await library.api.importText({ text: syntheticListing(60, 'Paper ') })
    const paperId = addedIds[0] ?? ''
    await library.api.saveNote({ paperId, body: 'backed up' })
    await library.api.updateSettings({ patch: { backupsKept: 7 } })
    const backupId = (await library.api.createBackup({})).backup.id
    await library.close()
    return { paperId, backupId }
  }

  const damages: { name: string; damage: (path: string) => Promise<void> }[] = [
    { name: 'truncated', damage: async (path) => truncate(path, 20) },
    { name: 'empty', damage: async (path) => writeFile(path, '') },
    { name: 'not JSON', damage: async (path) => writeFile(path, 'PK\u0003\u0004 a zip?') },
    { name: 'not UTF-8', damage: async (path) => writeFile(path, Buffer.from([0xff, 0xfe, 0x7b])) },
    { name: 'of the wrong shape', damage: async (path) => writeFile(path, '{"rows": []}') },
  ]

  it.each(damages)(
    'moves a $name shard aside and brings its records back from the latest good backup',
    async ({ damage }) => {
      const { backupId } = await backedUpLibrary()
      const shards = (await listFiles(join(testFolder.dir, 'papers'))).filter((path) =>
        path.endsWith('.json'),
      )
      const victim = shards[0] ?? ''
      const original = await readFile(victim)
      await damage(victim)
      const damaged = await readFile(victim)

      const library = await open({ now: () => new Date('2026-12-01T09:30:00.000Z') })
      const info = await library.api.getLibraryInfo({})
      expect(info.paperCount).toBe(60)
      expect(info.problems).toEqual([
        {
          kind: 'unreadable-file',
          file: victim,
          movedTo: `${victim}.unreadable-2026-12-01T09-30-00Z`,
          reason: expect.any(String) as string,
          restoredFrom: expect.objectContaining({ id: backupId, paperCount: 60 }) as object,
        },
      ])
      // The damaged bytes are kept, untouched; the shard is whole again.
      expect(await readFile(info.problems[0]?.movedTo ?? '')).toEqual(damaged)
      expect(await readFile(victim)).toEqual(original)
      await library.close()
      const clean = await open()
      expect((await clean.api.getLibraryInfo({})).problems).toEqual([])
      await clean.close()
    },
  )

  it('replays changes made after the backup over the restored shard', async () => {
    const library = await open({ now: minuteClock() })
    const { addedIds } = await library.api.importText({ text: syntheticListing(1, 'Paper ') })
    const paperId = addedIds[0] ?? ''
    await library.api.saveNote({ paperId, body: 'v1' })
    await library.api.createBackup({})
    await library.api.saveNote({ paperId, body: 'v2 (after the backup, checkpointed)' })
    await library.flush()
    await library.api.saveNote({ paperId, body: 'v3 (only in the journal)' })
    // A crash now, then the notes shard is found damaged.
    const copy = await mkdtemp(join(tmpdir(), 'offprint-crashed-'))
    const { cp } = await import('node:fs/promises')
    await cp(testFolder.dir, copy, { recursive: true })
    await library.close()
    const [notesShard] = await listFiles(join(copy, 'notes'))
    await writeFile(notesShard ?? '', '{"records": [{"id": "x", "bo')

    const reopened = await Library.open(copy)
    expect((await reopened.api.getNote({ paperId }))?.body).toBe('v3 (only in the journal)')
    const [problem] = (await reopened.api.getLibraryInfo({})).problems
    expect(problem?.restoredFrom).toBeDefined()
    await reopened.close()
    await rm(copy, { recursive: true, force: true })
  })

  it('brings back library.json (settings included) from the latest good backup', async () => {
    await backedUpLibrary()
    await writeFile(join(testFolder.dir, 'library.json'), '{"schemaVersion": 2, "createdAt": ')
    const library = await open()
    const info = await library.api.getLibraryInfo({})
    expect(info.problems).toHaveLength(1)
    expect(info.problems[0]?.file).toBe(join(testFolder.dir, 'library.json'))
    expect(info.problems[0]?.restoredFrom).toBeDefined()
    expect((await library.api.getSettings({})).backupsKept).toBe(7)
    expect(info.paperCount).toBe(60)
    await library.close()
  })

  it('opens with the rest when no backup has a good copy, and says so', async () => {
    const library = await open()
    await library.api.importText({ text: syntheticListing(60, 'Paper ') })
    await library.close()
    // Past JOURNAL_KEEP_BYTES the journal no longer holds the import either.
    await rm(join(testFolder.dir, 'journals'), { recursive: true })
    const [victim] = (await listFiles(join(testFolder.dir, 'papers'))).filter((p) =>
      p.endsWith('.json'),
    )
    await writeFile(victim ?? '', '')
    const reopened = await open()
    const [problem] = (await reopened.api.getLibraryInfo({})).problems
    expect(problem?.restoredFrom).toBeUndefined()
    expect((await reopened.api.getLibraryInfo({})).paperCount).toBeLessThan(60)
    await reopened.close()
  })

  it('quarantines invalid records one by one and brings each back from the backup', async () => {
    const { backupId } = await backedUpLibrary()
    const [shard] = (await listFiles(join(testFolder.dir, 'papers'))).filter((p) =>
      p.endsWith('.json'),
    )
    const content = JSON.parse(await readFile(shard ?? '', 'utf8')) as {
      records: Record<string, unknown>[]
    }
    const [first, ...rest] = content.records
    const broken = { ...first, title: 42 }
    const stranger = { id: 'never-backed-up', title: null }
    await writeFile(shard ?? '', JSON.stringify({ records: [broken, ...rest, stranger, 7] }))

    const library = await open()
    const info = await library.api.getLibraryInfo({})
    expect(info.paperCount).toBe(60)
    expect((await library.api.getPaper({ id: String(first?.['id']) })).title).toBe(first?.['title'])
    expect(info.problems).toEqual([
      expect.objectContaining({
        file: shard,
        reason: '3 unusable records set aside, 1 of them restored from a backup',
        restoredFrom: expect.objectContaining({ id: backupId }) as object,
      }),
    ])
    const quarantined = JSON.parse(await readFile(info.problems[0]?.movedTo ?? '', 'utf8'))
    expect(quarantined).toEqual({ records: [broken, stranger, 7] })
    await library.close()
  })

  it('never touches a library.json of a newer schema, nor its backups', async () => {
    await backedUpLibrary()
    const newer = '{"schemaVersion": 99, "createdAt": "2030-01-01T00:00:00Z", "settings": {}}'
    await writeFile(join(testFolder.dir, 'library.json'), newer)
    const before = await folderSnapshot(testFolder.dir)
    await expect(open({ automaticBackups: true })).rejects.toBeInstanceOf(LibraryVersionError)
    expect(await folderSnapshot(testFolder.dir)).toEqual(before)
  })
})
