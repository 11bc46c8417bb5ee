// The layout worker: a Web Worker served from the app's own origin (the CSP's
// worker-src 'self'), so a force layout of thousands of nodes never holds up
// the window's main thread.
import { forceLayout, type LayoutRequest } from './forceLayout'

interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null
  postMessage(message: Float64Array, transfer: Transferable[]): void
}

const scope = globalThis as unknown as WorkerScope
scope.onmessage = (event) => {
  const positions = forceLayout(event.data)
  scope.postMessage(positions, [positions.buffer])
}
