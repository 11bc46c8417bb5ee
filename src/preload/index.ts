// Exposes the library API, and nothing else, as `window.offprint`. The bridge is
// built from the contract's method list, so no method is written out twice.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  apiMethods,
  channelFor,
  EVENT_CHANNEL,
  LISTENING_CHANNEL,
  type OffprintBridge,
} from '../shared/api'
import type { LibraryEvent } from '../shared/model'

const methods = Object.fromEntries(
  apiMethods.map((method) => [
    method,
    (args: unknown): Promise<unknown> => ipcRenderer.invoke(channelFor(method), args),
  ]),
)

let announced = false

function subscribe(listener: (event: LibraryEvent) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: LibraryEvent): void => listener(payload)
  ipcRenderer.on(EVENT_CHANNEL, handler)
  // Main holds back events meant for a page that is still loading (a file
  // opened at launch) until the first subscription. The page's first render
  // subscribes all its listeners in one pass, before main's answer can arrive.
  if (!announced) {
    announced = true
    ipcRenderer.send(LISTENING_CHANNEL)
  }
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler)
}

const bridge = { ...methods, subscribe } as OffprintBridge
contextBridge.exposeInMainWorld('offprint', bridge)
