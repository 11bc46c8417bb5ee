// "Linked from": every note that links to a paper or note, with the sentence
// around each link. Refetched whenever the library changes, so a link typed in
// another note shows up as soon as that note is saved.
import { useQuery } from '@tanstack/react-query'
import { answerOf } from '../../data/answerOf'
import { libraryQueries } from '../../data/libraryQueries'
import type { Destination } from '../navigation/linkDestination'

interface BacklinksProps {
  kind: 'paper' | 'note'
  id: string
  onOpen(destination: Destination): void
}

export function Backlinks({ kind, id, onOpen }: BacklinksProps) {
  const loaded = answerOf(useQuery(libraryQueries.backlinks(kind, id)))

  const count = loaded !== undefined && 'value' in loaded ? loaded.value.length : undefined
  return (
    <section className="connections backlinks" aria-label="Linked from" data-testid="backlinks">
      <h2>
        Linked from{count !== undefined && count > 0 && <span className="count"> {count}</span>}
      </h2>
      {loaded === undefined && <p className="muted">Loading…</p>}
      {loaded !== undefined && 'error' in loaded && (
        <p className="pane-error" role="alert">
          {loaded.error}
        </p>
      )}
      {count === 0 && (
        <p className="muted">
          No note links here yet. Type <kbd>[[</kbd> in a note to link to this {kind}.
        </p>
      )}
      {loaded !== undefined && 'value' in loaded && loaded.value.length > 0 && (
        <ul className="backlink-list">
          {loaded.value.map((backlink) => (
            <li key={backlink.noteId} className="backlink" data-testid="backlink">
              <button
                type="button"
                className="backlink-title link-button"
                onClick={() =>
                  onOpen(
                    backlink.paperId === undefined
                      ? { kind: 'note', id: backlink.noteId }
                      : { kind: 'paper', id: backlink.paperId },
                  )
                }
              >
                <span className={`kind-badge kind-${backlink.paperId ? 'paper' : 'note'}`}>
                  {backlink.paperId === undefined ? 'Note' : 'Paper note'}
                </span>
                {backlink.noteTitle}
              </button>
              {backlink.contexts.map((context, i) => (
                <blockquote key={i} className="backlink-context">
                  {context.before}
                  <mark>{context.link}</mark>
                  {context.after}
                </blockquote>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
