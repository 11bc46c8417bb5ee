import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron'
import { apiMethods, channelFor, LISTENING_CHANNEL, type ApiResponse } from '../../shared/api'
import type { ApiDispatch } from '../core/kernel/dispatch'
import { isTrustedSender, type IpcSender } from './window/navigationRules'

/**
 * Binds every API method to one ipcMain.handle channel. Validation and error
 * mapping live in the dispatcher (shared with the browser test harness); this
 * file only adds the Electron-specific sender check.
 */
export function registerIpc(dispatch: ApiDispatch, appPageUrl: string): void {
  for (const method of apiMethods) {
    ipcMain.handle(
      channelFor(method),
      async (event: IpcMainInvokeEvent, args: unknown): Promise<ApiResponse<unknown>> => {
        if (!isTrustedSender(senderOf(event), appPageUrl)) {
          return { ok: false, error: { code: 'internal', message: 'Untrusted sender' } }
        }
        return dispatch(method, args)
      },
    )
  }
}

/** Calls `onListening` each time the app's page subscribes to events. */
export function onPageListening(appPageUrl: string, onListening: () => void): void {
  ipcMain.on(LISTENING_CHANNEL, (event: IpcMainEvent) => {
    if (isTrustedSender(senderOf(event), appPageUrl)) onListening()
  })
}

/** Who sent an IPC message: its frame's URL and whether it is the top frame. */
export function senderOf(event: IpcMainInvokeEvent | IpcMainEvent): IpcSender {
  const frame = event.senderFrame
  return { url: frame?.url ?? '', isMainFrame: frame !== null && frame.parent === null }
}
