// A paper's highlights as a list: colour, page, the quoted words and the
// comment, all as text. Clicking one opens the PDF at it; the chosen one is
// marked. Shown in the paper pane and beside the reader's pages.
import type { Highlight } from '../../../../shared/model'
import { HIGHLIGHT_COLORS } from '../../../../shared/model'
import { clipText } from '../../ui/clipText'
import { pageLabelOf } from './highlightQuote'

/** Characters of a quote shown in the list (the whole quote goes into the note). */
const QUOTE_CHARS = 240

export function HighlightList(props: {
  highlights: readonly Highlight[]
  selectedId: string | undefined
  onChoose(highlight: Highlight): void
}) {
  if (props.highlights.length === 0) {
    return <p className="pdf-empty">No highlights yet: select text in the PDF to make one.</p>
  }
  return (
    <ol className="highlight-list" aria-label="Highlights" data-testid="highlight-list">
      {props.highlights.map((highlight) => (
        <li key={highlight.id}>
          <button
            type="button"
            className={`highlight-item${highlight.id === props.selectedId ? ' selected' : ''}`}
            aria-current={highlight.id === props.selectedId ? 'true' : undefined}
            data-highlight-id={highlight.id}
            onClick={() => props.onChoose(highlight)}
          >
            <span
              className="highlight-swatch"
              aria-label={highlight.color}
              ref={(swatch) => {
                if (swatch !== null)
                  swatch.style.backgroundColor = HIGHLIGHT_COLORS[highlight.color]
              }}
            />
            <span className="highlight-page">{pageLabelOf(highlight)}</span>
            <span className="highlight-text">{clipText(highlight.text, QUOTE_CHARS).shown}</span>
            {highlight.comment.trim() !== '' && (
              <span className="highlight-comment">
                {clipText(highlight.comment, QUOTE_CHARS).shown}
              </span>
            )}
            {highlight.anchor === 'lost' && (
              <span className="highlight-lost">not found in the new PDF</span>
            )}
          </button>
        </li>
      ))}
    </ol>
  )
}
