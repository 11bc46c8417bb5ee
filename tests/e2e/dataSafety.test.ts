// Data safety as the user sees it: a failed write says so and keeps the text,
// backups can be listed, made and restored from the menu, a damaged file is
// brought back from a backup with a clear message, a library from a newer
// Offprint is refused without a change, and files the OS hands over are imported.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import { folderSnapshot, listFiles } from '../unit/support/libraryFolder'
import { syntheticListing } from '../support/syntheticListing'
import { dropFile } from './harness/dropFile'
import { appSession } from './harness/appSession'
import { confirmPreview } from './harness/fixture'
import { expectAccessible } from './harness/axe'
import type { RunningApp } from './harness/launchApp'

const FIXTURE = fileURLToPath(new URL('../fixtures/hf-daily-papers.txt', import.meta.url))

const session = appSession()

/** Backups and restores copy and flush every library file: on a busy machine, seconds. */
const SLOW = { timeout: 20_000 }

async function openBackups(running: RunningApp) {
  await running.emit({ type: 'menu-command', command: 'restore-backup' })
  const dialog = running.page.getByTestId('backups-dialog')
  await dialog.waitFor()
  return dialog
}

describe('a full disk', () => {
  it('shows each failed write, keeps the text, and saves once there is room again', async () => {
    const app = await session.launch({ coreInChildProcess: true })
    const { page } = app
    await page.getByRole('button', { name: 'Import the sample library' }).click()
    await expect.poll(() => page.getByTestId('library-count').textContent(), SLOW).toBe('53 papers')
    await page.locator('[data-testid=paper-view]').waitFor()
    await expect.poll(() => page.getByTestId('save-indicator').textContent(), SLOW).toBe('Saved')
    const before = await folderSnapshot(app.libraryDir)

    // Every write past 64 bytes now fails, as on a full disk.
    await app.limitFileSize(64)
    const text = 'A note written while the disk is full, long enough to need more than 64 bytes.'
    await page.getByTestId('note-input').fill(text)
    const indicator = page.getByTestId('save-indicator')
    await expect
      .poll(() => indicator.textContent(), SLOW)
      .toMatch(/^Not saved — Could not save .*\(retrying\)$/)
    expect(await page.getByTestId('note-input').inputValue()).toBe(text)

    await dropFile(app.page, 'more.txt', syntheticListing(3, 'Full disk paper '))
    const status = page.getByTestId('import-status')
    await expect
      .poll(() => status.textContent(), SLOW)
      .toMatch(/^Could not import more\.txt\. Could not save/)
    expect(await status.getAttribute('role')).toBe('alert')

    const dialog = await openBackups(app)
    await dialog.getByRole('button', { name: 'Back Up Now' }).click()
    await expect
      .poll(() => dialog.getByTestId('backups-status').textContent(), SLOW)
      .toMatch(/^The backup failed: /)
    expect(await dialog.getByTestId('backups-status').getAttribute('role')).toBe('alert')
    await app.screenshot('disk-full')
    await dialog.getByRole('button', { name: 'Close' }).click()

    // Nothing already on disk was touched (a failed backup leaves no folder behind).
    const during = await folderSnapshot(app.libraryDir)
    for (const [path, file] of Object.entries(before))
      expect(during[path]?.bytes, path).toBe(file.bytes)
    expect(Object.keys(during).filter((path) => !(path in before))).toEqual([])
    expect(await page.getByTestId('library-count').textContent()).toBe('53 papers')

    // Room again: the retry saves the note that stayed in the editor.
    await app.limitFileSize(undefined)
    await expect.poll(() => indicator.textContent(), SLOW).toBe('Saved')
    const paperId = await page.locator('[data-testid=paper-view]').getAttribute('data-paper-id')
    const note = await app.dispatch('getNote', { paperId })
    expect(note).toMatchObject({ ok: true, value: { body: text } })
  })
})

