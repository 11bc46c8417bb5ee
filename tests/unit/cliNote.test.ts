// `offprint note ID`, `note ID --set TEXT`, `note ID --append TEXT` and
// `sync status --json` / `sync merge`, run as the built CLI (npm run build).
import { execFile } from 'node:child_process'
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../src/shared/model'
import { Library } from '../../src/main/core/library'
import { syntheticListing } from '../support/syntheticListing'
import { makeDir, removeDir } from './libraryFixture'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url))

let dir: string
beforeEach(async () => {
  dir = await makeDir()
})
afterEach(async () => {
  await removeDir(dir)
})

async function cli(device: string, library: string, ...args: string[]): Promise<string> {
  const env = { ...process.env, OFFPRINT_DEVICE: device }
  return (await run(process.execPath, [CLI, ...args, '--library', library], { env })).stdout
}

describe('the note command', () => {
  it('prints, replaces and appends to a paper’s note and a standalone note', async () => {
    const library = join(dir, 'lib')
    const opened = await Library.open(library, { device: 'laptop' })
    const [paperId = ''] = (await opened.api.importText({ text: syntheticListing(1) })).addedIds
    const note = await opened.api.createNote({ title: 'Ideas', body: 'first idea' })
    await opened.close()

    expect(await cli('laptop', library, 'note', paperId)).toBe('')
    await cli('laptop', library, 'note', paperId, '--set', 'Read §3 again.')
    await cli('laptop', library, 'note', paperId, '--append', 'Then the appendix.')
    expect(await cli('laptop', library, 'note', paperId)).toBe(
      'Read §3 again.\nThen the appendix.\n',
    )
    await cli('laptop', library, 'note', note.id, '--append', 'second idea')
    expect(await cli('laptop', library, 'note', note.id)).toBe('first idea\nsecond idea\n')
    await expect(cli('laptop', library, 'note', 'no-such-id')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'no paper or note with id "no-such-id" in this library',
      ) as unknown,
    })
  })
})

describe('the sync command', () => {
  it('reports the devices whose journals are in the folder, and merges another device’s edit', async () => {
    const laptopDir = join(dir, 'laptop')
    const desktopDir = join(dir, 'desktop')
    const opened = await Library.open(laptopDir, { device: 'laptop' })
    const [paperId = ''] = (await opened.api.importText({ text: syntheticListing(1) })).addedIds
    await opened.close()
    await cp(laptopDir, desktopDir, { recursive: true })
    await cli('desktop', desktopDir, 'note', paperId, '--set', 'Written on the desktop.')
    await cp(join(desktopDir, 'journals'), join(laptopDir, 'journals'), { recursive: true })

    const status = JSON.parse(
      await cli('laptop', laptopDir, 'sync', 'status', '--json'),
    ) as SyncStatus
    expect(status.device).toBe('laptop')
    expect(status.devices).toEqual(['desktop', 'laptop'])
    expect(status.conflicts).toEqual([])
    expect(await cli('laptop', laptopDir, 'note', paperId)).toBe('Written on the desktop.\n')
    expect(await cli('laptop', laptopDir, 'sync', 'merge')).toContain('devices: desktop, laptop')
  })
})
