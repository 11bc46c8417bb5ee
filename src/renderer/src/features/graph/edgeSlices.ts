// A large graph's edges drawn in the frames after its nodes, a slice a frame.
// Without a GPU (SwiftShader) the 10k map's 31,000 edges take about half a
// second to fill; drawn in one frame they kept the window from answering.
// Sigma draws the nodes (and their picking layer, and the labels) at once;
// its edge programs (flatPrograms.ts) keep what sigma hands them, unwritten,
// and draw nothing until told; then each frame writes and draws the next slice of the edges onto
// the edge layer, which keeps what it has (preserveDrawingBuffer), program
// after program in sigma's order, so the finished picture is exactly the one
// sigma draws in one go. A render
// by sigma meanwhile (a camera move, a filter) clears the layer: the slices
// start again from the first. Once every slice is drawn, sigma draws edges
// as it always does.
import type Sigma from 'sigma'
import type { RenderParams } from 'sigma/types'

/** What an edge program does for the slices (FLAT_PROGRAMS' edge programs). */
export interface SliceableEdges {
  /** Draws items [from, to) of `count()` with the params of sigma's last render. */
  drawSlice(params: RenderParams, from: number, to: number, upload: boolean): void
  count(): number
  /** The edge layer's context (for the fence that paces the slices). */
  context(): WebGLRenderingContext | WebGL2RenderingContext
}

interface Slicing {
  programs: Set<SliceableEdges>
  /** True until every slice is drawn: the programs draw nothing when sigma renders. */
  deferred: boolean
  params: RenderParams | undefined
}

const slicings = new WeakMap<Sigma, Slicing>()

function slicingOf(sigma: Sigma): Slicing {
  let slicing = slicings.get(sigma)
  if (slicing === undefined) {
    slicing = { programs: new Set(), deferred: true, params: undefined }
    slicings.set(sigma, slicing)
  }
  return slicing
}

/** Called by an edge program as sigma makes it. */
export function joinSlices(sigma: Sigma, program: SliceableEdges): void {
  slicingOf(sigma).programs.add(program)
}

/** True while the slices are pending: an edge program keeps what sigma hands it for later. */
export function edgesDeferred(sigma: Sigma): boolean {
  return slicingOf(sigma).deferred
}

/**
 * Called by an edge program when sigma renders: true when the program should draw as usual,
 * false while the slices are pending (it draws nothing; the params are kept for the slices).
 */
export function drawsWithSigma(sigma: Sigma, params: RenderParams): boolean {
  const slicing = slicingOf(sigma)
  if (!slicing.deferred) return true
  slicing.params = params
  return false
}

/** Edges drawn a frame: about 50 ms of SwiftShader's work on the 10k map. */
export const EDGES_PER_SLICE = 4000

/** Makes sigma with its edge layer keeping its pixels between frames (the slices add up). */
export function sigmaKeepingEdges(make: () => Sigma): Sigma {
  const prototype = HTMLCanvasElement.prototype
  const getContext = prototype.getContext
  // Only for this synchronous call: sigma asks for each layer's context in its constructor.
  prototype.getContext = function (
    this: HTMLCanvasElement,
    kind: string,
    options?: WebGLContextAttributes,
  ) {
    const keep = this.classList.contains('sigma-edges')
    return getContext.call(this, kind, keep ? { ...options, preserveDrawingBuffer: true } : options)
  } as typeof getContext
  try {
    return make()
  } finally {
    prototype.getContext = getContext
  }
}

/**
 * Draws the edges sigma left out, a slice a frame (starting again after a render by sigma),
 * then lets sigma draw them; `onDrawn` once every edge is on the layer. Returns a stop.
 */
export function drawEdgesInSlices(sigma: Sigma, onDrawn: () => void): () => void {
  const slicing = slicingOf(sigma)
  let slice = 0
  let frame = 0
  // The GPU's work on the last slice: the next waits for it, so a hover or a click (which
  // reads the picking layer back) waits behind one slice at most, not behind all of them.
  let pending: { gl: WebGL2RenderingContext; fence: WebGLSync } | undefined
  const settled = (): boolean => {
    if (pending === undefined) return true
    const { gl, fence } = pending
    if (gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) return false
    gl.deleteSync(fence)
    pending = undefined
    return true
  }
  const restart = (): void => {
    if (slicing.deferred) slice = 0
  }
  sigma.on('afterRender', restart)
  const step = (): void => {
    if (!settled()) {
      frame = requestAnimationFrame(step)
      return
    }
    if (slice >= slicesOf(slicing)) {
      slicing.deferred = false
      sigma.off('afterRender', restart)
      frame = 0
      onDrawn()
      return
    }
    const params = slicing.params
    // The edges of every program one after another, in sigma's order: slice `slice` of them.
    const start = slice * EDGES_PER_SLICE
    const end = start + EDGES_PER_SLICE
    let offset = 0
    let gl: WebGLRenderingContext | WebGL2RenderingContext | undefined
    for (const program of slicing.programs) {
      const count = program.count()
      const from = Math.min(count, Math.max(0, start - offset))
      const to = Math.min(count, Math.max(0, end - offset))
      offset += count
      if (params === undefined || to <= from) continue
      program.drawSlice(params, from, to, from === 0)
      gl = program.context()
    }
    if (gl instanceof WebGL2RenderingContext) {
      const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0)
      gl.flush()
      if (fence !== null) pending = { gl, fence }
    }
    slice++
    frame = requestAnimationFrame(step)
  }
  // The first slice waits a frame: the nodes' frame goes to the GPU alone, so a hover or a
  // click then (it reads the picking layer back) waits for the nodes only.
  frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(step)
  })
  return () => {
    if (frame !== 0) cancelAnimationFrame(frame)
    if (pending !== undefined) pending.gl.deleteSync(pending.fence)
    sigma.off('afterRender', restart)
  }
}

/** How many slices the edges take. */
function slicesOf(slicing: Slicing): number {
  let total = 0
  for (const program of slicing.programs) total += program.count()
  return Math.max(1, Math.ceil(total / EDGES_PER_SLICE))
}
