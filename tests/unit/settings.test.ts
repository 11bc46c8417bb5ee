// Settings live in library.json: read forgivingly, written durably, validated at the API.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Settings } from '../../src/shared/model'
import { DEFAULT_SETTINGS } from '../../src/shared/model'
import { readSettings } from '../../src/shared/api/schemas'
import { callApi } from '../../src/main/core/kernel/dispatch'
import { Library } from '../../src/main/core/library'
import { copyAsIfCrashed, folderSnapshot } from './support/libraryFolder'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-settings-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function storedSettings(): Promise<Record<string, unknown>> {
  const file = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as {
    settings: Record<string, unknown>
  }
  return file.settings
}

describe('readSettings', () => {
  it('gives the defaults for an empty object', () => {
    expect(readSettings({})).toEqual(DEFAULT_SETTINGS)
  })

  it('keeps each valid value and defaults each damaged one on its own', () => {
    const settings = readSettings({
      theme: 'dark',
      readingFontSize: 400, // out of range
      markReadAfterSeconds: null,
      listPaneWidth: '300px', // wrong type
      notesPaneOpen: false,
      sort: 'title',
      listScope: { kind: 'collection', id: 'c1' },
      selectedPaperId: 'p1',
      window: { x: 10, y: 20, width: 800, height: 600, maximized: true },
      somethingNewer: { kept: true },
    })
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      markReadAfterSeconds: null,
      notesPaneOpen: false,
      sort: 'title',
      listScope: { kind: 'collection', id: 'c1' },
      selectedPaperId: 'p1',
      window: { x: 10, y: 20, width: 800, height: 600, maximized: true },
    } satisfies Settings)
    // A view from a newer version, or a hand-edited one, falls back to the library.
    for (const listScope of [{ kind: 'folder' }, { kind: 'view', view: 'later' }, 'trash']) {
      expect(readSettings({ listScope }).listScope).toEqual({ kind: 'library' })
    }
  })
})

describe('Library settings', () => {
  it('starts with the defaults and makes a change durable before resolving', async () => {
    const library = await Library.open(dir)
    expect(await library.api.getSettings({})).toEqual(DEFAULT_SETTINGS)
    const updated = await library.api.updateSettings({
      patch: { theme: 'dark', listPaneWidth: 300 },
    })
    expect(updated).toMatchObject({ theme: 'dark', listPaneWidth: 300, sort: 'published' })
    // What a crash right now would leave behind already has the change.
    const crashed = await copyAsIfCrashed(dir)
    const survivor = await Library.open(crashed)
    expect(await survivor.api.getSettings({})).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      listPaneWidth: 300,
    })
    await survivor.close()
    await rm(crashed, { recursive: true, force: true })

    // Closing brings library.json itself up to date.
    await library.close()
    expect(await storedSettings()).toEqual({ theme: 'dark', listPaneWidth: 300 })
  })

  it('keeps settings it does not know, and writes nothing for an unchanged value', async () => {
    const library = await Library.open(dir)
    await library.close()
    const path = join(dir, 'library.json')
    const file = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
    await writeFile(path, JSON.stringify({ ...file, settings: { fromNewerBuild: [1, 2] } }))

    const again = await Library.open(dir)
    await again.api.updateSettings({ patch: { sort: 'upvotes' } })
    await again.flush()
    expect(await storedSettings()).toEqual({ fromNewerBuild: [1, 2], sort: 'upvotes' })
    const before = await folderSnapshot(dir)
    await again.api.updateSettings({ patch: { sort: 'upvotes' } })
    await again.flush()
    expect(await folderSnapshot(dir)).toEqual(before)
    await again.close()
  })

  it('tells settings listeners about each change', async () => {
    const library = await Library.open(dir)
    const seen: Settings[] = []
    library.onSettingsChange((settings) => seen.push(settings))
    await library.api.updateSettings({ patch: { theme: 'light' } })
    await library.api.updateSettings({ patch: { theme: 'light' } }) // unchanged
    await library.api.updateSettings({ patch: { window: null, readingFontSize: 18 } })
    expect(seen.map((settings) => [settings.theme, settings.readingFontSize])).toEqual([
      ['light', 16],
      ['light', 18],
    ])
    await library.close()
  })

  it('refuses a bad patch at the API and changes nothing', async () => {
    const library = await Library.open(dir)
    const before = await readFile(join(dir, 'library.json'), 'utf8')
    for (const patch of [
      { theme: 'sepia' },
      { readingFontSize: 8 },
      { listPaneWidth: 10.5 },
      { unknownSetting: true },
      { window: { x: 0, y: 0, width: 0, height: 600, maximized: false } },
      { listScope: { kind: 'collection' } },
    ]) {
      const response = await callApi(library.api, 'updateSettings', { patch } as never)
      expect(response.ok).toBe(false)
      if (!response.ok) expect(response.error.code).toBe('invalid-arguments')
    }
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(before)
    expect(await callApi(library.api, 'getSettings', {})).toEqual({
      ok: true,
      value: DEFAULT_SETTINGS,
    })
    await library.close()
  })
})
