// One library folder on two machines (a laptop and a desktop, each with its
// own copy of the folder, synced by copying files as a sync tool does): what
// each machine sees after the other's edits arrive, as files or as conflict
// copies, and what is listed for the user.
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import { journalFileOf } from '../../src/main/core/store/libraryStore'
import { lockFileOf } from '../../src/main/core/store/libraryLock'
import { syntheticListing } from '../support/syntheticListing'
import { makeDir, removeDir } from './libraryFixture'

let dir: string
let laptopDir: string
let desktopDir: string
beforeEach(async () => {
  dir = await makeDir()
  laptopDir = join(dir, 'laptop')
  desktopDir = join(dir, 'desktop')
})
afterEach(async () => {
  await removeDir(dir)
})

const openAs = (device: 'laptop' | 'desktop'): Promise<Library> =>
  Library.open(device === 'laptop' ? laptopDir : desktopDir, { device, checkpointDelayMs: 0 })

/** Copies every file of one folder over the other's: what a sync tool does when only one side changed. */
async function syncWhole(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true, force: true, filter: (path) => !path.endsWith('.lock') })
}

/** Library files under `folder` relative to it, as a sorted list. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort()
}

/** Two machines that have both opened the same library of 3 papers and a note. */
async function twoMachines(): Promise<{ paperIds: string[]; noteId: string }> {
  const laptop = await openAs('laptop')
  const { addedIds } = await laptop.api.importText({ text: syntheticListing(3) })
  const note = await laptop.api.createNote({
    title: 'Reading plan',
    body: 'First: the survey.\n\nSecond: the benchmark.\n\nThird: the code.',
  })
  await laptop.close()
  await syncWhole(laptopDir, desktopDir)
  const desktop = await openAs('desktop')
  await desktop.close()
  await syncWhole(desktopDir, laptopDir)
  return { paperIds: addedIds, noteId: note.id }
}

