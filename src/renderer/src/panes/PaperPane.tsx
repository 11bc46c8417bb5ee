// The paper pane: metadata, how the paper is organized (status, star, tags,
// collections), links found in the abstract, and the abstract. Every field is
// untrusted imported text and is rendered as text, never HTML.
import { useEffect, useState, type RefObject } from 'react'
import type { Paper, PaperLink, TagCount } from '../../../shared/model'
import { isSafeExternalUrl } from '../../../shared/externalUrl'
import { api, errorMessage, reportBackgroundError } from '../api/client'
import { openExternal } from '../api/openExternal'
import { authorsLine, formatDate } from '../format'
import type { PaperActions } from '../organize/paperActions'
import { PaperOrganizer } from './PaperOrganizer'

interface PaperPaneProps {
  paperId: string | undefined
  /** Bumped when the library changes, so an edited paper is fetched again. */
  version: number
  knownTags: readonly TagCount[]
  actions: PaperActions
  /** Seconds an unread paper stays shown before it is marked read; null: never. */
  markReadAfterSeconds: number | null
  tagInput: RefObject<HTMLInputElement | null>
}

type Loaded = { paper: Paper } | { error: string } | undefined

export function PaperPane(props: PaperPaneProps) {
  const { paperId, version } = props
  const [loaded, setLoaded] = useState<Loaded>(undefined)
  // Until the selected paper has loaded, the one shown is the previous one.
  const shown =
    loaded !== undefined && 'paper' in loaded && loaded.paper.id === paperId
      ? loaded.paper
      : undefined
  useMarkRead(shown, props.markReadAfterSeconds)

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
      {paper.trashedAt !== undefined && (
        <div className="trash-banner" role="note">
          <span>This paper is in the Trash.</span>
          <button
            type="button"
            className="small-button"
            onClick={() => props.actions.restore([paper.id])}
          >
            Restore
          </button>
          <button
            type="button"
            className="small-button danger"
            onClick={() => props.actions.deleteForever([paper.id])}
          >
            Delete for good…
          </button>
        </div>
      )}
      <h1 id="paper-title" className="paper-title">
        {paper.title}
      </h1>
      <PaperOrganizer
        paper={paper}
        version={version}
        knownTags={props.knownTags}
        actions={props.actions}
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

/**
 * Marks the shown paper read once it has stayed on screen for the set time
 * (the setting). Main does it without an undo step: it happens by itself.
 */
function useMarkRead(paper: Paper | undefined, seconds: number | null): void {
  const id = paper?.id
  const due = paper !== undefined && paper.status === 'unread' && paper.trashedAt === undefined
  useEffect(() => {
    if (id === undefined || !due || seconds === null) return
    const timer = setTimeout(() => {
      api.markRead({ id }).catch(reportBackgroundError)
    }, seconds * 1000)
    return () => clearTimeout(timer)
  }, [id, due, seconds])
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