describe('backups in the window', () => {
  it('lists backups, backs up now, restores one, and undoes the restore', async () => {
    const app = await session.launch({ automaticBackups: true })
    const { page } = app
    await page.getByRole('button', { name: 'Import the sample library' }).click()
    await expect.poll(() => page.getByTestId('library-count').textContent(), SLOW).toBe('53 papers')

    let dialog = await openBackups(app)
    await dialog.getByRole('button', { name: 'Back Up Now' }).click()
    await expect
      .poll(() => dialog.getByTestId('backups-status').textContent(), SLOW)
      .toBe('Backed up: 53 papers and 0 notes.')
    const rows = dialog.getByTestId('backup-row')
    await expect.poll(() => rows.count(), SLOW).toBe(2) // on start (empty), and now
    expect(await rows.first().textContent()).toContain('made by you · 53 papers, 0 notes')
    await dialog.getByRole('button', { name: 'Close' }).click()

    await dropFile(app.page, 'three.txt', syntheticListing(3, 'Later paper '))
    await expect.poll(() => page.getByTestId('library-count').textContent(), SLOW).toBe('56 papers')

    // Restore the 53-paper backup: asked once more, then done.
    dialog = await openBackups(app)
    await rows.first().getByRole('button', { name: 'Restore…' }).click()
    expect(await rows.first().textContent()).toContain('Replace the library with this backup?')
    await app.screenshot('backups-dialog-confirm')
    await rows.first().getByRole('button', { name: 'Restore', exact: true }).click()
    await expect
      .poll(() => dialog.getByTestId('backups-status').textContent(), SLOW)
      .toMatch(/^Restored the backup of .*restore that one to undo\.$/)
    await expect.poll(() => page.getByTestId('library-count').textContent(), SLOW).toBe('53 papers')
    await expect.poll(() => rows.count(), SLOW).toBe(3)
    expect(await rows.first().textContent()).toContain('just before a restore · 56 papers')
    await app.screenshot('backups-dialog-restored')
    await expectAccessible(page, 'backups dialog')

    // Undo: restore the backup made just before.
    await rows.first().getByRole('button', { name: 'Restore…' }).click()
    await rows.first().getByRole('button', { name: 'Restore', exact: true }).click()
    await expect.poll(() => page.getByTestId('library-count').textContent(), SLOW).toBe('56 papers')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('backups-dialog').count(), SLOW).toBe(0)
  })

  it('changes how often backups are made and how many are kept, in Settings', async () => {
    const app = await session.launch()
    const { page } = app
    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByTestId('settings-dialog')
    await settings.waitFor()
    await settings
      .getByTestId('settings-backup-interval')
      .selectOption({ label: 'Every 12 hours of use' })
    await settings
      .getByTestId('settings-backups-kept')
      .selectOption({ label: 'The last 20 backups' })
    await expect
      .poll(async () => {
        const response = await app.dispatch('getSettings', {})
        return response.ok ? response.value : undefined
      }, SLOW)
      .toMatchObject({ backupIntervalHours: 12, backupsKept: 20 })
    // From Settings to the backups themselves, which say how they are made.
    await settings.getByRole('button', { name: 'Restore from Backup…' }).click()
    const dialog = page.getByTestId('backups-dialog')
    await dialog.waitFor()
    expect(await dialog.getByTestId('backups-settings').textContent()).toContain(
      'after every 12 hours of use, keeping the last 20',
    )
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => page.getByTestId('backups-dialog').count(), SLOW).toBe(0)
  })
})

describe('damaged library files', () => {
  it('brings a damaged file back from the latest backup and says where the old one is', async () => {
    const dir = await session.scratchDir()
    const library = await Library.open(dir)
    await library.api.importText({ text: await readFile(FIXTURE, 'utf8') })
    await library.api.createBackup({})
    await library.close()
    const [victim] = (await listFiles(join(dir, 'papers'))).filter((path) => path.endsWith('.json'))
    await writeFile(victim ?? '', '{"records": [{"id": "trunc')

    const app = await session.launch({ libraryDir: dir })
    const { page } = app
    const banner = page.getByTestId('store-problems')
    await expect
      .poll(() => banner.textContent(), SLOW)
      .toMatch(/papers\/[0-9a-f]{2}\.json was damaged and has been restored from the backup of /)
    const text = (await banner.textContent()) ?? ''
    expect(text).toContain(`${victim}.unreadable-`)
    expect(text).toContain('Changes made to it after that backup may be missing.')
    expect(await page.getByTestId('library-count').textContent()).toBe('53 papers')
    await app.screenshot('damaged-file-restored')
    await expectAccessible(page, 'damaged file banner')

    // The banner offers the backups, and can be put away.
    await banner.getByRole('button', { name: 'Restore from Backup…' }).click()
    await page.getByTestId('backups-dialog').getByRole('button', { name: 'Close' }).click()
    await banner.getByRole('button', { name: 'Dismiss' }).click()
    expect(await page.getByTestId('store-problems').count()).toBe(0)
  })

  it('says plainly when a damaged file had no backup', async () => {
    const dir = await session.scratchDir()
    const library = await Library.open(dir)
    await library.api.importText({ text: await readFile(FIXTURE, 'utf8') })
    await library.close()
    const [victim] = (await listFiles(join(dir, 'papers'))).filter((path) => path.endsWith('.json'))
    await writeFile(victim ?? '', '')
    const app = await session.launch({ libraryDir: dir })
    const banner = app.page.getByTestId('store-problems')
    await expect
      .poll(() => banner.textContent(), SLOW)
      .toMatch(/could not be read and no backup had a good copy of it\..*kept, unchanged, at /)
  })
})

describe('files handed over by the system', () => {
  it('imports a file from a second launch, and explains one it could not read', async () => {
    const app = await session.launch()
    const { page } = app
    await page.getByTestId('welcome').waitFor()
    await app.emit({
      type: 'open-file',
      fileName: 'feb-9.txt',
      content: { ok: true, text: await readFile(FIXTURE, 'utf8') },
    })
    await confirmPreview(page, '53 new papers')
    const status = page.getByTestId('import-status')
    await expect
      .poll(() => status.textContent(), SLOW)
      .toContain('Imported feb-9.txt: 53 added, 0 already present, 0 skipped')
    await app.emit({
      type: 'open-file',
      fileName: 'photo.txt',
      content: { ok: false, message: 'it is not UTF-8 text' },
    })
    await expect
      .poll(() => status.textContent(), SLOW)
      .toBe('Could not import photo.txt. The file could not be read: it is not UTF-8 text.×')
  })
})
