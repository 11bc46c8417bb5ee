// The object the page sees as `window.offprint`, built from the contract's
// method list so no method is written out twice. Kept apart from index.ts
// (which only hands it to contextBridge) so a test can check exactly what is
// exposed without Electron.
import {
  apiMethods,
  channelFor,
  EVENT_CHANNEL,
  FLUSH_CHANNEL,
  FLUSHED_CHANNEL,
  type FlushAnswer,
  LISTENING_CHANNEL,
  type OffprintBridge,
} from '../shared/api'
import type { LibraryEvent } from '../shared/model'

/** The slice of Electron's ipcRenderer the bridge uses. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  send(channel: string, ...args: unknown[]): void
  on<T>(channel: string, listener: (event: unknown, payload: T) => void): unknown
  removeListener<T>(channel: string, listener: (event: unknown, payload: T) => void): unknown
}

/**
 * One function per API method, each sending exactly one argument on its own
 * channel, plus `subscribe` and `onFlushRequest`. The page never gets
 * ipcRenderer itself, nor the IPC event object (whose `sender` would hand it
 * ipcRenderer back).
 */
export function buildBridge(ipc: RendererIpc): OffprintBridge {
  const methods = Object.fromEntries(
    apiMethods.map((method) => [
      method,
      (args: unknown): Promise<unknown> => ipc.invoke(channelFor(method), args),
    ]),
  )
  let announced = false
  function subscribe(listener: (event: LibraryEvent) => void): () => void {
    const handler = (_event: unknown, payload: LibraryEvent): void => listener(payload)
    ipc.on(EVENT_CHANNEL, handler)
    // Main holds back events meant for a page that is still loading (a file
    // opened at launch) until the first subscription. The page's first render
    // subscribes all its listeners in one pass, before main's answer can arrive.
    if (!announced) {
      announced = true
      ipc.send(LISTENING_CHANNEL)
    }
    return () => {
      ipc.removeListener(EVENT_CHANNEL, handler)
    }
  }

  // Every flusher the page registered runs; the answer goes back once all
  // settled (a failed save is the page's to show; main only waits).
  const flushers = new Set<() => Promise<void>>()
  // 'saving' at once tells main the page is alive, so a save slowed by a busy
  // disk is waited for longer than a page that never answers.
  ipc.on(FLUSH_CHANNEL, (_event: unknown, requestId: number) => {
    ipc.send(FLUSHED_CHANNEL, requestId, 'saving' satisfies FlushAnswer)
    void Promise.allSettled([...flushers].map((flush) => flush())).then(() =>
      ipc.send(FLUSHED_CHANNEL, requestId, 'saved' satisfies FlushAnswer),
    )
  })
  function onFlushRequest(flush: () => Promise<void>): () => void {
    const own = (): Promise<void> => flush()
    flushers.add(own)
    return () => {
      flushers.delete(own)
    }
  }
  return Object.freeze({ ...methods, subscribe, onFlushRequest }) as OffprintBridge
}
