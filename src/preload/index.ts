// Exposes the library API, and nothing else, as `window.offprint`.
import { contextBridge, ipcRenderer } from 'electron'
import { buildBridge } from './bridge'

contextBridge.exposeInMainWorld('offprint', buildBridge(ipcRenderer))
