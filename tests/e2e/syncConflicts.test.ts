// A library folder synced from two other machines (a laptop and a desktop)
// that both edited the same line of a note: the window says which devices it
// is synced with and that one note needs a look; the Conflicts view shows both
// versions side by side, and keeping one settles it.
import { cp, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LibraryStore, journalFileOf } from '../../src/main/core/store/libraryStore'
import { appSession } from './harness/appSession'
import { noteRecord, paperRecord, seedLibrary } from './harness/seedLibrary'

const session = appSession()

/** The laptop and the desktop each edit the note's one line, apart; their journals reach `dir`. */
async function conflictedLibrary(dir: string): Promise<void> {
  const base = join(dir, 'base')
  await seedLibrary(base, {
    papers: [paperRecord('p1', { title: 'Attention is all you need' })],
    notes: [noteRecord('n1', 'p1', { title: 'Attention is all you need', body: 'Read it.' })],
  })
  for (const [device, body] of [
    ['laptop', 'Read §3 on the train.'],
    ['desktop', 'Skip §3; start with the code.'],
  ] as const) {
    const folder = join(dir, device)
    await cp(base, folder, { recursive: true })
    const store = await LibraryStore.open(folder, { device })
    const note = store.notes.get('n1')
    if (note === undefined) throw new Error('no note n1')
    await store.commit({
      notes: { put: [{ ...note, body, updatedAt: `2026-12-06T1${device.length}:00:00.000Z` }] },
    })
    await store.close()
  }
  const app = join(dir, 'app')
  await cp(base, app, { recursive: true })
  await mkdir(join(app, 'journals'), { recursive: true })
  for (const device of ['laptop', 'desktop']) {
    await cp(join(dir, device, journalFileOf(device)), join(app, journalFileOf(device)))
  }
}

describe('the Sync status and the Conflicts view', () => {
  it('lists a note edited on two machines and settles it with the version kept', async () => {
    const dir = await session.scratchDir()
    await conflictedLibrary(dir)
    const app = await session.launch({ libraryDir: join(dir, 'app') })
    const bar = app.page.getByTestId('sync-bar')
    await expect.poll(() => bar.textContent()).toContain('synced with desktop, laptop')
    expect(await bar.textContent()).toContain('1 note needs a look')
    await app.page.getByRole('button', { name: 'Review Conflicts…' }).click()
    const dialog = app.page.getByTestId('conflicts-dialog')
    await dialog.waitFor()
    expect(
      await dialog.getByRole('region', { name: 'Version from laptop' }).textContent(),
    ).toContain('Read §3 on the train.')
    expect(
      await dialog.getByRole('region', { name: 'Version from desktop' }).textContent(),
    ).toContain('Skip §3; start with the code.')
    await app.screenshot('sync-conflicts')
    await dialog.getByRole('button', { name: 'Keep desktop’s version' }).click()
    await expect.poll(() => bar.textContent()).not.toContain('needs a look')
    expect(await dialog.textContent()).toContain('No note needs a look')
    expect(await app.dispatch('getNoteById', { id: 'n1' })).toMatchObject({
      ok: true,
      value: { body: 'Skip §3; start with the code.' },
    })
  })
})
