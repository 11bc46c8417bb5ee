// The library map: every paper and standalone note as a node, laid out by the
// force layout (in the worker, then kept in the library folder), filtered by
// collection, tag, year and status, coloured by kind, collection, year or
// status, sized by links or upvotes; a search highlights its matches and
// zooms to them; clusters carry their most distinctive words. Click a node to
// open it; Escape closes the map.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import type Sigma from 'sigma'
import type { GraphEdgeKind, LibraryMap as LibraryMapData } from '../../../../shared/model'
import { GRAPH_EDGE_KINDS } from '../../../../shared/model'
import { answerOf } from '../../data/answerOf'
import { libraryQueries } from '../../data/libraryQueries'
import type { Destination } from '../navigation/linkDestination'
import { KindToggles } from './graphControls'
import { useGraphColours } from './graphStyle'
import { MAP_LABEL_THRESHOLD, mapGraph } from './mapGraphs'
import { MapControls, type MapSettings } from './MapControls'
import { useClusterLabels } from './mapLabels'
import { colouring, passesFilters, sizing } from './mapLooks'
import { SigmaCanvas, type EdgeReducer, type NodeReducer } from './SigmaCanvas'
import { useMapLayout } from './useMapLayout'
import './graph.css'

const START: MapSettings = {
  filters: { collectionId: '', tag: '', yearFrom: undefined, yearTo: undefined, status: '' },
  query: '',
  colourBy: 'kind',
  sizeBy: 'links',
}

interface LibraryMapProps {
  onOpen(destination: Destination): void
  onClose(): void
}

export function LibraryMap({ onOpen, onClose }: LibraryMapProps) {
  const loaded = answerOf(useQuery(libraryQueries.libraryMap()))
  const map = loaded !== undefined && 'value' in loaded ? loaded.value : undefined
  const layout = useMapLayout(map)

  // Escape closes the map wherever the focus is (the panes it replaced may have held it).
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      event.preventDefault()
      onClose()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [onClose])

  return (
    <section className="library-map" aria-label="Library map" data-testid="library-map">
      <header>
        <h2>Library map</h2>
        <span className="graph-status" aria-live="polite" data-testid="map-status">
          {map === undefined
            ? 'Reading the library…'
            : `${map.nodes.length} nodes, ${map.edges.length} edges · ${STATE_WORDS[layout.state]}`}
        </span>
        <button type="button" onClick={onClose} data-testid="map-close">
          Close map
        </button>
      </header>
      {loaded !== undefined && 'error' in loaded && (
        <p className="pane-error" role="alert">
          Could not draw the map: {loaded.error}
        </p>
      )}
      {map !== undefined && layout.positions !== undefined && (
        <MapPicture map={map} positions={layout.positions} onOpen={onOpen} />
      )}
    </section>
  )
}

const STATE_WORDS: Record<ReturnType<typeof useMapLayout>['state'], string> = {
  saved: 'layout from the library folder',
  'laying-out': 'laying out…',
  'laid-out': 'laid out and saved',
  'not-saved': 'laid out (not saved)',
}

interface MapPictureProps {
  map: LibraryMapData
  positions: Readonly<Record<string, [number, number]>>
  onOpen(destination: Destination): void
}

