/// <reference types="vite/client" />
import type { OffprintBridge } from '../../shared/api'

declare global {
  interface Window {
    /** Exposed by the preload script (or by the browser test harness). */
    offprint: OffprintBridge
  }
}
