// The paper pane: metadata, links found in the abstract, and the abstract.
// Every field is untrusted imported text and is rendered as text, never HTML.
import { useEffect, useState } from 'react'
import type { Paper, PaperLink } from '../../../shared/model'
import { isSafeExternalUrl } from '../../../shared/externalUrl'
import { api, errorMessage } from '../api/client'
import { openExternal } from '../api/openExternal'
import { ClippedText } from '../components/ClippedText'
import { SHOWN_CHARS, SHOWN_LINKS, clipText, formatCount } from '../display/clipText'
import { authorsLine, formatDate } from '../format'

interface PaperPaneProps {
  paperId: string | undefined
  /** Bumped when the library changes, so an edited paper is fetched again. */
  version: number
}

type Loaded = { paper: Paper } | { error: string } | undefined

export function PaperPane({ paperId, version }: PaperPaneProps) {
  const [loaded, setLoaded] = useState<Loaded>(undefined)

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
  // Keyed by paper: "Show more" starts over for each paper.
  return (
    <article
      key={paper.id}
      className="paper-view"
      aria-labelledby="paper-title"
      data-testid="paper-view"
      data-paper-id={paper.id}
    >
      <h1 id="paper-title" className="paper-title">
        <ClippedText text={paper.title} limit={SHOWN_CHARS.title} />
      </h1>
      <dl className="paper-meta">
        {paper.published !== undefined && (
          <>
            <dt>Published</dt>
            <dd data-testid="paper-published">{formatDate(paper.published)}</dd>
          </>
        )}
        <dt>Authors</dt>
        <dd data-testid="paper-authors">
          <ClippedText text={authorsLine(paper)} limit={SHOWN_CHARS.field} />
        </dd>
        {paper.organization !== undefined && (
          <>
            <dt>Organization</dt>
            <dd data-testid="paper-organization">
              <ClippedText text={paper.organization} limit={SHOWN_CHARS.field} />
            </dd>
          </>
        )}
        <dt>Upvotes</dt>
        <dd data-testid="paper-upvotes">{paper.upvotes}</dd>
      </dl>
      {paper.links.length > 0 && <PaperLinks links={paper.links} />}
      <section className="paper-abstract" aria-label="Abstract">
        <h2>Abstract</h2>
        <p data-testid="paper-abstract">
          <ClippedText text={paper.abstract} limit={SHOWN_CHARS.abstract} />
        </p>
      </section>
    </article>
  )
}

function PaperLinks({ links }: { links: PaperLink[] }) {
  const [showAll, setShowAll] = useState(false)
  const shown = showAll ? links : links.slice(0, SHOWN_LINKS)
  return (
    <ul className="paper-links" aria-label="Links" data-testid="paper-links">
      {shown.map((link, index) => (
        <li key={index}>
          <a
            href={isSafeExternalUrl(link.url) ? link.url : undefined}
            className={`paper-link paper-link-${link.kind}`}
            title={clipText(link.url, SHOWN_CHARS.field).shown}
            onClick={(event) => {
              event.preventDefault()
              openExternal(link.url)
            }}
          >
            <span className="paper-link-label">
              {clipText(link.label, SHOWN_CHARS.linkLabel).shown}
            </span>
          </a>
        </li>
      ))}
      {shown.length < links.length && (
        <li>
          <button type="button" className="link-button show-more" onClick={() => setShowAll(true)}>
            Show all {formatCount(links.length)} links
          </button>
        </li>
      )}
    </ul>
  )
}