function MapPicture({ map, positions, onOpen }: MapPictureProps) {
  const colours = useGraphColours()
  const [settings, setSettings] = useState<MapSettings>(START)
  const [kinds, setKinds] = useState<ReadonlySet<GraphEdgeKind>>(() => new Set(GRAPH_EDGE_KINDS))
  const [sigma, setSigma] = useState<Sigma | undefined>(undefined)
  const matches = useMatches(settings.query)
  const filters = useMemo(() => ({ ...settings.filters, matches }), [settings.filters, matches])

  const graph = useMemo(() => {
    // Marks for the bench's breakdown of an opening (npm run bench:graph).
    performance.mark('library-map:answer')
    const built = mapGraph(map, positions, colours)
    performance.mark('library-map:graph-built')
    return built
  }, [map, positions, colours])
  const byId = useMemo(() => new Map(map.nodes.map((node) => [node.id, node])), [map])
  const colourBy = useMemo(
    () =>
      colouring(map, settings.colourBy, colours.groups, {
        paper: colours.paper,
        note: colours.note,
        none: colours.muted,
      }),
    [map, settings.colourBy, colours],
  )
  const sizeOf = useMemo(() => sizing(map, settings.sizeBy), [map, settings.sizeBy])
  const shown = useMemo(
    () => new Set(map.nodes.filter((node) => passesFilters(node, filters)).map((node) => node.id)),
    [map, filters],
  )

  const nodeReducer = useCallback<NodeReducer>(
    (id, data) => {
      const node = byId.get(id)
      if (node === undefined || !shown.has(id)) return { ...data, hidden: true }
      const look = { ...data, color: colourBy.colourOf(node), size: sizeOf(node) }
      if (matches === undefined) return look
      return matches.has(id)
        ? { ...look, highlighted: true, forceLabel: true, zIndex: 1 }
        : { ...look, color: colours.muted, label: '', zIndex: 0 }
    },
    [byId, shown, colourBy, sizeOf, matches, colours.muted],
  )
  // None when every kind and every node is shown: 31,000 edges drawn as they are, unasked.
  const edgeReducer = useMemo<EdgeReducer | undefined>(() => {
    if (kinds.size === GRAPH_EDGE_KINDS.length && shown.size === map.nodes.length) return undefined
    return (id, data) => {
      const hidden =
        !kinds.has(graph.getEdgeAttribute(id, 'kind') as GraphEdgeKind) ||
        !shown.has(graph.source(id)) ||
        !shown.has(graph.target(id))
      return hidden ? { ...data, hidden: true } : data
    }
  }, [graph, kinds, shown, map.nodes.length])

  useZoomTo(sigma, matches, positions)
  const labels = useClusterLabels(sigma, map, positions)

  const open = useCallback(
    (id: string) => {
      const node = byId.get(id)
      if (node !== undefined)
        onOpen(node.kind === 'note' ? { kind: 'note', id } : { kind: 'paper', id })
    },
    [byId, onOpen],
  )

  return (
    <>
      <MapControls map={map} settings={settings} onChange={setSettings} legend={colourBy.legend} />
      <KindToggles kinds={kinds} onChange={setKinds} />
      <p className="graph-status" aria-live="polite" data-testid="map-shown">
        {`${shown.size} of ${map.nodes.length} shown`}
        {matches === undefined
          ? ''
          : ` · ${[...matches].filter((id) => shown.has(id)).length} match the search`}
      </p>
      <SigmaCanvas
        graph={graph}
        colours={colours}
        label="Library map"
        testId="library-map-canvas"
        nodeReducer={nodeReducer}
        edgeReducer={edgeReducer}
        onClickNode={open}
        onSigma={setSigma}
        labelThreshold={MAP_LABEL_THRESHOLD}
      >
        {labels.map((label) => (
          <span
            key={label.id}
            className="map-cluster-label"
            data-testid="map-cluster-label"
            style={{ left: label.x, top: label.y }}
          >
            {label.text}
          </span>
        ))}
      </SigmaCanvas>
    </>
  )
}

/** The papers and standalone notes a search finds; undefined without a query. */
function useMatches(query: string): ReadonlySet<string> | undefined {
  const trimmed = query.trim()
  const papers = useQuery({ ...libraryQueries.paperIdsMatching(trimmed), enabled: trimmed !== '' })
  const notes = useQuery({ ...libraryQueries.notes(trimmed), enabled: trimmed !== '' })
  return useMemo(() => {
    if (trimmed === '' || papers.data === undefined) return undefined
    return new Set([...papers.data, ...(notes.data ?? []).map((note) => note.id)])
  }, [trimmed, papers.data, notes.data])
}

/** Moves the camera to frame the matches of a search. */
function useZoomTo(
  sigma: Sigma | undefined,
  matches: ReadonlySet<string> | undefined,
  positions: Readonly<Record<string, [number, number]>>,
): void {
  const searched = useRef(false)
  useEffect(() => {
    if (sigma === undefined) return
    const camera = sigma.getCamera()
    if (matches === undefined || matches.size === 0) {
      // Back to the whole map only after a search: an animation is many full frames to draw.
      if (searched.current) void camera.animatedReset({ duration: 300 })
      searched.current = false
      return
    }
    searched.current = true
    // Each match in the camera's (framed) coordinates, converted through a camera at rest
    // (the current one may be mid-animation).
    const still = { cameraState: { x: 0.5, y: 0.5, ratio: 1, angle: 0 } }
    const points = [...matches].flatMap((id) => {
      const at = positions[id]
      if (at === undefined) return []
      return [
        sigma.viewportToFramedGraph(sigma.graphToViewport({ x: at[0], y: at[1] }, still), still),
      ]
    })
    if (points.length === 0) return
    const xs = points.map((point) => point.x)
    const ys = points.map((point) => point.y)
    const width = Math.max(...xs) - Math.min(...xs)
    const height = Math.max(...ys) - Math.min(...ys)
    void camera.animate(
      {
        x: (Math.max(...xs) + Math.min(...xs)) / 2,
        y: (Math.max(...ys) + Math.min(...ys)) / 2,
        ratio: Math.min(1, Math.max(0.2, Math.max(width, height) * 1.4)),
      },
      { duration: 400 },
    )
  }, [sigma, matches, positions])
}
