// Two processes never write one library: the app and the CLI take the folder's
// lock on open; a lock left by a process killed with SIGKILL is taken over.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import { defaultDevice } from '../../src/main/core/store/deviceName'
import { lockFileOf, processStartTime } from '../../src/main/core/store/libraryLock'
import { makeDir, removeDir } from './libraryFixture'

const run = promisify(execFile)
/** The lock of the device these tests open the library as (OFFPRINT_DEVICE, else the host). */
const LOCK_FILE = lockFileOf(defaultDevice())
const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url))

let dir: string
const children: ChildProcess[] = []
beforeEach(async () => {
  dir = await makeDir()
})
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  await removeDir(dir)
})

/** Another process that stays alive until killed. */
async function otherProcess(): Promise<ChildProcess & { pid: number }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  children.push(child)
  await new Promise((resolve) => child.once('spawn', resolve))
  if (child.pid === undefined) throw new Error('no pid')
  return child as ChildProcess & { pid: number }
}

async function writeLock(folder: string, pid: number): Promise<void> {
  const owner = { pid, started: processStartTime(pid), host: hostname() }
  await writeFile(join(folder, LOCK_FILE), JSON.stringify(owner))
}

describe('the library folder’s lock', () => {
  it('is held while the library is open and given back on close', async () => {
    const library = await Library.open(join(dir, 'lib'))
    const lock = JSON.parse(await readFile(join(dir, 'lib', LOCK_FILE), 'utf8')) as {
      pid: number
    }
    expect(lock.pid).toBe(process.pid)
    await library.close()
    expect(existsSync(join(dir, 'lib', LOCK_FILE))).toBe(false)
  })

  it('refuses a library another running process has open, naming that process', async () => {
    const library = join(dir, 'lib')
    await (await Library.open(library)).close()
    const other = await otherProcess()
    await writeLock(library, other.pid)
    await expect(Library.open(library)).rejects.toThrow(
      `The library ${library} is open in another Offprint process (pid ${other.pid}). Close it there first.`,
    )
    // Nothing of the other process's lock was touched.
    const lock = JSON.parse(await readFile(join(library, LOCK_FILE), 'utf8')) as { pid: number }
    expect(lock.pid).toBe(other.pid)
  })

  it('takes over the lock of a process killed with SIGKILL', async () => {
    const library = join(dir, 'lib')
    await (await Library.open(library)).close()
    const killed = await otherProcess()
    await writeLock(library, killed.pid)
    const exited = new Promise((resolve) => killed.once('exit', resolve))
    killed.kill('SIGKILL')
    await exited
    const reopened = await Library.open(library)
    const lock = JSON.parse(await readFile(join(library, LOCK_FILE), 'utf8')) as { pid: number }
    expect(lock.pid).toBe(process.pid)
    await reopened.close()
  })

  it('keeps the built CLI out of a library the app has open', async () => {
    const library = await Library.open(join(dir, 'lib'))
    try {
      const cli = run(process.execPath, [CLI, 'list', '--library', join(dir, 'lib')])
      await expect(cli).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(
          `is open in another Offprint process (pid ${process.pid})`,
        ) as unknown,
      })
    } finally {
      await library.close()
    }
    const listed = await run(process.execPath, [CLI, 'list', '--library', join(dir, 'lib')])
    expect(listed.stdout).toBe('')
  })
})

describe('a lock file without its owner written', () => {
  it('is waited on while another process may still be writing it, then refuses once it names a live owner', async () => {
    const other = await otherProcess()
    await writeFile(join(dir, LOCK_FILE), '') // just created with O_EXCL, pid not yet written
    const opening = Library.open(dir)
    setTimeout(() => void writeLock(dir, other.pid), 200)
    await expect(opening).rejects.toThrow(`open in another Offprint process (pid ${other.pid})`)
  })

  it('is taken over when it was left empty long ago (a crash while writing it)', async () => {
    const path = join(dir, LOCK_FILE)
    await writeFile(path, '')
    const longAgo = new Date(Date.now() - 60_000)
    await utimes(path, longAgo, longAgo)
    const library = await Library.open(dir)
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid })
    await library.close()
    expect(existsSync(path)).toBe(false)
  })
})
