// The paper pane: metadata, links found in the abstract, and the abstract.
// Every field is untrusted imported text and is rendered as text, never HTML.
import { useEffect, useState } from 'react'
import type { Paper, PaperLink } from '../../../shared/model'
import { isSafeExternalUrl } from '../../../shared/externalUrl'
import { api, errorMessage } from '../api/client'
import { openExternal } from '../api/openExternal'
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
  return (
    <article className="paper-view" aria-labelledby="paper-title" data-testid="paper-view">
      <h1 id="paper-title" className="paper-title">
        {paper.title}
      </h1>
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
        {paper.venue !== undefined && (
          <>
            <dt>Venue</dt>
            <dd data-testid="paper-venue">{paper.venue}</dd>
          </>
        )}
        {paper.doi !== undefined && (
          <>
            <dt>DOI</dt>
            <dd data-testid="paper-doi">{paper.doi}</dd>
          </>
        )}
        {paper.arxivId !== undefined && (
          <>
            <dt>arXiv</dt>
            <dd data-testid="paper-arxiv">{paper.arxivId}</dd>
          </>
        )}
        {paper.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd data-testid="paper-tags">{paper.tags.join(', ')}</dd>
          </>
        )}
        <dt>Upvotes</dt>
        <dd data-testid="paper-upvotes">{paper.upvotes}</dd>
      </dl>
      {paper.links.length > 0 && <PaperLinks links={paper.links} />}
      <section className="paper-abstract" aria-label="Abstract">
        <h2>Abstract</h2>
        <p data-testid="paper-abstract">{paper.abstract}</p>
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
