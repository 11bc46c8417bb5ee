// Rolling backups of the library folder, restoring one, and bringing damaged
// files back from the latest good backup. Real folders, real files.
import { mkdir, mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BACKUPS_FOLDER, listBackups } from '../../src/main/core/backups/backupFolder'
import { BackupTimer, HOUR_MS } from '../../src/main/core/backups/backupTimer'
import { RESTORE_FOLDER } from '../../src/main/core/backups/restoreBackup'
import { LibraryVersionError } from '../../src/main/core/kernel/errors'
import { Library } from '../../src/main/core/library'
import { listLibraryFiles } from '../../src/main/core/store/libraryFiles'
import { folderSnapshot, listFiles } from './support/libraryFolder'
import { syntheticListing } from '../support/syntheticListing'
import { runCoreScript } from './support/runCoreScript'
import { allPapers } from './support/libraryPapers'

let dir: string

/** A clock that ticks one minute per call: distinct, known timestamps. */
function steppingClock(start = '2026-11-26T03:10:00Z'): () => Date {
  let t = new Date(start).getTime()
  return () => new Date((t += 60_000))
}

function open(options: { automaticBackups?: boolean; now?: () => Date } = {}): Promise<Library> {
  return Library.open(dir, { now: options.now ?? steppingClock(), ...options })
}

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
  return (await listBackups(dir)).length
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-backups-'))
})

afterEach(async () => {
  vi.useRealTimers()
  await rm(dir, { recursive: true, force: true })
})

