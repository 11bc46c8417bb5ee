// The library core behind the page, as Electron's main process runs it: in
// this process (the usual case), or in a child process whose file-size limit
// a test can lower to make every write fail, as on a full disk.
import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import type { ApiResponse } from '../../../src/shared/api'
import type { LibraryEvent } from '../../../src/shared/model'
import { createDispatcher, type ApiDispatch } from '../../../src/main/core/kernel/dispatch'
import { Library } from '../../../src/main/core/library'

export interface HarnessCore {
  dispatch: ApiDispatch
  /** The file of an attachment of this library (what the app's protocol serves); in-process cores only. */
  attachmentFile?(sha256: string): Promise<string | undefined>
  /** Events main would push to the window (library changes, task progress). */
  onEvent(listener: (event: LibraryEvent) => void): () => void
  close(): Promise<void>
  /** Makes writes past `bytes` fail (EFBIG), or lifts the limit. Child-process cores only. */
  limitFileSize?(bytes: number | undefined): Promise<void>
  /**
   * Stops the core's process (SIGSTOP) the moment it sends an event matching
   * `when`, so a test can act in the middle of long work whatever the
   * machine's speed; calls made meanwhile wait in the pipe. Child-process cores only.
   */
  pauseOn?(when: (event: LibraryEvent) => boolean): Promise<void>
  /** Lets a paused core run again (SIGCONT). */
  resume?(): void
}

export interface CoreOptions {
  samplePath: string
  automaticBackups?: boolean
}

/** What src/main/app/index.ts does: the library behind the dispatcher. */
export async function inProcessCore(dir: string, options: CoreOptions): Promise<HarnessCore> {
  const library = await Library.open(dir, options)
  return {
    dispatch: createDispatcher(library.api),
    attachmentFile: (sha256) => library.attachmentFile(sha256),
    onEvent: (listener) => {
      const offChange = library.onChange((change) => listener({ type: 'library-changed', change }))
      const offProgress = library.onProgress((progress) => listener({ type: 'progress', progress }))
      return () => {
        offChange()
        offProgress()
      }
    },
    close: () => library.close(),
  }
}

const CHILD_SCRIPT = fileURLToPath(new URL('./coreChild.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const run = promisify(execFile)

type ChildMessage =
  | { type: 'ready' }
  | { type: 'response'; id: number; response: ApiResponse<unknown> }
  | { type: 'event'; event: LibraryEvent }

export async function childProcessCore(dir: string, options: CoreOptions): Promise<HarnessCore> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD_SCRIPT, dir, options.samplePath],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' },
  )
  const pending = new Map<number, (response: ApiResponse<unknown>) => void>()
  const listeners = new Set<(event: LibraryEvent) => void>()
  let nextId = 0
  let pauseWhen: ((event: LibraryEvent) => boolean) | undefined
  let paused: (() => void) | undefined
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject)
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve()
      if (message.type === 'response') pending.get(message.id)?.(message.response)
      if (message.type === 'event') {
        if (pauseWhen?.(message.event) === true) {
          pauseWhen = undefined
          child.kill('SIGSTOP')
          paused?.()
        }
        for (const listener of listeners) listener(message.event)
      }
    })
  })
  return {
    dispatch: (method, args) =>
      new Promise((resolve) => {
        const id = nextId++
        pending.set(id, (response) => {
          pending.delete(id)
          resolve(response)
        })
        child.send({ type: 'call', id, method, args })
      }),
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGCONT') // a paused core must run to close
      child.send({ type: 'close' })
      await exited
    },
    pauseOn(when) {
      return new Promise<void>((resolve) => {
        pauseWhen = when
        paused = resolve
      })
    },
    resume() {
      child.kill('SIGCONT')
    },
    async limitFileSize(bytes) {
      // Only the soft limit changes, so it can be raised again without privileges.
      const soft = bytes === undefined ? 'unlimited' : String(bytes)
      await run('prlimit', ['--pid', String(child.pid), `--fsize=${soft}:unlimited`])
    },
  }
}
