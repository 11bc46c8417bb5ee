// Asks the layout worker for positions: ids and edges in, id -> [x, y] out.
// One worker per layout, ended when it answers (a newer request does not wait
// for an older one: its worker is ended).
import type { GraphEdge, GraphPositions } from '../../../../shared/model'
import type { LayoutRequest } from './forceLayout'

export interface LayoutJob {
  done: Promise<GraphPositions>
  cancel(): void
}

export function layoutInWorker(
  ids: readonly string[],
  edges: readonly GraphEdge[],
  seed: GraphPositions,
  iterations: number,
): LayoutJob {
  const index = new Map(ids.map((id, i) => [id, i]))
  const pairs: number[] = []
  const weights: number[] = []
  for (const edge of edges) {
    const a = index.get(edge.source)
    const b = index.get(edge.target)
    if (a === undefined || b === undefined) continue
    pairs.push(a, b)
    weights.push(edge.kind === 'similar' ? (edge.strength ?? 0.1) * 2 : 1)
  }
  const seedArray = new Float64Array(ids.length * 2).fill(Number.NaN)
  for (const [i, id] of ids.entries()) {
    const point = seed[id]
    if (point === undefined) continue
    seedArray[2 * i] = point[0]
    seedArray[2 * i + 1] = point[1]
  }
  const request: LayoutRequest = {
    count: ids.length,
    edges: Int32Array.from(pairs),
    weights: Float32Array.from(weights),
    seed: seedArray,
    iterations,
  }
  const worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' })
  const done = new Promise<GraphPositions>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Float64Array>) => {
      worker.terminate()
      const positions: GraphPositions = {}
      for (const [i, id] of ids.entries()) {
        positions[id] = [event.data[2 * i] ?? 0, event.data[2 * i + 1] ?? 0]
      }
      resolve(positions)
    }
    worker.onerror = (event) => {
      worker.terminate()
      reject(new Error(`The layout failed: ${event.message}`))
    }
  })
  worker.postMessage(request, [request.edges.buffer, request.weights.buffer, request.seed.buffer])
  return { done, cancel: () => worker.terminate() }
}
