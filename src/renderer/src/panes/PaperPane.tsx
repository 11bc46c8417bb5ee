// The paper pane: metadata, links found in the abstract, and the abstract.
// Every field is untrusted imported text and is rendered as text, never HTML.
import { useEffect, useState } from 'react'
import type { Paper, PaperLink, PaperMatches, ReadingStatus } from '../../../shared/model'
import { isSafeExternalUrl } from '../../../shared/externalUrl'
import { api, errorMessage } from '../api/client'
import { openExternal } from '../api/openExternal'
import { Highlighted } from '../components/Highlighted'
import { shortcutLabel } from '../commands/keyBindings'
import { authorsLine, formatDate } from '../format'

interface PaperPaneProps {
  paperId: string | undefined
  /** Bumped when the library changes, so an edited paper is fetched again. */
  version: number
  /** The search in the list: its matches are marked in the title and abstract. */
  query: string
  onToggleStar: () => void
  onSetStatus: (status: ReadingStatus) => void
}

type Loaded = { paper: Paper } | { error: string } | undefined

const NO_MATCHES: PaperMatches = { title: [], abstract: [] }
const STATUS_LABELS: Record<ReadingStatus, string> = {
  unread: 'Unread',
  reading: 'Reading',
  read: 'Read',
}

export function PaperPane({ paperId, version, query, onToggleStar, onSetStatus }: PaperPaneProps) {
  const [loaded, setLoaded] = useState<Loaded>(undefined)
  const [matches, setMatches] = useState<{ key: string; value: PaperMatches }>()
  const search = query.trim()
  const matchKey = `${paperId ?? ''}\u0000${search}\u0000${version}`

  useEffect(() => {
    if (paperId === undefined || search === '') return
    let current = true
    api
      .getPaperMatches({ id: paperId, query: search })
      .then((value) => current && setMatches({ key: matchKey, value }))
      // Marks are a nicety: without them the paper still reads fine.
      .catch(() => current && setMatches({ key: matchKey, value: NO_MATCHES }))
    return () => {
      current = false
    }
  }, [paperId, search, matchKey])
  const marks = search !== '' && matches?.key === matchKey ? matches.value : NO_MATCHES

  useEffect(() => {
    if (paperId === undefined) return
    let current = true
    api
      .getPaper({ id: paperId })
      .then((paper) => current && setLoaded({ paper }))
      .catch((caught: unknown) => current && setLoaded({ error: errorMessage(caught) }))
    return () => {
      current = false
    }
  }, [paperId, version])

  if (paperId === undefined) {
    return <div className="pane-placeholder">Select a paper to read its abstract.</div>
  }
  if (loaded === undefined) return <div className="pane-placeholder">Loading…</div>
  if ('error' in loaded) {
    return (
      <div className="pane-error" role="alert">
        Could not open this paper: {loaded.error}
      </div>
    )
  }
  const { paper } = loaded
  return (
    <article
      className="paper-view"
      aria-labelledby="paper-title"
      data-testid="paper-view"
      tabIndex={-1}
    >
      <h1 id="paper-title" className="paper-title">
        <Highlighted text={paper.title} ranges={marks.title} />
      </h1>
      <div className="paper-actions">
        <button
          type="button"
          className={`star-button${paper.starred ? ' starred' : ''}`}
          aria-pressed={paper.starred}
          onClick={onToggleStar}
          title={`Star (${shortcutLabel('toggle-star')})`}
          data-testid="paper-star"
        >
          {paper.starred ? '★ Starred' : '☆ Star'}
        </button>
        <div className="status-buttons" role="group" aria-label="Reading status">
          {(['unread', 'reading', 'read'] as const).map((status) => (
            <button
              key={status}
              type="button"
              className="status-button"
              aria-pressed={paper.status === status}
              onClick={() => onSetStatus(status)}
              title={`${STATUS_LABELS[status]} (${shortcutLabel(`mark-${status}`)})`}
              data-testid={`paper-status-${status}`}
            >
              {STATUS_LABELS[status]}
            </button>
          ))}
        </div>
      </div>
      <dl className="paper-meta">
        {paper.published !== undefined && (
          <>
            <dt>Published</dt>
            <dd data-testid="paper-published">{formatDate(paper.published)}</dd>
          </>
        )}
        <dt>Authors</dt>
        <dd data-testid="paper-authors">{authorsLine(paper)}</dd>
        {paper.organization !== undefined && (
          <>
            <dt>Organization</dt>
            <dd data-testid="paper-organization">{paper.organization}</dd>
          </>
        )}
        <dt>Upvotes</dt>
        <dd data-testid="paper-upvotes">{paper.upvotes}</dd>
      </dl>
      {paper.links.length > 0 && <PaperLinks links={paper.links} />}
      <section className="paper-abstract" aria-label="Abstract">
        <h2>Abstract</h2>
        <p data-testid="paper-abstract">
          <Highlighted text={paper.abstract} ranges={marks.abstract} />
        </p>
      </section>
    </article>
  )
}

function PaperLinks({ links }: { links: PaperLink[] }) {
  return (
    <ul className="paper-links" aria-label="Links" data-testid="paper-links">
      {links.map((link) => (
        <li key={link.url}>
          <a
            href={isSafeExternalUrl(link.url) ? link.url : undefined}
            className={`paper-link paper-link-${link.kind}`}
            title={link.url}
            onClick={(event) => {
              event.preventDefault()
              openExternal(link.url)
            }}
          >
            <span className="paper-link-label">{link.label}</span>
          </a>
        </li>
      ))}
    </ul>
  )
}
