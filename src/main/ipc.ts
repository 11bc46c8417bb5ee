import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { apiMethods, channelFor, type ApiResponse } from '../shared/api'
import type { createDispatcher } from './library/dispatch'
import { isTrustedSender } from './window/navigationRules'

/**
 * Binds every API method to one ipcMain.handle channel. Validation and error
 * mapping live in the dispatcher (shared with the browser test harness); this
 * file only adds the Electron-specific sender check.
 */
export function registerIpc(
  dispatch: ReturnType<typeof createDispatcher>,
  devServerUrl: string | undefined,
): void {
  for (const method of apiMethods) {
    ipcMain.handle(
      channelFor(method),
      async (event: IpcMainInvokeEvent, args: unknown): Promise<ApiResponse<unknown>> => {
        const frameUrl = event.senderFrame?.url ?? ''
        if (!isTrustedSender(frameUrl, devServerUrl)) {
          return { ok: false, error: { code: 'internal', message: 'Untrusted sender' } }
        }
        return dispatch(method, args)
      },
    )
  }
}
