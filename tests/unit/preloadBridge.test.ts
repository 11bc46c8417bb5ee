// What the preload hands the page: the API's methods and subscribe, nothing
// more, and never Electron's objects.
import { describe, expect, it } from 'vitest'
import { apiMethods, channelFor, EVENT_CHANNEL, LISTENING_CHANNEL } from '../../src/shared/api'
import type { LibraryEvent } from '../../src/shared/model'
import { buildBridge } from '../../src/preload/bridge'
import type { RendererIpc } from '../../src/preload/bridge'

type Handler = (event: unknown, payload: LibraryEvent) => void

/** Stands in for Electron's ipcRenderer and records what the bridge does with it. */
function recordingIpc() {
  const invoked: { channel: string; args: unknown[] }[] = []
  const sent: string[] = []
  const handlers = new Map<string, Set<Handler>>()
  const ipc: RendererIpc = {
    invoke: async (channel, ...args) => {
      invoked.push({ channel, args })
      return { ok: true, value: channel }
    },
    send: (channel) => sent.push(channel),
    on: (channel, handler) =>
      handlers.set(channel, (handlers.get(channel) ?? new Set()).add(handler)),
    removeListener: (channel, handler) => handlers.get(channel)?.delete(handler),
  }
  return { ipc, invoked, sent, handlers }
}

describe('the preload bridge', () => {
  it('exposes exactly the API methods and subscribe, frozen', () => {
    const bridge = buildBridge(recordingIpc().ipc)
    expect(Object.keys(bridge).sort()).toEqual([...apiMethods, 'subscribe'].sort())
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function')
    expect(Object.isFrozen(bridge)).toBe(true)
    expect(() => Object.assign(bridge, { ipcRenderer: {} })).toThrow()
  })

  it('sends each method on its own channel with exactly one argument', async () => {
    const { ipc, invoked } = recordingIpc()
    const bridge = buildBridge(ipc) as unknown as Record<string, (...args: unknown[]) => unknown>
    for (const method of apiMethods) {
      await bridge[method]?.({ some: 'args' }, 'a second argument the page should not pass on')
    }
    expect(invoked).toEqual(
      apiMethods.map((method) => ({ channel: channelFor(method), args: [{ some: 'args' }] })),
    )
  })

  it('gives listeners the event payload only, never the IPC event (and its sender)', () => {
    const { ipc, handlers, sent } = recordingIpc()
    const received: unknown[][] = []
    const unsubscribe = buildBridge(ipc).subscribe((...args: unknown[]) => received.push(args))
    // Main learns the page listens, and may send what it held back (once).
    buildBridge(ipc)
    expect(sent).toEqual([LISTENING_CHANNEL])
    const ipcEvent = { sender: { send: () => 'ipcRenderer itself' } }
    for (const handler of handlers.get(EVENT_CHANNEL) ?? []) {
      handler(ipcEvent, { type: 'library-changed', change: { topics: ['notes'] } })
    }
    expect(received).toEqual([[{ type: 'library-changed', change: { topics: ['notes'] } }]])
    unsubscribe()
    expect(handlers.get(EVENT_CHANNEL)?.size).toBe(0)
  })
})
