// Panning a large graph without drawing it again at every frame: in software
// WebGL (no GPU) a full draw of 10,000 nodes takes seconds. While the mouse
// drags, the layers already drawn move with a CSS transform (the compositor's
// work, one frame each); on release the camera moves by the same distance and
// the graph is drawn once, where the layers were, and they come back to rest.
import type Sigma from 'sigma'
import type { MouseCoords } from 'sigma/types'

export interface CssPan {
  /** True from a drag's release until the next press: the click that ends a drag opens nothing. */
  dragged(): boolean
  dispose(): void
}

/** Pixels the mouse moves, button down, before a press becomes a drag. */
const DRAG_FROM_PX = 3

export function panByTransform(sigma: Sigma, container: HTMLElement): CssPan {
  const captor = sigma.getMouseCaptor()
  /** Where the press was: on the page (the mouse's moves) and in sigma's viewport. */
  let start: { page: { x: number; y: number }; viewport: { x: number; y: number } } | undefined
  let moved = false
  const rest = (): void => {
    container.classList.remove('panning')
    container.style.removeProperty('--pan-x')
    container.style.removeProperty('--pan-y')
  }
  const offset = (event: MouseEvent): { x: number; y: number } => ({
    x: event.clientX - (start?.page.x ?? event.clientX),
    y: event.clientY - (start?.page.y ?? event.clientY),
  })
  // Taken on the way down (capture): neither sigma's drag (a camera move drawn every frame)
  // nor its hover test (a read back from the GPU) runs while the layers move.
  const onMove = (event: MouseEvent): void => {
    if (start === undefined) return
    event.stopPropagation()
    event.preventDefault()
    const { x, y } = offset(event)
    if (!moved && Math.hypot(x, y) < DRAG_FROM_PX) return
    moved = true
    container.classList.add('panning')
    container.style.setProperty('--pan-x', `${x}px`)
    container.style.setProperty('--pan-y', `${y}px`)
  }
  const stopListening = (): void => {
    window.removeEventListener('mousemove', onMove, true)
    window.removeEventListener('mouseup', onUp, true)
  }
  // Sigma sees the release too (it ends its own press there); its camera is already where it goes.
  const onUp = (event: MouseEvent): void => {
    stopListening()
    const from = start
    const { x, y } = offset(event)
    start = undefined
    if (from === undefined || !moved) return
    const a = sigma.viewportToFramedGraph(from.viewport)
    const b = sigma.viewportToFramedGraph({ x: from.viewport.x + x, y: from.viewport.y + y })
    const camera = sigma.getCamera()
    // The layers leave their transform in the frame the camera's picture is drawn.
    sigma.once('afterRender', rest)
    camera.setState({ x: camera.x + a.x - b.x, y: camera.y + a.y - b.y })
  }
  const onDown = (event: MouseCoords): void => {
    moved = false
    const press = event.original
    if (!(press instanceof MouseEvent) || press.button !== 0) return
    start = { page: { x: press.clientX, y: press.clientY }, viewport: { x: event.x, y: event.y } }
    window.addEventListener('mousemove', onMove, true)
    window.addEventListener('mouseup', onUp, true)
  }
  captor.on('mousedown', onDown)
  return {
    dragged: () => moved,
    dispose() {
      captor.off('mousedown', onDown)
      stopListening()
      sigma.off('afterRender', rest)
      rest()
    },
  }
}
