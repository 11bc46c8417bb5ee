// The page of a window: the BUILT preload (out/preload/index.js) run in a
// sandbox-like context whose `require` offers only `electron`'s contextBridge
// and ipcRenderer (a sandboxed preload gets nothing else), wired to the
// stand-in's ipcMain; then a small stand-in for the page's own code, which
// uses `window.offprint` the way the renderer does.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import type { OffprintBridge } from '../../../src/shared/api'
import type { LibraryEvent } from '../../../src/shared/model'
import type { FakeElectron, FakeWebContents, RendererListener } from './fakeElectron'

export const OUT_DIR = join(__dirname, '../../../out')
const PRELOAD = join(OUT_DIR, 'preload/index.js')

export interface Page {
  contents: FakeWebContents
  /** What preload exposed with contextBridge.exposeInMainWorld, by key. */
  exposed: Map<string, unknown>
  /** Modules the preload asked `require` for. */
  required: string[]
  offprint: OffprintBridge
  /** Events main pushed to the page, in order. */
  events: LibraryEvent[]
}

/** Runs the built preload for `contents` and returns what it exposed. */
export function runPreload(electron: FakeElectron, contents: FakeWebContents): Page {
  const exposed = new Map<string, unknown>()
  const required: string[] = []
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => electron.invoke(contents, channel, args),
    send: (channel: string, ...args: unknown[]) => electron.sendFromPage(contents, channel, args),
    on(channel: string, listener: RendererListener) {
      const listeners = contents.rendererListeners.get(channel) ?? new Set()
      listeners.add(listener)
      contents.rendererListeners.set(channel, listeners)
      return ipcRenderer
    },
    removeListener(channel: string, listener: RendererListener) {
      contents.rendererListeners.get(channel)?.delete(listener)
      return ipcRenderer
    },
  }
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api),
  }
  const sandboxRequire = (name: string): unknown => {
    required.push(name)
    if (name === 'electron') return { contextBridge, ipcRenderer }
    throw new Error(`module not found: ${name} (a sandboxed preload can only require electron)`)
  }
  const module = { exports: {} }
  runInNewContext(
    `(function (require, module, exports) {${readFileSync(PRELOAD, 'utf8')}\n})`,
    { Promise, Object, Set, Map, Error, console },
    { filename: PRELOAD },
  )(sandboxRequire, module, module.exports)
  const page: Page = {
    contents,
    exposed,
    required,
    offprint: exposed.get('offprint') as OffprintBridge,
    events: [],
  }
  return page
}
