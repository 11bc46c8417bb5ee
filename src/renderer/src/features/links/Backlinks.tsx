// "Linked from": every note that links to a paper or note, with the sentence
// around each link. Refetched whenever the library changes, so a link typed in
// another note shows up as soon as that note is saved.
import { useEffect, useState } from 'react'
import type { Backlink } from '../../../../shared/model'
import { api, errorMessage } from '../../data/client'
import type { Destination } from '../navigation/linkDestination'

interface BacklinksProps {
  kind: 'paper' | 'note'
  id: string
  version: number
  onOpen(destination: Destination): void
}

type Loaded = { backlinks: Backlink[] } | { error: string } | undefined

export function Backlinks({ kind, id, version, onOpen }: BacklinksProps) {
  const [loaded, setLoaded] = useState<Loaded>(undefined)

  useEffect(() => {
    let current = true
    api
      .getBacklinks({ kind, id })
      .then((backlinks) => current && setLoaded({ backlinks }))
      .catch((caught: unknown) => current && setLoaded({ error: errorMessage(caught) }))
    return () => {
      current = false
    }
  }, [kind, id, version])

  const count = loaded !== undefined && 'backlinks' in loaded ? loaded.backlinks.length : undefined
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
      {loaded !== undefined && 'backlinks' in loaded && loaded.backlinks.length > 0 && (
        <ul className="backlink-list">
          {loaded.backlinks.map((backlink) => (
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
