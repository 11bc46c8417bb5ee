// The browser harness's stand-in for the preload script: builds `window.offprint`
// from the same method list, each call going to Node through one Playwright
// binding that runs the very dispatcher Electron's ipc.ts uses (its answer
// comes back as JSON text, see launchApp.ts).
import { apiMethods } from '../../../src/shared/api'

export const INVOKE_BINDING = '__offprintInvoke'
export const EMIT_FUNCTION = '__offprintEmit'
/** Runs the page's flushers as main does before quitting; resolves when all settled. */
export const FLUSH_FUNCTION = '__offprintFlush'

export function bridgeScript(): string {
  return `(() => {
    const listeners = new Set()
    const flushers = new Set()
    const bridge = {
      subscribe(listener) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      onFlushRequest(flush) {
        const own = () => flush()
        flushers.add(own)
        return () => flushers.delete(own)
      },
    }
    for (const method of ${JSON.stringify(apiMethods)}) {
      bridge[method] = (args) =>
        window.${INVOKE_BINDING}(method, args).then((text) => (text === undefined ? undefined : JSON.parse(text)))
    }
    Object.defineProperty(window, 'offprint', { value: Object.freeze(bridge) })
    Object.defineProperty(window, '${EMIT_FUNCTION}', {
      value: (event) => listeners.forEach((listener) => listener(event)),
    })
    Object.defineProperty(window, '${FLUSH_FUNCTION}', {
      value: () => Promise.allSettled([...flushers].map((flush) => flush())).then(() => undefined),
    })
  })()`
}