describe('a library edited on two machines between syncs', () => {
  it('keeps a star set on the laptop and a tag added on the desktop on the same paper', async () => {
    const { paperIds } = await twoMachines()
    const id = paperIds[0] ?? ''
    const laptop = await openAs('laptop')
    await laptop.api.setStarred({ paperIds: [id], starred: true })
    await laptop.close()
    const desktop = await openAs('desktop')
    await desktop.api.tagPapers({ paperIds: [id], add: ['to-read'] })
    await desktop.close()

    // Syncthing: the laptop's shard arrives on the desktop as a conflict copy;
    // the journals arrive as they are (each device writes only its own).
    const shard = (await filesUnder(join(laptopDir, 'papers'))).find((name) =>
      name.endsWith('.json'),
    )
    for (const name of await filesUnder(join(laptopDir, 'papers'))) {
      const copy = name.replace('.json', '.sync-conflict-20261206-153000-LAPTOP7.json')
      await cp(join(laptopDir, 'papers', name), join(desktopDir, 'papers', copy))
    }
    await cp(join(laptopDir, journalFileOf('laptop')), join(desktopDir, journalFileOf('laptop')))
    expect(shard).toBeDefined()

    const merged = await openAs('desktop')
    const paper = await merged.api.getPaper({ id })
    expect(paper.starred).toBe(true)
    expect(paper.tags).toEqual(['to-read'])
    const status = await merged.api.getSyncStatus({})
    expect(status.devices).toEqual(['desktop', 'laptop'])
    expect(status.conflictCopiesMerged).toBeGreaterThan(0)
    expect(status.conflicts).toEqual([])
    await merged.close()
    // The conflict copies were moved to merged-conflicts/, never deleted.
    const kept = await filesUnder(join(desktopDir, 'merged-conflicts'))
    expect(kept.length).toBe(status.conflictCopiesMerged)
    expect(kept.every((path) => path.includes('sync-conflict'))).toBe(true)
    expect(
      (await readdir(join(desktopDir, 'papers'))).some((n) => n.includes('sync-conflict')),
    ).toBe(false)
  })

  it('merges a note edited in different paragraphs on each machine, line by line', async () => {
    const { noteId } = await twoMachines()
    const laptop = await openAs('laptop')
    await laptop.api.updateNote({
      id: noteId,
      body: 'First: the survey, done.\n\nSecond: the benchmark.\n\nThird: the code.',
    })
    await laptop.close()
    const desktop = await openAs('desktop')
    await desktop.api.updateNote({
      id: noteId,
      body: 'First: the survey.\n\nSecond: the benchmark.\n\nThird: the code, run it.',
    })
    await desktop.close()
    await cp(join(laptopDir, journalFileOf('laptop')), join(desktopDir, journalFileOf('laptop')))

    const merged = await openAs('desktop')
    expect((await merged.api.getNoteById({ id: noteId })).body).toBe(
      'First: the survey, done.\n\nSecond: the benchmark.\n\nThird: the code, run it.',
    )
    const status = await merged.api.getSyncStatus({})
    expect(status.notesMerged).toBe(1)
    expect(status.conflicts).toEqual([])
    await merged.close()
  })

  it('keeps both texts of a line edited on both machines, marked, and lists the note until it is resolved', async () => {
    const { noteId } = await twoMachines()
    const laptop = await openAs('laptop')
    await laptop.api.updateNote({ id: noteId, body: 'Read the survey on the train.' })
    await laptop.close()
    const desktop = await openAs('desktop')
    await desktop.api.updateNote({ id: noteId, body: 'Skip the survey; start with the code.' })
    await desktop.close()
    await cp(join(laptopDir, journalFileOf('laptop')), join(desktopDir, journalFileOf('laptop')))

    const merged = await openAs('desktop')
    const body = (await merged.api.getNoteById({ id: noteId })).body
    expect(body).toContain('Read the survey on the train.')
    expect(body).toContain('Skip the survey; start with the code.')
    expect(body).toMatch(/^<<<<<<< (laptop|desktop)$/m)
    expect(body).toMatch(/^>>>>>>> (laptop|desktop)$/m)
    const [conflict] = (await merged.api.getSyncStatus({})).conflicts
    expect(conflict?.title).toBe('Reading plan')
    expect(conflict?.sides.map((side) => [side.device, side.text]).sort()).toEqual([
      ['desktop', 'Skip the survey; start with the code.'],
      ['laptop', 'Read the survey on the train.'],
    ])
    await merged.api.resolveNoteConflict({ noteId, body: 'Start with the code, then the survey.' })
    expect((await merged.api.getSyncStatus({})).conflicts).toEqual([])
    await merged.close()

    // The laptop, given the desktop's journal, takes the resolution as it is.
    await cp(join(desktopDir, journalFileOf('desktop')), join(laptopDir, journalFileOf('desktop')))
    const later = await openAs('laptop')
    expect((await later.api.getNoteById({ id: noteId })).body).toBe(
      'Start with the code, then the survey.',
    )
    expect((await later.api.getSyncStatus({})).conflicts).toEqual([])
    await later.close()
  })

  it('never brings back a paper deleted on one machine from the other machine’s older shard', async () => {
    const { paperIds } = await twoMachines()
    const id = paperIds[1] ?? ''
    const laptop = await openAs('laptop')
    await laptop.api.moveToTrash({ paperIds: [id] })
    await laptop.api.deleteForever({ paperIds: [id] })
    await laptop.close()
    // A stale overwrite: the desktop's older shards replace the laptop's.
    await cp(join(desktopDir, 'papers'), join(laptopDir, 'papers'), {
      recursive: true,
      force: true,
    })
    const reopened = await openAs('laptop')
    expect((await reopened.api.getLibraryInfo({})).paperCount).toBe(2)
    await expect(reopened.api.getPaper({ id })).rejects.toThrow(`No paper with id "${id}"`)
    await reopened.close()
  })

  it('reads a shard emptied by a cloud client (0 bytes) as unreadable, not as "no papers"', async () => {
    await twoMachines()
    for (const name of await filesUnder(join(desktopDir, 'papers'))) {
      await writeFile(join(desktopDir, 'papers', name), '')
    }
    const desktop = await openAs('desktop')
    // The papers come back from the journals, which every device keeps.
    expect((await desktop.api.getLibraryInfo({})).paperCount).toBe(3)
    await desktop.close()
  })

  it('merges the settings of a Dropbox conflicted copy of library.json, key by key', async () => {
    await twoMachines()
    const laptop = await openAs('laptop')
    await laptop.api.updateSettings({ patch: { theme: 'dark' } })
    await laptop.close()
    const desktop = await openAs('desktop')
    await desktop.api.updateSettings({ patch: { readingFontSize: 18 } })
    await desktop.close()
    await cp(
      join(laptopDir, 'library.json'),
      join(desktopDir, "library (Ada's conflicted copy 2026-12-06).json"),
    )
    const merged = await openAs('desktop')
    const settings = await merged.api.getSettings({})
    expect(settings.theme).toBe('dark')
    expect(settings.readingFontSize).toBe(18)
    await merged.close()
    expect(await filesUnder(join(desktopDir, 'merged-conflicts'))).toEqual([
      expect.stringMatching(/^[0-9T-]+Z\/library \(Ada's conflicted copy 2026-12-06\)\.json$/),
    ])
  })
})

describe('a library file git left with conflict markers', () => {
  it('is read on both sides: the papers of each come through', async () => {
    const { paperIds } = await twoMachines()
    const shards = (await filesUnder(join(laptopDir, 'papers'))).filter((n) => n.endsWith('.json'))
    const name = shards[0] ?? ''
    const ours = await readFile(join(laptopDir, 'papers', name), 'utf8')
    const parsed = JSON.parse(ours) as { records: { id: string; title: string }[] }
    const [first] = parsed.records
    // Theirs holds one more paper, written on the desktop.
    const theirs = JSON.stringify({
      records: [
        ...parsed.records,
        { ...first, id: 'from-desktop', title: 'Written on the desktop' },
      ],
    })
    // A whole-line conflict, as git writes one for a one-line JSON file; the
    // journals no longer hold the papers (past their 4 MB).
    await writeFile(
      join(laptopDir, 'papers', name),
      `<<<<<<< HEAD\n${ours.trim()}\n=======\n${theirs}\n>>>>>>> desktop\n`,
    )
    await rm(join(laptopDir, 'journals'), { recursive: true })
    const laptop = await openAs('laptop')
    expect((await laptop.api.getLibraryInfo({})).paperCount).toBe(paperIds.length + 1)
    expect((await laptop.api.getPaper({ id: 'from-desktop' })).title).toBe('Written on the desktop')
    await laptop.close()
  })
})

describe('the library lock on a synced folder', () => {
  it('lets a machine open a folder whose other machine’s lock was synced into it', async () => {
    await mkdir(laptopDir, { recursive: true })
    const elsewhere = { pid: 4242, started: '1', host: 'desktop-host' }
    await writeFile(join(laptopDir, lockFileOf('desktop')), JSON.stringify(elsewhere))
    const laptop = await openAs('laptop')
    expect(JSON.parse(await readFile(join(laptopDir, lockFileOf('laptop')), 'utf8'))).toMatchObject(
      {
        pid: process.pid,
        host: hostname(),
      },
    )
    await laptop.close()
  })

  it('refuses the same device id held on another host, saying how to fix it', async () => {
    await mkdir(laptopDir, { recursive: true })
    const elsewhere = { pid: 4242, started: '1', host: 'desktop-host' }
    await writeFile(join(laptopDir, lockFileOf('laptop')), JSON.stringify(elsewhere))
    await expect(openAs('laptop')).rejects.toThrow(
      `The library ${laptopDir} is open as device "laptop" on desktop-host too. ` +
        'Each machine needs its own device id: set OFFPRINT_DEVICE to another name here.',
    )
  })
})
