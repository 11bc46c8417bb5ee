// What the preload hands the page: the API's methods and subscribe, nothing
// more, and never Electron's objects.
import { describe, expect, it, vi } from 'vitest'
import {
  apiMethods,
  channelFor,
  EVENT_CHANNEL,
  FLUSH_CHANNEL,
  FLUSHED_CHANNEL,
  LISTENING_CHANNEL,
} from '../../src/shared/api'
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
    send: (channel, ...args) => sent.push([channel, ...args].map(String).join(' ')),
    on: (channel, handler) =>
      handlers.set(channel, (handlers.get(channel) ?? new Set()).add(handler as Handler)),
    removeListener: (channel, handler) => handlers.get(channel)?.delete(handler as Handler),
  }
  return { ipc, invoked, sent, handlers }
}

describe('the preload bridge', () => {
  it('exposes exactly the API methods and subscribe, frozen', () => {
    const bridge = buildBridge(recordingIpc().ipc)
    expect(Object.keys(bridge).sort()).toEqual(
      [...apiMethods, 'onFlushRequest', 'subscribe'].sort(),
    )
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

  it('answers main’s flush request only after every flush the page registered settled', async () => {
    const { ipc, handlers, sent } = recordingIpc()
    const bridge = buildBridge(ipc)
    const done: string[] = []
    let finishNote: () => void = () => undefined
    bridge.onFlushRequest(
      () => new Promise<void>((resolve) => (finishNote = () => resolve(void done.push('note')))),
    )
    bridge.onFlushRequest(async () => {
      done.push('settings')
      throw new Error('disk full') // shown by the page; main only waits
    })
    const removed = bridge.onFlushRequest(async () => void done.push('removed'))
    removed()
    const request = [...(handlers.get(FLUSH_CHANNEL) ?? [])][0] as unknown as (
      event: unknown,
      id: number,
    ) => void
    request({}, 7)
    await new Promise((resolve) => setImmediate(resolve))
    expect(done).toEqual(['settings'])
    expect(sent).toEqual([`${FLUSHED_CHANNEL} 7 saving`])
    finishNote()
    await vi.waitFor(() =>
      expect(sent).toEqual([`${FLUSHED_CHANNEL} 7 saving`, `${FLUSHED_CHANNEL} 7 saved`]),
    )
    expect(done).toEqual(['settings', 'note'])
  })
})
