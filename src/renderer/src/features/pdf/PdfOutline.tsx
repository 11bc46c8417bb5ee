// A PDF's outline (its bookmarks), as a nested list of buttons. The titles
// are the PDF's text: rendered as text.
import { clipText } from '../../ui/clipText'

export interface OutlineEntry {
  title: string
  /** A named destination or an explicit one; null: the entry goes nowhere in the document. */
  dest: string | unknown[] | null
  items: OutlineEntry[]
}

export function PdfOutline(props: {
  entries: OutlineEntry[] | undefined
  onGo(dest: string | unknown[]): void
}) {
  if (props.entries === undefined) return <p className="pdf-empty">Reading the outline…</p>
  if (props.entries.length === 0) return <p className="pdf-empty">This PDF has no outline.</p>
  return <OutlineLevel entries={props.entries} onGo={props.onGo} />
}

function OutlineLevel(props: { entries: OutlineEntry[]; onGo(dest: string | unknown[]): void }) {
  return (
    <ul className="pdf-outline">
      {props.entries.map((entry, index) => (
        <li key={index}>
          <button
            type="button"
            className="link-button"
            disabled={entry.dest === null}
            onClick={() => {
              if (entry.dest !== null) props.onGo(entry.dest)
            }}
          >
            {clipText(entry.title, 200).shown || '(untitled)'}
          </button>
          {entry.items.length > 0 && <OutlineLevel entries={entry.items} onGo={props.onGo} />}
        </li>
      ))}
    </ul>
  )
}
