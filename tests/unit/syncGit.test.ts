// A library folder kept in git: two clones edit it apart, commit, and one
// merges the other with the attributes and merge driver the README documents
// (`offprint sync merge-file`); the library then opens with both sides' edits,
// and git reports no conflict. Runs the built CLI (npm run build).
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import { syntheticListing } from '../support/syntheticListing'
import { makeDir, removeDir } from './libraryFixture'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url))

/** What the README tells a user to put in the library folder. */
export const GIT_ATTRIBUTES = '*.json merge=offprint\njournals/*.ndjson merge=union\n'
export const GIT_IGNORE = 'offprint.*.lock\noffprint.lock\nsearch-index.bin\nbackups/\n'

let dir: string
beforeEach(async () => {
  dir = await makeDir()
})
afterEach(async () => {
  await removeDir(dir)
})

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    'git',
    [
      '-c',
      'user.name=Ada',
      '-c',
      'user.email=ada@example.org',
      '-c',
      'init.defaultBranch=main',
      '-c',
      `merge.offprint.driver=${process.execPath} ${CLI} sync merge-file %O %A %B %P`,
      ...args,
    ],
    { cwd },
  )
  return stdout
}

describe('a library kept in git', () => {
  it('merges two clones’ edits with the documented merge driver, without conflicts', async () => {
    const laptopDir = join(dir, 'laptop')
    const desktopDir = join(dir, 'desktop')
    const first = await Library.open(laptopDir, { device: 'laptop' })
    const { addedIds } = await first.api.importText({ text: syntheticListing(4) })
    const note = await first.api.createNote({ title: 'Plan', body: 'One.\n\nTwo.\n\nThree.' })
    await first.close()
    await writeFile(join(laptopDir, '.gitattributes'), GIT_ATTRIBUTES)
    await writeFile(join(laptopDir, '.gitignore'), GIT_IGNORE)
    await git(laptopDir, 'init', '-q')
    await git(laptopDir, 'add', '-A')
    await git(laptopDir, 'commit', '-qm', 'library')
    await git(dir, 'clone', '-q', laptopDir, desktopDir)

    const [a, b] = [addedIds[0] ?? '', addedIds[1] ?? '']
    const laptop = await Library.open(laptopDir, { device: 'laptop' })
    await laptop.api.setStarred({ paperIds: [a, b], starred: true })
    await laptop.api.updateNote({ id: note.id, body: 'One, read.\n\nTwo.\n\nThree.' })
    await laptop.close()
    await git(laptopDir, 'add', '-A')
    await git(laptopDir, 'commit', '-qm', 'stars')

    const desktop = await Library.open(desktopDir, { device: 'desktop' })
    await desktop.api.tagPapers({ paperIds: [a], add: ['robots'] })
    await desktop.api.updateNote({ id: note.id, body: 'One.\n\nTwo.\n\nThree, skimmed.' })
    await desktop.close()
    await git(desktopDir, 'add', '-A')
    await git(desktopDir, 'commit', '-qm', 'tags')

    await git(laptopDir, 'pull', '-q', '--no-rebase', desktopDir, 'main')
    expect(await git(laptopDir, 'status', '--porcelain')).toBe('')
    expect(await git(laptopDir, 'grep', '-c', '^<<<<<<<', 'HEAD').catch(() => 'none')).toBe('none')

    const merged = await Library.open(laptopDir, { device: 'laptop' })
    const paper = await merged.api.getPaper({ id: a })
    expect([paper.starred, paper.tags]).toEqual([true, ['robots']])
    expect((await merged.api.getPaper({ id: b })).starred).toBe(true)
    expect((await merged.api.getNoteById({ id: note.id })).body).toBe(
      'One, read.\n\nTwo.\n\nThree, skimmed.',
    )
    expect((await merged.api.getSyncStatus({})).devices).toEqual(['desktop', 'laptop'])
    await merged.close()
  })
})
