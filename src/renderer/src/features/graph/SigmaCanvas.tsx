// A graphology graph drawn by sigma (WebGL) in a focusable box: click and
// hover on nodes, the title of the hovered node in a tooltip (text, never
// HTML), and the sigma instance handed out for the camera and for overlays.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type Graph from 'graphology'
import type { Attributes } from 'graphology-types'
import Sigma from 'sigma'
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types'
import type { GraphColours } from './graphStyle'

/** Sigma hands a reducer the item's attributes as it will draw them. */
export type NodeReducer = (node: string, data: Attributes) => Partial<NodeDisplayData>
export type EdgeReducer = (edge: string, data: Attributes) => Partial<EdgeDisplayData>

/** Nodes above which drawing favours speed over ordering and detail. */
const LARGE_GRAPH = 2000

/** Why WebGL cannot draw here (checked once), or undefined when it can. */
const WEBGL_PROBLEM = ((): string | undefined => {
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

interface Hovered {
  title: string
  x: number
  y: number
}

export function SigmaCanvas(props: SigmaCanvasProps) {
  const { graph, colours, nodeReducer, edgeReducer, onSigma, labelThreshold } = props
  const container = useRef<HTMLDivElement>(null)
  const sigmaRef = useRef<Sigma | undefined>(undefined)
  const clickRef = useRef(props.onClickNode)
  useEffect(() => {
    clickRef.current = props.onClickNode
  }, [props.onClickNode])
  const [hovered, setHovered] = useState<Hovered | undefined>(undefined)

  useEffect(() => {
    const element = container.current
    if (element === null || WEBGL_PROBLEM !== undefined) return
    const sigma = new Sigma(graph, element, {
      defaultEdgeType: 'line',
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: labelThreshold ?? 6,
      labelColor: { color: colours.label },
      labelFont: 'system-ui, sans-serif',
      // A large graph: drawn in insertion order, and edges and labels left out while it moves.
      zIndex: graph.order <= LARGE_GRAPH,
      hideEdgesOnMove: graph.order > LARGE_GRAPH,
      hideLabelsOnMove: graph.order > LARGE_GRAPH,
      // The tooltip says the title; sigma's own hover box would repeat it.
      defaultDrawNodeHover: () => undefined,
    })
    sigmaRef.current = sigma
    sigma.on('clickNode', ({ node }) => clickRef.current?.(node))
    sigma.on('enterNode', ({ node }) => {
      const at = sigma.graphToViewport({
        x: graph.getNodeAttribute(node, 'x') as number,
        y: graph.getNodeAttribute(node, 'y') as number,
      })
      const title = String(graph.getNodeAttribute(node, 'title') ?? '')
      setHovered({ title, x: at.x, y: at.y })
      element.style.cursor = 'pointer'
    })
    sigma.on('leaveNode', () => {
      setHovered(undefined)
      element.style.cursor = ''
    })
    onSigma?.(sigma)
    return () => {
      onSigma?.(undefined)
      sigmaRef.current = undefined
      sigma.kill()
    }
  }, [graph, onSigma, labelThreshold, colours.label])

  useEffect(() => {
    const sigma = sigmaRef.current
    if (sigma === undefined) return
    sigma.setSetting('nodeReducer', nodeReducer ?? null)
    sigma.setSetting('edgeReducer', edgeReducer ?? null)
  }, [nodeReducer, edgeReducer, graph])

  return (
    <div
      ref={container}
      className="graph-canvas"
      role="application"
      aria-label={props.label}
      aria-roledescription="graph"
      tabIndex={0}
      data-testid={props.testId}
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
