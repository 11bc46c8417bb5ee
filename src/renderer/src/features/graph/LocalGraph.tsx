// The local graph beside a paper or note: it in the middle, its neighbours to
// the depth chosen (1–3), edges by kind with a legend that toggles them. Click
// a node (or move to it with the arrow keys and press Enter) to open it, a
// back step like any link; hover shows its title. Nodes keep the place they
// had, so moving between neighbours does not reshuffle the picture. The list
// under the graph says the same for screen readers.
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import type Sigma from 'sigma'
import type {
  GraphEdgeKind,
  GraphNode,
  GraphPositions,
  LocalGraph as LocalGraphData,
} from '../../../../shared/model'
import { GRAPH_EDGE_KINDS } from '../../../../shared/model'
import { answerOf } from '../../data/answerOf'
import { libraryQueries } from '../../data/libraryQueries'
import type { Destination } from '../navigation/linkDestination'
import { KindToggles } from './graphControls'
import { drawableGraph, edgeWords } from './graphModel'
import { useGraphColours } from './graphStyle'
import { layoutInWorker } from './layoutClient'
import { neighbourInDirection } from './neighbourInDirection'
import { SigmaCanvas, type NodeReducer } from './SigmaCanvas'
import './graph.css'

/** Where each node was last drawn, in any local graph: the next one starts from there. */
const remembered: GraphPositions = {}
const LAYOUT_ITERATIONS = { fresh: 150, settled: 30 }

interface LocalGraphProps {
  kind: 'paper' | 'note'
  id: string
  onOpen(destination: Destination): void
}

export function LocalGraph({ kind, id, onOpen }: LocalGraphProps) {
  const [depth, setDepth] = useState(1)
  const [kinds, setKinds] = useState<ReadonlySet<GraphEdgeKind>>(() => new Set(GRAPH_EDGE_KINDS))
  const args = { kind, id, depth, kinds: GRAPH_EDGE_KINDS.filter((k) => kinds.has(k)) }
  const loaded = answerOf(useQuery(libraryQueries.localGraph(args)))
  const data = loaded !== undefined && 'value' in loaded ? loaded.value : undefined
  const laidOut = useLaidOut(data)
  const colours = useGraphColours()
  const [focused, setFocused] = useState<string | undefined>(undefined)
  const [sigma, setSigma] = useState<Sigma | undefined>(undefined)
  const center = data?.center
  const current = focused !== undefined && laidOut?.nodes.has(focused) === true ? focused : center

  const graph = useMemo(() => {
    if (data === undefined || laidOut === undefined) return undefined
    return drawableGraph(data.nodes, data.edges, laidOut.positions, colours, (node) => ({
      color: node.kind === 'note' ? colours.note : colours.paper,
      size: node.id === data.center ? 12 : 6 + Math.min(6, node.degree),
    }))
  }, [data, laidOut, colours])

  const nodeReducer = useCallback<NodeReducer>(
    (node, shown) =>
      node === current
        ? { ...shown, highlighted: true, color: colours.highlight, forceLabel: true }
        : shown,
    [current, colours.highlight],
  )

  const open = useCallback(
    (nodeId: string) => {
      const node = laidOut?.nodes.get(nodeId)
      if (node === undefined || nodeId === center) return
      onOpen(node.kind === 'note' ? { kind: 'note', id: nodeId } : { kind: 'paper', id: nodeId })
    },
    [laidOut, center, onOpen],
  )

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (data === undefined || current === undefined) return
    if (event.key === 'Enter') {
      event.preventDefault()
      open(current)
      return
    }
    const direction = ARROWS[event.key]
    if (direction === undefined || sigma === undefined) return
    event.preventDefault()
    const next = neighbourInDirection(current, data.edges, direction, (nodeId) => {
      const point = laidOut?.positions[nodeId]
      return point === undefined ? undefined : sigma.graphToViewport({ x: point[0], y: point[1] })
    })
    if (next !== undefined) setFocused(next)
  }

  const titleOf = (nodeId: string): string => laidOut?.nodes.get(nodeId)?.title ?? nodeId
  const focusedNode = current === undefined ? undefined : laidOut?.nodes.get(current)
  return (
    <section className="connections local-graph" aria-label="Local graph" data-testid="local-graph">
      <h2>Local graph</h2>
      <div className="graph-controls">
        <label>
          Depth
          <select
            value={depth}
            onChange={(event) => setDepth(Number(event.target.value))}
            data-testid="graph-depth"
          >
            {[1, 2, 3].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <KindToggles kinds={kinds} onChange={setKinds} />
      </div>
      {loaded !== undefined && 'error' in loaded && (
        <p className="pane-error" role="alert">
          Could not draw the graph: {loaded.error}
        </p>
      )}
      {graph === undefined ? (
        <p className="muted">Laying out…</p>
      ) : (
        <SigmaCanvas
          graph={graph}
          colours={colours}
          label="Local graph: arrow keys move between neighbours, Enter opens"
          testId="local-graph-canvas"
          nodeReducer={nodeReducer}
          onClickNode={open}
          onKeyDown={onKeyDown}
          onSigma={setSigma}
          labelThreshold={0}
        />
      )}
      <p className="graph-status" aria-live="polite" data-testid="graph-focused">
        {focusedNode === undefined ? '' : `${focusedNode.title} (${focusedNode.kind})`}
      </p>
      {data !== undefined && <NeighbourList data={data} titleOf={titleOf} onOpen={open} />}
    </section>
  )
}

