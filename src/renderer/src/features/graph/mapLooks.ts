// How the library map shows a node: which filters let it through, its colour
// (by kind, collection, year or status) and its size (by links or upvotes),
// and the legend of the colours in use. Pure functions of the map's data.
import type { GraphNode, LibraryMap, ReadingStatus } from '../../../../shared/model'

export type ColourBy = 'kind' | 'collection' | 'year' | 'status'
export type SizeBy = 'links' | 'upvotes'

export interface MapFilters {
  collectionId: string
  tag: string
  /** Inclusive; undefined: open-ended. */
  yearFrom: number | undefined
  yearTo: number | undefined
  status: ReadingStatus | ''
  /** Ids matching the search query, or undefined without one. */
  matches: ReadonlySet<string> | undefined
}

export const NO_FILTERS: MapFilters = {
  collectionId: '',
  tag: '',
  yearFrom: undefined,
  yearTo: undefined,
  status: '',
  matches: undefined,
}

/** Whether the filters (all but the search, which highlights) let the node through. */
export function passesFilters(node: GraphNode, filters: MapFilters): boolean {
  const anyPaperFilter =
    filters.collectionId !== '' ||
    filters.tag !== '' ||
    filters.yearFrom !== undefined ||
    filters.yearTo !== undefined ||
    filters.status !== ''
  // A standalone note has no collection, tag, year or status: a paper filter hides it.
  if (node.kind === 'note') return !anyPaperFilter
  if (filters.collectionId !== '' && !(node.collectionIds ?? []).includes(filters.collectionId)) {
    return false
  }
  if (filters.tag !== '' && !(node.tags ?? []).includes(filters.tag)) return false
  if (filters.status !== '' && node.status !== filters.status) return false
  if (filters.yearFrom !== undefined && (node.year ?? -Infinity) < filters.yearFrom) return false
  if (filters.yearTo !== undefined && (node.year ?? Infinity) > filters.yearTo) return false
  return true
}

export interface LegendEntry {
  name: string
  colour: string
}

export interface Colouring {
  colourOf(node: GraphNode): string
  legend: LegendEntry[]
}

const STATUS_NAMES: Record<ReadingStatus, string> = {
  unread: 'Unread',
  reading: 'Reading',
  read: 'Read',
}

/** Colours for `colourBy`: up to `palette.length - 1` groups, the last colour for the rest. */
export function colouring(
  map: LibraryMap,
  colourBy: ColourBy,
  palette: readonly string[],
  kinds: { paper: string; note: string; none: string },
): Colouring {
  const other = palette[palette.length - 1] ?? kinds.none
  if (colourBy === 'kind') {
    return {
      colourOf: (node) => (node.kind === 'note' ? kinds.note : kinds.paper),
      legend: [
        { name: 'Paper', colour: kinds.paper },
        { name: 'Note', colour: kinds.note },
      ],
    }
  }
  if (colourBy === 'status') {
    const statuses: ReadingStatus[] = ['unread', 'reading', 'read']
    const colours = new Map(statuses.map((status, i) => [status, palette[i] ?? other]))
    return {
      colourOf: (node) =>
        node.status === undefined ? kinds.none : (colours.get(node.status) ?? other),
      legend: statuses.map((status) => ({
        name: STATUS_NAMES[status],
        colour: colours.get(status) ?? other,
      })),
    }
  }
  if (colourBy === 'year') {
    const years = [
      ...new Set(map.nodes.flatMap((node) => (node.year === undefined ? [] : [node.year]))),
    ].sort()
    // Years in up to palette.length bands of equal count, oldest first.
    const bands = Math.min(palette.length, years.length)
    const bandOf = new Map(years.map((year, i) => [year, Math.floor((i * bands) / years.length)]))
    const legend: LegendEntry[] = []
    for (let band = 0; band < bands; band++) {
      const inBand = years.filter((year) => bandOf.get(year) === band)
      const first = inBand[0]
      const last = inBand[inBand.length - 1]
      legend.push({
        name: first === last ? String(first) : `${first}–${last}`,
        colour: palette[band] ?? other,
      })
    }
    return {
      colourOf: (node) =>
        node.year === undefined ? kinds.none : (palette[bandOf.get(node.year) ?? 0] ?? other),
      legend,
    }
  }
  // By collection: the largest collections get their own colours.
  const counts = new Map<string, number>()
  for (const node of map.nodes) {
    for (const id of node.collectionIds ?? []) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  const names = new Map(map.collections.map((collection) => [collection.id, collection.name]))
  const own = [...counts.keys()]
    .sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))
    .slice(0, palette.length - 1)
  const colours = new Map(own.map((id, i) => [id, palette[i] ?? other]))
  const legend: LegendEntry[] = own.map((id) => ({
    name: names.get(id) ?? id,
    colour: colours.get(id) ?? other,
  }))
  if (counts.size > own.length) legend.push({ name: 'Other collections', colour: other })
  legend.push({ name: 'In no collection', colour: kinds.none })
  return {
    colourOf: (node) => {
      const first = (node.collectionIds ?? []).find((id) => colours.has(id))
      if (first !== undefined) return colours.get(first) ?? other
      return (node.collectionIds ?? []).length > 0 ? other : kinds.none
    },
    legend,
  }
}

/** Up to this many nodes a map draws them at full size; a larger one, smaller. */
const FULL_SIZE_NODES = 2000
/** The smallest share of full size: nodes stay large enough to hover. */
const SMALLEST_SCALE = 0.4

/**
 * Node sizes from 3 to 15 by links or upvotes, square-root scaled (a few giants
 * do not dwarf the rest). Past 2,000 nodes they shrink with the square root of
 * the count (to 0.4 of that at 12,500), so a large map shows its shape instead
 * of one disc of overlapping nodes; zooming in brings them apart.
 */
export function sizing(map: LibraryMap, sizeBy: SizeBy): (node: GraphNode) => number {
  const value = (node: GraphNode): number =>
    sizeBy === 'links' ? node.degree : (node.upvotes ?? 0)
  let largest = 1
  for (const node of map.nodes) largest = Math.max(largest, value(node))
  const scale = Math.max(
    SMALLEST_SCALE,
    Math.min(1, Math.sqrt(FULL_SIZE_NODES / Math.max(1, map.nodes.length))),
  )
  return (node) => scale * (3 + 12 * Math.sqrt(value(node) / largest))
}

/** Each cluster's centre on the map (the mean of its nodes' positions) and its number of nodes. */
export function clusterCentres(
  map: LibraryMap,
  positions: Readonly<Record<string, readonly [number, number]>>,
): { id: number; label: string; x: number; y: number; size: number }[] {
  return map.clusters.flatMap((cluster) => {
    let x = 0
    let y = 0
    let n = 0
    for (const id of cluster.nodeIds) {
      const point = positions[id]
      if (point === undefined) continue
      x += point[0]
      y += point[1]
      n++
    }
    return n === 0 || cluster.terms.length === 0
      ? []
      : [{ id: cluster.id, label: cluster.terms.join(' · '), x: x / n, y: y / n, size: n }]
  })
}
