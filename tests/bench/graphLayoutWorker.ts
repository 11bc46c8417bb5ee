// The bench's layout worker: the window's force layout (forceLayout.ts) in a
// Node worker thread, bundled by graph.bench.ts. Answers each request with
// the positions and the milliseconds the layout took inside the worker.
import { parentPort } from 'node:worker_threads'
import { forceLayout, type LayoutRequest } from '../../src/renderer/src/features/graph/forceLayout'

parentPort?.on('message', (request: LayoutRequest) => {
  const started = performance.now()
  const positions = forceLayout(request)
  parentPort?.postMessage({ positions, ms: performance.now() - started })
})
