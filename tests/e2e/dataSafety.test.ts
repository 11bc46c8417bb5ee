// Data safety as the user sees it: a failed write says so and keeps the text,
// backups can be listed, made and restored from the menu, a damaged file is
// brought back from a backup with a clear message, a library from a newer
// Offprint is refused without a change, and files the OS hands over are imported.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { Library } from '../../src/main/library/library'
import { folderSnapshot, listFiles } from '../unit/support/libraryFolder'
import { numberedListing } from '../unit/support/listingText'
import { closeBrowser, launchApp, makeLibraryDir, type RunningApp } from './harness/launchApp'

const FIXTURE = fileURLToPath(new URL('../fixtures/hf-daily-papers.txt', import.meta.url))

let app: RunningApp | undefined

afterEach(async () => {
  if (app !== undefined) {
    expect(app.foreignRequests).toEqual([])
    expect(app.pageErrors).toEqual([])
    expect(app.securityEvents).toEqual([])
    await app.close()
    app = undefined
  }
})
afterAll(closeBrowser)

async function drop(running: RunningApp, name: string, text: string): Promise<void> {
  await running.page.evaluate(
    ([fileName, content]) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([content], fileName, { type: 'text/plain' }))
      const init = { dataTransfer: transfer, bubbles: true, cancelable: true }
      document.body.dispatchEvent(new DragEvent('dragover', init))
      document.body.dispatchEvent(new DragEvent('drop', init))
    },
    [name, text] as const,
  )
}

async function openBackups(running: RunningApp) {
  await running.emit({ type: 'menu-command', command: 'restore-backup' })
  const dialog = running.page.getByTestId('backups-dialog')
  await dialog.waitFor()
  return dialog
}

describe('a full disk', () => {
  it('shows each failed write, keeps the text, and saves once there is room again', async () => {
    app = await launchApp({ coreInChildProcess: true })
    const { page } = app
    await page.getByRole('button', { name: 'Import the sample library' }).click()
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('53 papers')
    await page.locator('[data-testid=paper-view]').waitFor()
    await expect.poll(() => page.getByTestId('save-indicator').textContent()).toBe('Saved')
    const before = await folderSnapshot(app.libraryDir)

    // Every write past 64 bytes now fails, as on a full disk.
    await app.limitFileSize(64)
    const text = 'A note written while the disk is full, long enough to need more than 64 bytes.'
    await page.getByTestId('note-input').fill(text)
    const indicator = page.getByTestId('save-indicator')
    await expect
      .poll(() => indicator.textContent())
      .toMatch(/^Not saved — Could not save .*\(retrying\)$/)
    expect(await page.getByTestId('note-input').inputValue()).toBe(text)

    await drop(app, 'more.txt', numberedListing('Full disk paper', 3))
    const status = page.getByTestId('import-status')
    await expect
      .poll(() => status.textContent())
      .toMatch(/^Could not import more\.txt\. Could not save/)
    expect(await status.getAttribute('role')).toBe('alert')

    const dialog = await openBackups(app)
    await dialog.getByRole('button', { name: 'Back Up Now' }).click()
    await expect
      .poll(() => dialog.getByTestId('backups-status').textContent())
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
    await expect.poll(() => indicator.textContent(), { timeout: 15_000 }).toBe('Saved')
    const paperId = await page.locator('[data-testid=paper-view]').getAttribute('data-paper-id')
    const note = await app.dispatch('getNote', { paperId })
    expect(note).toMatchObject({ ok: true, value: { body: text } })
  })
})

describe('backups in the window', () => {
  it('lists backups, backs up now, restores one, and undoes the restore', async () => {
    app = await launchApp({ automaticBackups: true })
    const { page } = app
    await page.getByRole('button', { name: 'Import the sample library' }).click()
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('53 papers')

    let dialog = await openBackups(app)
    await dialog.getByRole('button', { name: 'Back Up Now' }).click()
    await expect
      .poll(() => dialog.getByTestId('backups-status').textContent())
      .toBe('Backed up: 53 papers and 0 notes.')
    const rows = dialog.getByTestId('backup-row')
    await expect.poll(() => rows.count()).toBe(2) // on start (empty), and now
    expect(await rows.first().textContent()).toContain('made by you · 53 papers, 0 notes')
    await dialog.getByRole('button', { name: 'Close' }).click()

    await drop(app, 'three.txt', numberedListing('Later paper', 3))
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('56 papers')

    // Restore the 53-paper backup: asked once more, then done.
    dialog = await openBackups(app)
    await rows.first().getByRole('button', { name: 'Restore…' }).click()
    expect(await rows.first().textContent()).toContain('Replace the library with this backup?')
    await app.screenshot('backups-dialog-confirm')
    await rows.first().getByRole('button', { name: 'Restore', exact: true }).click()
    await expect
      .poll(() => dialog.getByTestId('backups-status').textContent())
      .toMatch(/^Restored the backup of .*restore that one to undo\.$/)
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('53 papers')
    await expect.poll(() => rows.count()).toBe(3)
    expect(await rows.first().textContent()).toContain('just before a restore · 56 papers')
    await app.screenshot('backups-dialog-restored')

    // Undo: restore the backup made just before.
    await rows.first().getByRole('button', { name: 'Restore…' }).click()
    await rows.first().getByRole('button', { name: 'Restore', exact: true }).click()
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('56 papers')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('backups-dialog').count()).toBe(0)
  })

  it('changes how often backups are made and how many are kept', async () => {
    app = await launchApp()
    const { page } = app
    const dialog = await openBackups(app)
    const hours = dialog.getByRole('spinbutton', { name: 'Hours of use between backups' })
    await expect.poll(() => hours.inputValue()).toBe('4')
    await hours.fill('12')
    await hours.press('Enter')
    await expect
      .poll(() => dialog.getByTestId('backups-status').textContent())
      .toBe('Settings saved.')
    const kept = dialog.getByRole('spinbutton', { name: 'Backups to keep' })
    await kept.fill('0')
    await kept.press('Enter') // out of range: not saved, marked invalid
    expect(await kept.getAttribute('aria-invalid')).toBe('true')
    expect(await app.dispatch('getSettings', {})).toEqual({
      ok: true,
      value: { backupIntervalHours: 12, backupsKept: 10 },
    })
    await dialog.getByRole('button', { name: 'Close' }).click()
    expect(await page.getByTestId('backups-dialog').count()).toBe(0)
  })
})