describe('making backups', () => {
  it('copies every library file into backups/<time>/, independent of the library’s own', async () => {
    const library = await open()
    await library.api.importText({ text: syntheticListing(20, 'Paper ') })
    const { backup, created } = await library.api.createBackup({})
    expect(created).toBe(true)
    expect(backup).toMatchObject({ reason: 'manual', paperCount: 20, noteCount: 0 })
    expect(backup.id).toMatch(/^2026-11-26T03-\d\d-00Z$/)

    const folder = join(dir, BACKUPS_FOLDER, backup.id)
    const files = await listLibraryFiles(dir)
    expect(files.length).toBeGreaterThan(2)
    for (const file of files) {
      const [original, copy] = [join(dir, file), join(folder, file)]
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
    for (const file of await listLibraryFiles(dir)) {
      const earlier = await stat(join(dir, BACKUPS_FOLDER, first.id, file)).catch(() => undefined)
      const later = await stat(join(dir, BACKUPS_FOLDER, second.backup.id, file))
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
    expect((await readdir(join(dir, BACKUPS_FOLDER))).sort()).toEqual(made.slice(2).sort())
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
    expect((await listBackups(dir))[0]?.reason).toBe('start')

    const { addedIds } = await library.api.importText({ text: syntheticListing(1, 'Later ') })
    vi.advanceTimersByTime(4 * HOUR_MS - 1)
    expect(await backupCount()).toBe(1)
    vi.advanceTimersByTime(1)
    await until(async () => (await backupCount()) === 2)
    expect((await listBackups(dir))[0]).toMatchObject({ reason: 'scheduled', paperCount: 4 })

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
    const partial = join(dir, BACKUPS_FOLDER, '2026-01-01T00-00-00Z.partial', 'papers')
    await mkdir(partial, { recursive: true })
    await writeFile(join(partial, '00.json'), '{"records":[')
    // A folder with a backup's name but no manifest is not a backup either.
    await mkdir(join(dir, BACKUPS_FOLDER, '2026-01-01T00-00-01Z'))
    expect((await library.api.listBackups({})).backups).toEqual([])
    await library.api.createBackup({})
    const names = await readdir(join(dir, BACKUPS_FOLDER))
    expect(names.some((name) => name.endsWith('.partial'))).toBe(false)
    expect((await library.api.listBackups({})).backups).toHaveLength(1)
    await library.close()
  })

  it('reports a failed automatic backup until one succeeds, and changes nothing', async () => {
    const library = await open()
    await library.api.importText({ text: syntheticListing(3, 'Paper ') })
    await library.close()
    // backups/ is a file: no backup can be written there.
    await writeFile(join(dir, BACKUPS_FOLDER), 'in the way')
    const before = await folderSnapshot(dir)
    const failing = await open({ automaticBackups: true })
    await until(async () => (await failing.api.getLibraryInfo({})).backupProblem !== undefined)
    expect((await failing.api.getLibraryInfo({})).backupProblem).toMatch(/^The backup failed: /)
    expect(await titles(failing)).toHaveLength(3)
    await failing.close()
    expect(await folderSnapshot(dir)).toEqual(before)

    await rm(join(dir, BACKUPS_FOLDER))
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
    expect(await readdir(dir)).not.toContain(RESTORE_FOLDER)

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
    const [shard] = (await listFiles(join(dir, BACKUPS_FOLDER, backup.id, 'papers'))).sort()
    await writeFile(shard ?? '', '{"records": [')
    await expect(library.api.restoreBackup({ id: backup.id })).rejects.toThrow(
      /is damaged.*the library was not changed/,
    )
    expect(await titles(library)).toHaveLength(7)
    expect(await readdir(dir)).not.toContain(RESTORE_FOLDER)
    await library.close()
    const reopened = await open()
    expect(await titles(reopened)).toHaveLength(7)
    await reopened.close()
  })

  it('refuses a backup made by a newer Offprint', async () => {
    const library = await open()
    await library.api.importText({ text: syntheticListing(2, 'Paper ') })
    const backup = (await library.api.createBackup({})).backup
    const manifestPath = join(dir, BACKUPS_FOLDER, backup.id, 'backup.json')
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
    const staging = join(dir, RESTORE_FOLDER)
    const files = Object.keys((await listBackups(dir))[0]?.files ?? {})
    for (const file of files) {
      await mkdir(join(staging, file, '..'), { recursive: true })
      await writeFile(
        join(staging, file),
        await readFile(join(dir, BACKUPS_FOLDER, backup.id, file)),
      )
    }
    await writeFile(join(staging, 'restore.json'), JSON.stringify({ backupId: backup.id, files }))
    const [moved] = files.filter((file) => file.startsWith('papers/'))
    await rm(join(dir, moved ?? ''))
    await writeFile(join(dir, moved ?? ''), await readFile(join(staging, moved ?? '')))
    await rm(join(staging, moved ?? ''))

    const reopened = await open()
    expect(await titles(reopened)).toHaveLength(4)
    expect((await titles(reopened)).every((title) => title.startsWith('Old '))).toBe(true)
    expect((await reopened.api.getLibraryInfo({})).problems).toEqual([])
    expect(await readdir(dir)).not.toContain(RESTORE_FOLDER)
    await reopened.close()
  })

  it('ignores a restore a crash interrupted before it was committed', async () => {
    const library = await open()
    await library.api.importText({ text: syntheticListing(3, 'Current ') })
    await library.close()
    await mkdir(join(dir, RESTORE_FOLDER, 'papers'), { recursive: true })
    await writeFile(join(dir, RESTORE_FOLDER, 'papers', '00.json'), '{"records":[]}')
    const reopened = await open()
    expect(await titles(reopened)).toHaveLength(3)
    expect(await readdir(dir)).not.toContain(RESTORE_FOLDER)
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
      const snapshot = await folderSnapshot(dir)
      return Object.fromEntries(
        Object.entries(snapshot).filter(([path]) => !path.startsWith(BACKUPS_FOLDER)),
      )
    }
    const before = await libraryFiles()

    const run = await runCoreScript('./restoreWorker.ts', [dir, backup.id], { maxFileBytes: 200 })
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
      const shards = (await listFiles(join(dir, 'papers'))).filter((path) => path.endsWith('.json'))
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
    const library = await open({ now: steppingClock() })
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
    await cp(dir, copy, { recursive: true })
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
    await writeFile(join(dir, 'library.json'), '{"schemaVersion": 2, "createdAt": ')
    const library = await open()
    const info = await library.api.getLibraryInfo({})
    expect(info.problems).toHaveLength(1)
    expect(info.problems[0]?.file).toBe(join(dir, 'library.json'))
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
    await rm(join(dir, 'journals'), { recursive: true })
    const [victim] = (await listFiles(join(dir, 'papers'))).filter((p) => p.endsWith('.json'))
    await writeFile(victim ?? '', '')
    const reopened = await open()
    const [problem] = (await reopened.api.getLibraryInfo({})).problems
    expect(problem?.restoredFrom).toBeUndefined()
    expect((await reopened.api.getLibraryInfo({})).paperCount).toBeLessThan(60)
    await reopened.close()
  })

  it('quarantines invalid records one by one and brings each back from the backup', async () => {
    const { backupId } = await backedUpLibrary()
    const [shard] = (await listFiles(join(dir, 'papers'))).filter((p) => p.endsWith('.json'))
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
    await writeFile(join(dir, 'library.json'), newer)
    const before = await folderSnapshot(dir)
    await expect(open({ automaticBackups: true })).rejects.toBeInstanceOf(LibraryVersionError)
    expect(await folderSnapshot(dir)).toEqual(before)
  })
})

describe('BackupTimer', () => {
  it('fires every interval, and re-arming restarts the countdown', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let fired = 0
    const timer = new BackupTimer(() => fired++)
    timer.arm(2)
    vi.advanceTimersByTime(2 * HOUR_MS - 1)
    expect(fired).toBe(0)
    vi.advanceTimersByTime(1)
    expect(fired).toBe(1)
    vi.advanceTimersByTime(2 * HOUR_MS)
    expect(fired).toBe(2)
    vi.advanceTimersByTime(HOUR_MS)
    timer.arm(3) // an hour into the countdown: the new interval starts now
    vi.advanceTimersByTime(2 * HOUR_MS)
    expect(fired).toBe(2)
    vi.advanceTimersByTime(HOUR_MS)
    expect(fired).toBe(3)
    timer.stop()
    vi.advanceTimersByTime(10 * HOUR_MS)
    expect(fired).toBe(3)
  })
})
