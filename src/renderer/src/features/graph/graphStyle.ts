// How the graph looks: each edge kind's name, colour and line, and the palette
// nodes are coloured from, read from the theme's CSS variables (graph.css), so
// the WebGL canvas follows the light and dark themes like the rest of the window.
import { useEffect, useState } from 'react'
import type { GraphEdgeKind } from '../../../../shared/model'

export const EDGE_KIND_NAMES: Record<GraphEdgeKind, string> = {
  'wiki-link': 'Link',
  relation: 'Relation',
  similar: 'Similar',
  citation: 'Citation',
}

/** Line widths by kind: relations drawn by hand stand out, similarity is faint. */
export const EDGE_SIZES: Record<GraphEdgeKind, number> = {
  'wiki-link': 1.5,
  relation: 2.5,
  similar: 1,
  citation: 1.5,
}

/** Kinds with a direction get an arrow; similarity has none. */
export function edgeProgram(kind: GraphEdgeKind): 'arrow' | 'line' {
  return kind === 'similar' ? 'line' : 'arrow'
}

export interface GraphColours {
  edges: Record<GraphEdgeKind, string>
  paper: string
  note: string
  label: string
  muted: string
  highlight: string
  /** Colours of groups (collections, years, statuses), in order. */
  groups: string[]
}

/** The theme's graph colours now. */
export function readColours(): GraphColours {
  const style = getComputedStyle(document.documentElement)
  const colour = (name: string): string => style.getPropertyValue(name).trim() || '#888888'
  return {
    edges: {
      'wiki-link': colour('--graph-link'),
      relation: colour('--graph-relation'),
      similar: colour('--graph-similar'),
      citation: colour('--graph-citation'),
    },
    paper: colour('--graph-paper'),
    note: colour('--graph-note'),
    label: colour('--text'),
    muted: colour('--graph-muted'),
    highlight: colour('--graph-highlight'),
    groups: Array.from({ length: 8 }, (_, i) => colour(`--graph-group-${i + 1}`)),
  }
}

/** The theme's graph colours, read again when the theme changes. */
export function useGraphColours(): GraphColours {
  const [colours, setColours] = useState(readColours)
  useEffect(() => {
    const observer = new MutationObserver(() => setColours(readColours()))
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    })
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const onChange = (): void => setColours(readColours())
    media.addEventListener('change', onChange)
    return () => {
      observer.disconnect()
      media.removeEventListener('change', onChange)
    }
  }, [])
  return colours
}
