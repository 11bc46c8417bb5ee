// The paper pane: metadata, how the paper is organized (status, star, tags,
// collections), links found in the abstract, and the abstract. Every field is
// untrusted imported text: rendered as text, with math typeset by KaTeX and
// sanitized (MathText), never as HTML.
import { useEffect, useMemo, useState, type RefObject } from 'react'
import type { Paper, PaperLink, TagCount } from '../../../shared/model'
import { isSafeExternalUrl } from '../../../shared/externalUrl'
import { api, errorMessage } from '../api/client'
import { openExternal } from '../api/openExternal'
import { MathText } from '../components/MathText'
import { authorsLine, formatDate } from '../format'
import { useMarkAsRead } from '../hooks/useMarkAsRead'
import type { PaperActions } from '../organize/paperActions'
import { PaperOrganizer } from './PaperOrganizer'

interface PaperPaneProps {
  paperId: string | undefined
  /** Bumped when the library changes, so an edited paper is fetched again. */
  version: number
  /** Seconds before an unread paper on screen is marked read; null never. */
  markReadAfterSeconds: number | null
  knownTags: readonly TagCount[]
  actions: PaperActions
  tagInput: RefObject<HTMLInputElement | null>
}

type Loaded = { paper: Paper } | { error: string } | undefined

export function PaperPane(props: PaperPaneProps) {
  const { paperId, version, markReadAfterSeconds } = props
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

  // Until the selected paper has loaded, the one shown is the previous one.
  const shown = loaded !== undefined && 'paper' in loaded ? loaded.paper : undefined
  const current =
    shown !== undefined && shown.id === paperId && shown.trashedAt === undefined ? shown : undefined
  const { statusSetByHand } = useMarkAsRead(paperId, current?.status, markReadAfterSeconds)
  // A status chosen here by hand is never overruled by marking read after the delay.
  const { actions } = props
  const organizeActions = useMemo(
    (): PaperActions => ({
      ...actions,
      setStatus: (ids, status) => {
        statusSetByHand()
        actions.setStatus(ids, status)
      },
    }),
    [actions, statusSetByHand],
  )

  if (paperId === undefined) {
    return <div className="pane-placeholder">Select a paper to read its abstract.</div>
  }
  if (loaded === undefined) return <div className="pane-placeholder">Loading…</div>
  if ('error' in loaded) {
    return (
      <div className="pane-error" role="alert">
        Could not open this paper: {loaded.error}. Select another paper, or import the listing again
        if it is missing.
      </div>
    )
  }
  const { paper } = loaded

  return (
    <article
      className="paper-view"
      aria-labelledby="paper-title"
      data-testid="paper-view"
      // Focusable, so the keyboard can scroll a long abstract.
      tabIndex={0}
    >
      {paper.trashedAt !== undefined && (
        <div className="trash-banner" role="note">
          <span>This paper is in the Trash.</span>
          <button
            type="button"
            className="small-button"
            onClick={() => actions.restore([paper.id])}
          >
            Restore
          </button>
          <button
            type="button"
            className="small-button danger"
            onClick={() => actions.deleteForever([paper.id])}
          >
            Delete for good…
          </button>
        </div>
      )}
      <h1 id="paper-title" className="paper-title" data-testid="paper-title">
        <MathText text={paper.title} />
      </h1>
      <PaperOrganizer
        paper={paper}
        version={version}
        knownTags={props.knownTags}
        actions={organizeActions}
        tagInput={props.tagInput}
      />
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
        <dt>Upvotes</dt>
        <dd data-testid="paper-upvotes">{paper.upvotes}</dd>
      </dl>
      {paper.links.length > 0 && <PaperLinks links={paper.links} />}
      <section className="paper-abstract" aria-labelledby="abstract-heading">
        <h2 id="abstract-heading">Abstract</h2>
        <p data-testid="paper-abstract">
          <MathText text={paper.abstract} />
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
