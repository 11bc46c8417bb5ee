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
  let start: { x: number; y: number } | undefined
  let moved = false
  const rest = (): void => {
    container.classList.remove('panning')
    container.style.removeProperty('--pan-x')
    container.style.removeProperty('--pan-y')
  }
  const onDown = (event: MouseCoords): void => {
    moved = false
    if (!(event.original instanceof MouseEvent) || event.original.button !== 0) return
    start = { x: event.x, y: event.y }
  }
  const onMove = (event: MouseCoords): void => {
    if (start === undefined) return
    // Sigma's own drag would move the camera and draw every frame.
    event.preventSigmaDefault()
    event.original.preventDefault()
    const dx = event.x - start.x
    const dy = event.y - start.y
    if (!moved && Math.hypot(dx, dy) < DRAG_FROM_PX) return
    moved = true
    container.classList.add('panning')
    container.style.setProperty('--pan-x', `${dx}px`)
    container.style.setProperty('--pan-y', `${dy}px`)
  }
  const onUp = (event: MouseCoords): void => {
    const from = start
    start = undefined
    if (from === undefined || !moved) return
    const a = sigma.viewportToFramedGraph(from)
    const b = sigma.viewportToFramedGraph({ x: event.x, y: event.y })
    const camera = sigma.getCamera()
    // The layers leave their transform in the frame the camera's picture is drawn.
    sigma.once('afterRender', rest)
    camera.setState({ x: camera.x + a.x - b.x, y: camera.y + a.y - b.y })
  }
  captor.on('mousedown', onDown)
  captor.on('mousemovebody', onMove)
  captor.on('mouseup', onUp)
  return {
    dragged: () => moved,
    dispose() {
      captor.off('mousedown', onDown)
      captor.off('mousemovebody', onMove)
      captor.off('mouseup', onUp)
      sigma.off('afterRender', rest)
      rest()
    },
  }
}