const ARROWS: Record<string, 'left' | 'right' | 'up' | 'down' | undefined> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
}

interface LaidOut {
  positions: GraphPositions
  nodes: Map<string, GraphNode>
}

/** The graph's positions from the layout worker, starting from where its nodes were drawn before. */
function useLaidOut(data: LocalGraphData | undefined): LaidOut | undefined {
  const [laidOut, setLaidOut] = useState<LaidOut | undefined>(undefined)
  useEffect(() => {
    if (data === undefined) return
    const ids = data.nodes.map((node) => node.id)
    const known = ids.filter((id) => remembered[id] !== undefined).length
    const job = layoutInWorker(
      ids,
      data.edges,
      remembered,
      known * 2 >= ids.length ? LAYOUT_ITERATIONS.settled : LAYOUT_ITERATIONS.fresh,
    )
    job.done.then(
      (positions) => {
        Object.assign(remembered, positions)
        setLaidOut({ positions, nodes: new Map(data.nodes.map((node) => [node.id, node])) })
      },
      () => undefined,
    )
    return job.cancel
  }, [data])
  return laidOut
}

interface NeighbourListProps {
  data: LocalGraphData
  titleOf(id: string): string
  onOpen(id: string): void
}

/** The graph as a list: each node by depth, with its edges in words. */
function NeighbourList({ data, titleOf, onOpen }: NeighbourListProps) {
  const others = data.nodes
    .filter((node) => node.id !== data.center)
    .sort((a, b) => (a.depth ?? 0) - (b.depth ?? 0) || a.title.localeCompare(b.title))
  if (others.length === 0) {
    return <p className="muted">Nothing is linked, related or similar to this yet.</p>
  }
  return (
    <ul className="graph-list" aria-label="Graph as a list" data-testid="graph-list">
      {others.map((node) => (
        <li key={node.id} data-testid="graph-list-item">
          <button type="button" className="link-button" onClick={() => onOpen(node.id)}>
            <span className={`kind-badge kind-${node.kind}`}>
              {node.kind === 'note' ? 'Note' : 'Paper'}
            </span>
            {node.title}
          </button>
          <span className="graph-edges">
            {node.depth === 1 ? '' : `${node.depth ?? '?'} steps · `}
            {data.edges
              .filter((edge) => edge.source === node.id || edge.target === node.id)
              .map((edge) => edgeWords(edge, node.id, titleOf))
              .join('; ')}
          </span>
        </li>
      ))}
    </ul>
  )
}
