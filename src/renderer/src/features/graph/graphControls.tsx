// The controls both graph views share: the legend with a toggle per edge kind.
import type { GraphEdgeKind } from '../../../../shared/model'
import { GRAPH_EDGE_KINDS } from '../../../../shared/model'
import { EDGE_KIND_NAMES } from './graphStyle'

interface KindTogglesProps {
  kinds: ReadonlySet<GraphEdgeKind>
  onChange(kinds: ReadonlySet<GraphEdgeKind>): void
}

/** One checkbox per edge kind, each with its line as in the graph: the legend and the filter. */
export function KindToggles({ kinds, onChange }: KindTogglesProps) {
  return (
    <fieldset className="graph-controls graph-kinds" aria-label="Edge kinds">
      {GRAPH_EDGE_KINDS.map((kind) => (
        <label key={kind}>
          <input
            type="checkbox"
            checked={kinds.has(kind)}
            onChange={(event) => {
              const next = new Set(kinds)
              if (event.target.checked) next.add(kind)
              else next.delete(kind)
              onChange(next)
            }}
          />
          <span className={`graph-swatch kind-${kind}`} aria-hidden="true" />
          {EDGE_KIND_NAMES[kind]}
        </label>
      ))}
    </fieldset>
  )
}
