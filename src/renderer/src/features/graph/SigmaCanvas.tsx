// A graphology graph drawn by sigma (WebGL) in a focusable box: click and
// hover on nodes, the title of the hovered node in a tooltip (text, never
// HTML), and the sigma instance handed out for the camera and for overlays.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { flushSync } from 'react-dom'
import type Graph from 'graphology'
import type { Attributes } from 'graphology-types'
import Sigma from 'sigma'
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types'
import { panByTransform } from './cssPan'
import { drawEdgesInSlices, sigmaKeepingEdges } from './edgeSlices'
import { FLAT_PROGRAMS } from './flatPrograms'
import type { GraphColours } from './graphStyle'

/** Sigma hands a reducer the item's attributes as it will draw them. */
export type NodeReducer = (node: string, data: Attributes) => Partial<NodeDisplayData>
export type EdgeReducer = (edge: string, data: Attributes) => Partial<EdgeDisplayData>

/** Nodes above which drawing favours speed over ordering and detail. */
const LARGE_GRAPH = 2000

/** Why WebGL cannot draw here (checked once), or undefined when it can. */
export const WEBGL_PROBLEM = ((): string | undefined => {
  const canvas = document.createElement('canvas')
  return canvas.getContext('webgl2') === null && canvas.getContext('webgl') === null
    ? 'this window has no WebGL'
    : undefined
})()

interface SigmaCanvasProps {
  graph: Graph
  colours: GraphColours
  label: string
  testId: string
  nodeReducer?: NodeReducer
  edgeReducer?: EdgeReducer
  onClickNode?(id: string): void
  onKeyDown?(event: KeyboardEvent<HTMLDivElement>): void
  /** The sigma instance once it draws (undefined when it is gone). */
  onSigma?(sigma: Sigma | undefined): void
  /** Labels of nodes drawn this size on screen or larger (default 6). */
  labelThreshold?: number
  children?: ReactNode
}

/**
 * Sigma over `graph` in `element`, as the graph views draw it: the nodes at
 * once, the edges kept for the slices (edgeSlices.ts).
 */
export function graphSigma(
  graph: Graph,
  element: HTMLElement,
  options: {
    labelColour: string
    labelThreshold: number
    nodeReducer?: NodeReducer | undefined
    edgeReducer?: EdgeReducer | undefined
  },
): Sigma {
  return sigmaKeepingEdges(
    () =>
      new Sigma(graph, element, {
        ...FLAT_PROGRAMS,
        defaultEdgeType: 'line',
        renderEdgeLabels: false,
        labelRenderedSizeThreshold: options.labelThreshold,
        labelColor: { color: options.labelColour },
        labelFont: 'system-ui, sans-serif',
        // A large graph: drawn in insertion order, and edges and labels left out while it moves.
        zIndex: graph.order <= LARGE_GRAPH,
        hideEdgesOnMove: graph.order > LARGE_GRAPH,
        hideLabelsOnMove: graph.order > LARGE_GRAPH,
        // The tooltip says the title; sigma's own hover box would repeat it.
        defaultDrawNodeHover: () => undefined,
        // Given now, so the first picture is the only full draw (setting them later draws again).
        nodeReducer: options.nodeReducer ?? null,
        edgeReducer: options.edgeReducer ?? null,
      }),
  )
}

interface Hovered {
  title: string
  x: number
  y: number
}

export function SigmaCanvas(props: SigmaCanvasProps) {
  const { graph, colours, nodeReducer, edgeReducer, onSigma, labelThreshold, testId } = props
  const container = useRef<HTMLDivElement>(null)
  const sigmaRef = useRef<Sigma | undefined>(undefined)
  const clickRef = useRef(props.onClickNode)
  useEffect(() => {
    clickRef.current = props.onClickNode
  }, [props.onClickNode])
  const [hovered, setHovered] = useState<Hovered | undefined>(undefined)
  // Nodes are drawn at once, edges in the frames after (edgeSlices.ts).
  const [edges, setEdges] = useState<'drawing' | 'drawn'>('drawing')
  // The reducers the graph is first drawn with (later ones are set on the instance).
  // (Kept by an effect run before the one that draws: effects run in order.)
  const reducers = useRef({ nodeReducer, edgeReducer })
  useEffect(() => {
    reducers.current = { nodeReducer, edgeReducer }
  }, [nodeReducer, edgeReducer])

  useEffect(() => {
    const element = container.current
    if (element === null || WEBGL_PROBLEM !== undefined) return
    setEdges('drawing')
    const sigma = graphSigma(graph, element, {
      labelColour: colours.label,
      labelThreshold: labelThreshold ?? 6,
      ...reducers.current,
    })
    sigmaRef.current = sigma
    performance.mark(`${testId}:nodes-drawn`)
    const stopSlices = drawEdgesInSlices(sigma, () => {
      performance.mark(`${testId}:edges-drawn`)
      setEdges('drawn')
    })
    // A large graph pans by moving its drawn layers, drawn again once on release.
    const pan = graph.order > LARGE_GRAPH ? panByTransform(sigma, element) : undefined
    sigma.on('clickNode', ({ node }) => {
      if (pan?.dragged() !== true) clickRef.current?.(node)
    })
    sigma.on('enterNode', ({ node }) => {
      if (element.classList.contains('panning')) return
      const at = sigma.graphToViewport({
        x: graph.getNodeAttribute(node, 'x') as number,
        y: graph.getNodeAttribute(node, 'y') as number,
      })
      const title = String(graph.getNodeAttribute(node, 'title') ?? '')
      // At once: left to React's scheduler, the title waited behind the map's other updates
      // (a quarter of a second on a 10k map opening without a GPU).
      flushSync(() => setHovered({ title, x: at.x, y: at.y }))
      element.style.cursor = 'pointer'
    })
    sigma.on('leaveNode', () => {
      setHovered(undefined)
      element.style.cursor = ''
    })
    onSigma?.(sigma)
    return () => {
      onSigma?.(undefined)
      stopSlices()
      pan?.dispose()
      sigmaRef.current = undefined
      sigma.kill()
    }
  }, [graph, onSigma, labelThreshold, colours.label, testId])

  useEffect(() => {
    const sigma = sigmaRef.current
    if (sigma === undefined) return
    // Each change of a reducer draws the whole graph again: only when one changed.
    const node = nodeReducer ?? null
    const edge = edgeReducer ?? null
    if (sigma.getSetting('nodeReducer') !== node) sigma.setSetting('nodeReducer', node)
    if (sigma.getSetting('edgeReducer') !== edge) sigma.setSetting('edgeReducer', edge)
  }, [nodeReducer, edgeReducer, graph])

  return (
    <div
      ref={container}
      className="graph-canvas"
      role="application"
      aria-label={props.label}
      aria-roledescription="graph"
      tabIndex={0}
      data-testid={testId}
      data-edges={edges}
      onKeyDown={props.onKeyDown}
    >
      {WEBGL_PROBLEM !== undefined && (
        <p className="pane-error" role="alert">
          The graph cannot be drawn here: {WEBGL_PROBLEM}.
        </p>
      )}
      {hovered !== undefined && (
        <div
          className="graph-tooltip"
          role="tooltip"
          data-testid="graph-tooltip"
          style={{ left: hovered.x + 12, top: hovered.y + 12 }}
        >
          {hovered.title}
        </div>
      )}
      {props.children}
    </div>
  )
}
