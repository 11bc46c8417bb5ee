// A row of chips (tags, collections), each with × to take it away.

export interface Chip {
  key: string
  label: string
  /** Shown small after the label (how many of the selected papers have it). */
  count?: number
  title?: string
  /** What × does, for screen readers ("Remove tag rl"). */
  removeLabel: string
  onRemove: () => void
}

export function ChipList(props: {
  chips: readonly Chip[]
  kind: 'tag' | 'collection'
  label: string
  testId?: string
}) {
  return (
    <ul className="chip-list" aria-label={props.label} data-testid={props.testId}>
      {props.chips.map((chip) => (
        <li key={chip.key} className={`${props.kind}-chip`} title={chip.title}>
          {chip.label}
          {chip.count !== undefined && <span className="tag-count">{chip.count}</span>}
          <button
            type="button"
            className="chip-remove"
            aria-label={chip.removeLabel}
            onClick={chip.onRemove}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  )
}
