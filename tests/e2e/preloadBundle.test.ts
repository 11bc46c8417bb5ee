// The built preload script (out/preload/index.js), run as Electron runs it,
// with a stand-in for the electron module: it must expose one object, the
// bridge, with exactly the API's methods, subscribe and onFlushRequest, and
// require nothing but electron (a sandboxed preload cannot load anything else).
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { apiMethods } from '../../src/shared/api'

const PRELOAD = fileURLToPath(new URL('../../out/preload/index.js', import.meta.url))

describe('the built preload script', () => {
  it('exposes window.offprint with exactly the API methods, subscribe and onFlushRequest', async () => {
    const exposed: { key: string; value: Record<string, unknown> }[] = []
    const required: string[] = []
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, value: Record<string, unknown>) =>
          exposed.push({ key, value }),
      },
      ipcRenderer: {
        invoke: async () => undefined,
        on: () => undefined,
        removeListener: () => undefined,
      },
    }
    const module = { exports: {} }
    runInNewContext(await readFile(PRELOAD, 'utf8'), {
      require: (name: string) => {
        required.push(name)
        if (name !== 'electron') throw new Error(`the preload required ${name}`)
        return electron
      },
      module,
      exports: module.exports,
    })
    expect(required).toEqual(['electron'])
    expect(exposed.map((entry) => entry.key)).toEqual(['offprint'])
    expect(Object.keys(exposed[0]?.value ?? {}).sort()).toEqual(
      [...apiMethods, 'onFlushRequest', 'subscribe'].sort(),
    )
  })
})