describe('damaged and foreign library files', () => {
  it('brings a damaged file back from the latest backup and says where the old one is', async () => {
    const dir = await makeLibraryDir()
    const library = await Library.open(dir)
    await library.importText({ text: await readFile(FIXTURE, 'utf8') })
    await library.createBackup({})
    await library.close()
    const [victim] = (await listFiles(join(dir, 'papers'))).filter((path) => path.endsWith('.json'))
    await writeFile(victim ?? '', '{"records": [{"id": "trunc')

    app = await launchApp({ libraryDir: dir })
    const { page } = app
    const banner = page.getByTestId('store-problems')
    await expect
      .poll(() => banner.textContent())
      .toMatch(/papers\/[0-9a-f]{2}\.json was damaged and has been restored from the backup of /)
    const text = (await banner.textContent()) ?? ''
    expect(text).toContain(`${victim}.unreadable-`)
    expect(text).toContain('Changes made to it after that backup may be missing.')
    expect(await page.getByTestId('library-count').textContent()).toBe('53 papers')
    await app.screenshot('damaged-file-restored')

    // The banner offers the backups, and can be put away.
    await banner.getByRole('button', { name: 'Restore from Backup…' }).click()
    await page.getByTestId('backups-dialog').getByRole('button', { name: 'Close' }).click()
    await banner.getByRole('button', { name: 'Dismiss' }).click()
    expect(await page.getByTestId('store-problems').count()).toBe(0)
  })

  it('says plainly when a damaged file had no backup', async () => {
    const dir = await makeLibraryDir()
    const library = await Library.open(dir)
    await library.importText({ text: await readFile(FIXTURE, 'utf8') })
    await library.close()
    const [victim] = (await listFiles(join(dir, 'papers'))).filter((path) => path.endsWith('.json'))
    await writeFile(victim ?? '', '')
    app = await launchApp({ libraryDir: dir })
    const banner = app.page.getByTestId('store-problems')
    await expect
      .poll(() => banner.textContent())
      .toMatch(/could not be read and no backup had a good copy of it\..*kept, unchanged, at /)
  })

  it('refuses a library from a newer Offprint in the window, changing nothing', async () => {
    const dir = await makeLibraryDir()
    const newer = '{"schemaVersion": 99, "createdAt": "2030-01-01T00:00:00Z", "settings": {}}'
    await writeFile(join(dir, 'library.json'), newer)
    const before = await folderSnapshot(dir)
    app = await launchApp({ libraryDir: dir, automaticBackups: true })
    const alert = app.page.getByRole('alert')
    await expect
      .poll(() => alert.first().textContent())
      .toMatch(
        /^The library could not be read: .*schema version 99.*open it with a newer Offprint \(the file was not changed\)$/,
      )
    await app.screenshot('newer-library-refused')
    expect(await folderSnapshot(dir)).toEqual(before)
  })
})

describe('files handed over by the system', () => {
  it('imports a file from a second launch, and explains one it could not read', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByTestId('welcome').waitFor()
    await app.emit({
      type: 'open-file',
      fileName: 'feb-9.txt',
      content: { ok: true, text: await readFile(FIXTURE, 'utf8') },
    })
    const status = page.getByTestId('import-status')
    await expect
      .poll(() => status.textContent())
      .toContain('Imported feb-9.txt: 53 added, 0 already present, 0 skipped')
    await app.emit({
      type: 'open-file',
      fileName: 'photo.txt',
      content: { ok: false, message: 'it is not UTF-8 text' },
    })
    await expect
      .poll(() => status.textContent())
      .toBe('Could not import photo.txt. The file could not be read: it is not UTF-8 text.×')
  })
})
