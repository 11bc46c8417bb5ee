// The paper pane: metadata, star and reading status, links found in the
// abstract, and the abstract. Every field is untrusted imported text: rendered
// as text, with math typeset by KaTeX and sanitized (MathText), or with the
// words a search matched marked (Highlighted), never as HTML.
import { useEffect, useImperativeHandle, useState, type Ref } from 'react'
import type { Paper, PaperLink, PaperMatches, ReadingStatus } from '../../../shared/model'
import { isSafeExternalUrl } from '../../../shared/externalUrl'
import { api, errorMessage } from '../api/client'
import { openExternal } from '../api/openExternal'
import { shortcutLabel } from '../commands/keyBindings'
import { MarkedText } from '../components/MarkedText'
import { authorsLine, formatDate } from '../format'
import { useMarkAsRead } from '../hooks/useMarkAsRead'

/** What the window's shortcuts ask of the pane (u / r / Shift+R set the status by hand). */
export interface PaperPaneHandle {
  setStatus(status: ReadingStatus): Promise<void>
}

interface PaperPaneProps {
  paperId: string | undefined
  /** Bumped when the library changes, so an edited paper is fetched again. */
  version: number
  /** The search in the list: its matches are marked in the title and abstract. */
  query: string
  /** Seconds before an unread paper on screen is marked read; null never. */
  markReadAfterSeconds: number | null
  onToggleStar: () => void
  handle?: Ref<PaperPaneHandle>
}

type Loaded = { paper: Paper } | { error: string } | undefined

const NO_MATCHES: PaperMatches = { title: [], abstract: [] }
const STATUS_TEXT: Record<ReadingStatus, string> = {
  unread: 'Unread',
  reading: 'Reading',
  read: 'Read',
}
const STATUS_COMMAND = {
  unread: 'mark-unread',
  reading: 'mark-reading',
  read: 'mark-read',
} as const

export function PaperPane(props: PaperPaneProps) {
  const { paperId, version, query, onToggleStar } = props
  const [loaded, setLoaded] = useState<Loaded>(undefined)
  const [statusProblem, setStatusProblem] = useState<string | undefined>(undefined)
  const [matches, setMatches] = useState<{ key: string; value: PaperMatches }>()
  const search = query.trim()
  const matchKey = `${paperId ?? ''}\u0000${search}\u0000${version}`

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

  const shown = loaded !== undefined && 'paper' in loaded ? loaded.paper : undefined
  const { setStatusByHand } = useMarkAsRead(
    paperId,
    shown?.id === paperId ? shown?.status : undefined,
    props.markReadAfterSeconds,
  )
  useImperativeHandle(props.handle, () => ({ setStatus: setStatusByHand }), [setStatusByHand])

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

  function setStatus(status: ReadingStatus): void {
    setStatusProblem(undefined)
    setStatusByHand(status).catch((caught: unknown) =>
      setStatusProblem(`Could not change the status: ${errorMessage(caught)}`),
    )
  }

  return (
    <article
      className="paper-view"
      aria-labelledby="paper-title"
      data-testid="paper-view"
      // Focusable, so the keyboard can scroll a long abstract (Ctrl/Cmd+2).
      tabIndex={0}
    >
      <h1 id="paper-title" className="paper-title" data-testid="paper-title">
        <MarkedText text={paper.title} ranges={marks.title} />
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
        <dt>Upvotes</dt>
        <dd data-testid="paper-upvotes">{paper.upvotes}</dd>
        <dt>Status</dt>
        <dd className="paper-status">
          <span data-testid="paper-status">{STATUS_TEXT[paper.status]}</span>
          {(['unread', 'reading', 'read'] as const)
            .filter((status) => status !== paper.status)
            .map((status) => (
              <button
                key={status}
                type="button"
                className="link-button"
                onClick={() => setStatus(status)}
                title={shortcutLabel(STATUS_COMMAND[status])}
              >
                Mark as {STATUS_TEXT[status].toLowerCase()}
              </button>
            ))}
        </dd>
        <dt>Star</dt>
        <dd>
          <button
            type="button"
            className={`star-button${paper.starred ? ' starred' : ''}`}
            aria-pressed={paper.starred}
            onClick={onToggleStar}
            title={shortcutLabel('toggle-star')}
            data-testid="paper-star"
          >
            {paper.starred ? '★ Starred' : '☆ Star'}
          </button>
        </dd>
      </dl>
      {statusProblem !== undefined && (
        <p className="inline-problem" role="alert">
          {statusProblem}
        </p>
      )}
      {paper.links.length > 0 && <PaperLinks links={paper.links} />}
      <section className="paper-abstract" aria-labelledby="abstract-heading">
        <h2 id="abstract-heading">Abstract</h2>
        <p data-testid="paper-abstract">
          <MarkedText text={paper.abstract} ranges={marks.abstract} />
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
