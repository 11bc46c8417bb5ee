// Making rolling backups of the library folder, and restoring one. Damaged
// files brought back from a backup: damagedLibraryFiles.test.ts; the timer:
// backupTimer.test.ts. Real folders, real files.
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { BACKUPS_FOLDER, listBackups } from '../../src/main/core/backups/backupFolder'
import { HOUR_MS } from '../../src/main/core/backups/backupTimer'
import { RESTORE_FOLDER } from '../../src/main/core/backups/restoreBackup'
import type { Library } from '../../src/main/core/library'
import { listLibraryFiles } from '../../src/main/core/store/libraryFiles'
import { syntheticListing } from '../support/syntheticListing'
import { backupsFolderPerTest } from './support/backupsPerTest'
import { folderSnapshot, listFiles } from './support/libraryFolder'
import { allPapers } from './support/libraryPapers'
import { runCoreScript } from './support/runCoreScript'

const testFolder = backupsFolderPerTest()
const open = testFolder.openLibrary

async function titles(library: Library): Promise<string[]> {
  return (await allPapers(library, 'title')).map((paper) => paper.title)
}

/** Resolves once `condition` holds, letting pending I/O run in between (timers may be fake). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (await condition()) return
    await new Promise((resolve) => setImmediate(resolve))
  }
  throw new Error('condition never held')
}

async function backupCount(): Promise<number> {
  return (await listBackups(testFolder.dir)).length
}

describe('making backups', () => {
  it('copies every library file into backups/<time>/, independent of the library’s own', async () => {
    const library = await open()
    await library.api.importText({ text: syntheticListing(20, 'Paper ') })
    const { backup, created } = await library.api.createBackup({})
    expect(created).toBe(true)
    expect(backup).toMatchObject({ reason: 'manual', paperCount: 20, noteCount: 0 })
    expect(backup.id).toMatch(/^2026-11-26T03-\d\d-00Z$/)

    const folder = join(testFolder.dir, BACKUPS_FOLDER, backup.id)
    const files = await listLibraryFiles(testFolder.dir)
    expect(files.length).toBeGreaterThan(2)
    for (const file of files) {
      const [original, copy] = [join(testFolder.dir, file), join(folder, file)]
      expect(await readFile(copy)).toEqual(await readFile(original))
      // A copy, not a second name for the same bytes: damage to one is not damage to both.
      expect((await stat(copy)).ino).not.toBe((await stat(original)).ino)
    }
    expect((await library.api.listBackups({})).backups).toEqual([backup])
    await library.close()
  })

  it('makes no new backup when nothing changed, and links unchanged files to the last one', async () => {
    const library = await open()
    const { addedIds } = await library.api.importText({ text: syntheticListing(40, 'Paper ') })
    const first = (await library.api.createBackup({})).backup
    expect(await library.api.createBackup({})).toEqual({ backup: first, created: false })

    await library.api.saveNote({ paperId: addedIds[0] ?? '', body: 'one note' })
    const second = await library.api.createBackup({})
    expect(second.created).toBe(true)
    expect(second.backup.noteCount).toBe(1)

    // Only the files the note touched were copied again; the rest share the first backup's copy.
    let shared = 0
    let copied = 0
    for (const file of await listLibraryFiles(testFolder.dir)) {
      const earlier = await stat(join(testFolder.dir, BACKUPS_FOLDER, first.id, file)).catch(
        () => undefined,
      )
      const later = await stat(join(testFolder.dir, BACKUPS_FOLDER, second.backup.id, file))
      if (earlier?.ino === later.ino) shared++
      else copied++
    }
    // notes/xx.json, and library.json (it names the library's new revision);
    // the paper shards are unchanged.
    expect(copied).toBe(2)
    expect(shared).toBeGreaterThan(10)
    await library.close()
  })

  it('keeps the last backupsKept backups and deletes older ones', async () => {
    const library = await open()
    await library.api.updateSettings({ patch: { backupsKept: 3 } })
    const made: string[] = []
    for (let round = 1; round <= 5; round++) {
      await library.api.importText({ text: syntheticListing(2, `Round ${round} `) })
      made.push((await library.api.createBackup({})).backup.id)
    }
    const kept = (await library.api.listBackups({})).backups
    expect(kept.map((backup) => backup.id)).toEqual(made.slice(2).reverse())
    expect(kept.map((backup) => backup.paperCount)).toEqual([10, 8, 6])
    expect((await readdir(join(testFolder.dir, BACKUPS_FOLDER))).sort()).toEqual(
      made.slice(2).sort(),
    )
    await library.close()
  })

  it('keeps the newest of backups made within one millisecond, however many', async () => {
    const frozen = new Date('2026-11-26T03:10:00Z')
    const library = await open({ automaticBackups: false, now: () => frozen })
    await library.api.updateSettings({ patch: { backupsKept: 3 } })
    const made: string[] = []
    for (let round = 1; round <= 12; round++) {
      await library.api.importText({ text: syntheticListing(1, `Instant ${round} `) })
      made.push((await library.api.createBackup({})).backup.id)
    }
    // …Z, …Z-2 … …Z-12: the last three, newest first (not "-9" above "-12").
    expect(made.at(-1)).toBe('2026-11-26T03-10-00Z-12')
    expect((await library.api.listBackups({})).backups.map((backup) => backup.id)).toEqual(
      made.slice(-3).reverse(),
    )
    await library.close()
  })

  it('backs up on open and after every backupIntervalHours of use', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const seed = await open()
    await seed.api.importText({ text: syntheticListing(3, 'Paper ') })
    await seed.close()

    const library = await open({ automaticBackups: true })
    await until(async () => (await backupCount()) === 1)
    expect((await listBackups(testFolder.dir))[0]?.reason).toBe('start')

    const { addedIds } = await library.api.importText({ text: syntheticListing(1, 'Later ') })
    vi.advanceTimersByTime(4 * HOUR_MS - 1)
    expect(await backupCount()).toBe(1)
    vi.advanceTimersByTime(1)
    await until(async () => (await backupCount()) === 2)
    expect((await listBackups(testFolder.dir))[0]).toMatchObject({
      reason: 'scheduled',
      paperCount: 4,
    })

    // A shorter interval applies from the moment it is set.
    await library.api.updateSettings({ patch: { backupIntervalHours: 1 } })
    await library.api.saveNote({ paperId: addedIds[0] ?? '', body: 'x' })
    vi.advanceTimersByTime(HOUR_MS)
    await until(async () => (await backupCount()) === 3)
    // Nothing changed since: an hour later there is still nothing new to keep.
    vi.advanceTimersByTime(HOUR_MS)
    await library.close() // waits for that backup to finish
    expect(await backupCount()).toBe(3)
  })

  it('a backup interrupted by a crash is never listed, and the next one removes it', async () => {
    const library = await open()
    await library.api.importText({ text: syntheticListing(3, 'Paper ') })
    const partial = join(testFolder.dir, BACKUPS_FOLDER, '2026-01-01T00-00-00Z.partial', 'papers')
    await mkdir(partial, { recursive: true })
    await writeFile(join(partial, '00.json'), '{"records":[')
    // A folder with a backup's name but no manifest is not a backup either.
    await mkdir(join(testFolder.dir, BACKUPS_FOLDER, '2026-01-01T00-00-01Z'))
    expect((await library.api.listBackups({})).backups).toEqual([])
    await library.api.createBackup({})
    const names = await readdir(join(testFolder.dir, BACKUPS_FOLDER))
    expect(names.some((name) => name.endsWith('.partial'))).toBe(false)
    expect((await library.api.listBackups({})).backups).toHaveLength(1)
    await library.close()
  })

  it('reports a failed automatic backup until one succeeds, and changes nothing', async () => {
    const library = await open()
    await library.api.importText({ text: syntheticListing(3, 'Paper ') })
    await library.close()
    // backups/ is a file: no backup can be written there.
    await writeFile(join(testFolder.dir, BACKUPS_FOLDER), 'in the way')
    const before = await folderSnapshot(testFolder.dir)
    const failing = await open({ automaticBackups: true })
    await until(async () => (await failing.api.getLibraryInfo({})).backupProblem !== undefined)
    expect((await failing.api.getLibraryInfo({})).backupProblem).toMatch(/^The backup failed: /)
    expect(await titles(failing)).toHaveLength(3)
    await failing.close()
    expect(await folderSnapshot(testFolder.dir)).toEqual(before)

    await rm(join(testFolder.dir, BACKUPS_FOLDER))
    const working = await open({ automaticBackups: true })
    await until(async () => (await backupCount()) === 1)
    expect((await working.api.getLibraryInfo({})).backupProblem).toBeUndefined()
    await working.close()
  })
})

describe('restoring a backup', () => {
  it('brings the library back to the backup, and keeps the state before it as a backup', async () => {
    const library = await open()
    const { addedIds } = await library.api.importText({ text: syntheticListing(5, 'Kept ') })
    await library.api.saveNote({ paperId: addedIds[0] ?? '', body: 'the old note' })
    const old = (await library.api.createBackup({})).backup
    await library.api.importText({ text: syntheticListing(30, 'Added after ') })
    await library.api.saveNote({ paperId: addedIds[0] ?? '', body: 'the new note' })
    let changes = 0
    library.onChange(() => changes++)

    const report = await library.api.restoreBackup({ id: old.id })
    expect(report.restored).toEqual(old)
    expect(report.previous).toMatchObject({ reason: 'before-restore', paperCount: 35 })
    expect(changes).toBeGreaterThan(0)
    expect(await titles(library)).toHaveLength(5)
    expect((await titles(library)).every((title) => title.startsWith('Kept '))).toBe(true)
    expect((await library.api.getNote({ paperId: addedIds[0] ?? '' }))?.body).toBe('the old note')
    expect((await library.api.getLibraryInfo({})).problems).toEqual([])
    expect(await readdir(testFolder.dir)).not.toContain(RESTORE_FOLDER)

    // It survives a reopen, and the restore itself can be undone.
    await library.close()
    const reopened = await open()
    expect(await titles(reopened)).toHaveLength(5)
    await reopened.api.restoreBackup({ id: report.previous.id })
    expect(await titles(reopened)).toHaveLength(35)
    expect((await reopened.api.getNote({ paperId: addedIds[0] ?? '' }))?.body).toBe('the new note')
    await reopened.close()
  })

  it('refuses an unknown backup id and a damaged backup, changing nothing', async () => {
    const library = await open()
    await library.api.importText({ text: syntheticListing(5, 'Paper ') })
    const backup = (await library.api.createBackup({})).backup
    await library.api.importText({ text: syntheticListing(2, 'Newer ') })
    await expect(library.api.restoreBackup({ id: '2020-01-01T00-00-00Z' })).rejects.toThrow(
      /No backup "2020-01-01T00-00-00Z"/,
    )
    const [shard] = (
      await listFiles(join(testFolder.dir, BACKUPS_FOLDER, backup.id, 'papers'))
    ).sort()
    await writeFile(shard ?? '', '{"records": [')
    await expect(library.api.restoreBackup({ id: backup.id })).rejects.toThrow(
      /is damaged.*the library was not changed/,
    )
    expect(await titles(library)).toHaveLength(7)
    expect(await readdir(testFolder.dir)).not.toContain(RESTORE_FOLDER)
    await library.close()
    const reopened = await open()
    expect(await titles(reopened)).toHaveLength(7)
    await reopened.close()
  })

  it('refuses a backup made by a newer Offprint', async () => {
    const library = await open()
    await library.api.importText({ text: syntheticListing(2, 'Paper ') })
    const backup = (await library.api.createBackup({})).backup
    const manifestPath = join(testFolder.dir, BACKUPS_FOLDER, backup.id, 'backup.json')
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>
    await writeFile(manifestPath, JSON.stringify({ ...manifest, schemaVersion: 3 }))
    await expect(library.api.restoreBackup({ id: backup.id })).rejects.toThrow(
      /made by a newer Offprint \(schema version 3\)/,
    )
    expect(await titles(library)).toHaveLength(2)
    await library.close()
  })

  it('finishes a restore a crash interrupted after it was committed', async () => {
    const library = await open()
    await library.api.importText({ text: syntheticListing(4, 'Old ') })
    const backup = (await library.api.createBackup({})).backup
    await library.api.importText({ text: syntheticListing(4, 'New ') })
    await library.close()
    // What a crash half-way through renaming the staged files leaves behind.
    const staging = join(testFolder.dir, RESTORE_FOLDER)
    const files = Object.keys((await listBackups(testFolder.dir))[0]?.files ?? {})
    for (const file of files) {
      await mkdir(join(staging, file, '..'), { recursive: true })
      await writeFile(
        join(staging, file),
        await readFile(join(testFolder.dir, BACKUPS_FOLDER, backup.id, file)),
      )
    }
    await writeFile(join(staging, 'restore.json'), JSON.stringify({ backupId: backup.id, files }))
    const [moved] = files.filter((file) => file.startsWith('papers/'))
    await rm(join(testFolder.dir, moved ?? ''))
    await writeFile(join(testFolder.dir, moved ?? ''), await readFile(join(staging, moved ?? '')))
    await rm(join(staging, moved ?? ''))

    const reopened = await open()
    expect(await titles(reopened)).toHaveLength(4)
    expect((await titles(reopened)).every((title) => title.startsWith('Old '))).toBe(true)
    expect((await reopened.api.getLibraryInfo({})).problems).toEqual([])
    expect(await readdir(testFolder.dir)).not.toContain(RESTORE_FOLDER)
    await reopened.close()
  })

  it('ignores a restore a crash interrupted before it was committed', async () => {
    const library = await open()
    await library.api.importText({ text: syntheticListing(3, 'Current ') })
    await library.close()
    await mkdir(join(testFolder.dir, RESTORE_FOLDER, 'papers'), { recursive: true })
    await writeFile(join(testFolder.dir, RESTORE_FOLDER, 'papers', '00.json'), '{"records":[]}')
    const reopened = await open()
    expect(await titles(reopened)).toHaveLength(3)
    expect(await readdir(testFolder.dir)).not.toContain(RESTORE_FOLDER)
    await reopened.close()
  })

  it('on a full disk, refuses the restore and leaves the library exactly as it was', async () => {
    const library = await open()
    await library.api.importText({ text: syntheticListing(60, 'Paper ') })
    const backup = (await library.api.createBackup({})).backup
    await library.api.importText({ text: syntheticListing(3, 'Later ') })
    await library.api.createBackup({})
    await library.close()
    const libraryFiles = async () => {
      const snapshot = await folderSnapshot(testFolder.dir)
      return Object.fromEntries(
        Object.entries(snapshot).filter(([path]) => !path.startsWith(BACKUPS_FOLDER)),
      )
    }
    const before = await libraryFiles()

    const run = await runCoreScript('./restoreWorker.ts', [testFolder.dir, backup.id], {
      maxFileBytes: 200,
    })
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/^StorageError: Could not restore the backup of .*not changed/)
    const after = await libraryFiles()
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort())
    for (const [path, file] of Object.entries(before)) expect(after[path]?.bytes).toBe(file.bytes)
    const reopened = await open()
    expect(await titles(reopened)).toHaveLength(63)
    await reopened.close()
  }, 30_000)
})
