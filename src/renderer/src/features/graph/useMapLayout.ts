// The library map's positions: the saved layout when it is current (the map
// opens at once), else a layout from the worker, starting from the saved
// positions so a library that changed a little keeps its shape, then saved
// in the library folder for next time.
import { useEffect, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { GraphPositions, LibraryMap } from '../../../../shared/model'
import { api } from '../../data/client'
import { libraryQueries } from '../../data/libraryQueries'
import { clusterSeed } from './clusterSeed'
import { layoutInWorker } from './layoutClient'
import { layoutIterations } from './layoutIterations'

export interface MapLayout {
  positions: GraphPositions | undefined
  /** What the window is doing about it, for the status line. */
  state: 'saved' | 'laying-out' | 'laid-out' | 'not-saved'
}

export function useMapLayout(map: LibraryMap | undefined): MapLayout {
  const [computed, setComputed] = useState<{
    key: string
    positions: GraphPositions
    saved: boolean
  }>()
  const current = map?.layoutCurrent === true
  const queryClient = useQueryClient()
  const saved = useRef<{ map: LibraryMap; positions: GraphPositions } | undefined>(undefined)
  // Once the map closes, the answer the window keeps says the layout is saved, so the next
  // opening draws it at once (told now, not while open: a new answer would draw it all again).
  useEffect(
    () => () => {
      const done = saved.current
      const key = libraryQueries.libraryMap().queryKey
      if (done === undefined || queryClient.getQueryData(key) !== done.map) return
      queryClient.setQueryData(key, { ...done.map, positions: done.positions, layoutCurrent: true })
    },
    [queryClient],
  )
  useEffect(() => {
    if (map === undefined || current) return
    const ids = map.nodes.map((node) => node.id)
    const seeded = Object.keys(map.positions).length
    // No saved layout to start from: the clusters give the first picture.
    const seed = seeded > 0 ? map.positions : clusterSeed(map)
    const job = layoutInWorker(ids, map.edges, seed, layoutIterations(ids.length, seeded))
    let live = true
    job.done.then(
      async (positions) => {
        if (!live) return
        const rounded = roundPositions(positions)
        setComputed({ key: map.layoutKey, positions: rounded, saved: false })
        const answer = await api
          .saveGraphLayout({ layoutKey: map.layoutKey, positions: rounded })
          .catch(() => ({ saved: false }))
        if (live && answer.saved) {
          saved.current = { map, positions: rounded }
          setComputed({ key: map.layoutKey, positions: rounded, saved: true })
        }
      },
      () => undefined,
    )
    return () => {
      live = false
      job.cancel()
    }
  }, [map, current])
  if (map === undefined) return { positions: undefined, state: 'laying-out' }
  if (current) return { positions: map.positions, state: 'saved' }
  if (computed?.key !== map.layoutKey) return { positions: undefined, state: 'laying-out' }
  return { positions: computed.positions, state: computed.saved ? 'laid-out' : 'not-saved' }
}

/** Positions to three decimals of the layout's scale: a smaller file, the same picture. */
function roundPositions(positions: GraphPositions): GraphPositions {
  const rounded: GraphPositions = {}
  for (const [id, [x, y]] of Object.entries(positions)) {
    rounded[id] = [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]
  }
  return rounded
}
