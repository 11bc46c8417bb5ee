// The paper pane: metadata, links found in the abstract, the abstract, and the
// paper's connections: the notes linking to it, its manual relations (a paper
// dropped here from the list becomes one) and the most similar papers.
// Every field is untrusted imported text: rendered as text, with math typeset
// by KaTeX and sanitized (MathText), never as HTML.
import { useEffect, useState, type DragEvent } from 'react'
import type { Paper, PaperLink, ReadingStatus } from '../../../shared/model'
import { isSafeExternalUrl } from '../../../shared/externalUrl'
import { api, errorMessage } from '../api/client'
import { openExternal } from '../api/openExternal'
import { Backlinks } from '../components/Backlinks'
import { MathText } from '../components/MathText'
import { ManualRelations, SimilarPapers } from '../components/RelatedPapers'
import { PAPER_DRAG_TYPE } from '../components/paperDrag'
import { authorsLine, formatDate } from '../format'
import { useMarkAsRead } from '../hooks/useMarkAsRead'
import type { Destination } from '../navigation/linkDestination'

interface PaperPaneProps {
  paperId: string | undefined
  /** Bumped when the library changes, so an edited paper is fetched again. */
  version: number
  /** Seconds before an unread paper on screen is marked read; null never. */
  markReadAfterSeconds: number | null
  onOpen(destination: Destination): void
}

type Loaded = { paper: Paper } | { error: string } | undefined

const STATUS_TEXT: Record<ReadingStatus, string> = {
  unread: 'Unread',
  reading: 'Reading',
  read: 'Read',
}

export function PaperPane({ paperId, version, markReadAfterSeconds, onOpen }: PaperPaneProps) {
  const [loaded, setLoaded] = useState<Loaded>(undefined)
  const [statusProblem, setStatusProblem] = useState<string | undefined>(undefined)
  const [dropping, setDropping] = useState(false)
  // A failed add or drop, for the paper it happened on.
  const [problem, setProblem] = useState<{ paperId: string; message: string } | undefined>(
    undefined,
  )

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

  const shown = loaded !== undefined && 'paper' in loaded ? loaded.paper : undefined
  const { setStatusByHand } = useMarkAsRead(
    paperId,
    shown?.id === paperId ? shown?.status : undefined,
    markReadAfterSeconds,
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
  const nextStatus: ReadingStatus = paper.status === 'read' ? 'unread' : 'read'
  const trashed = paper.trashedAt !== undefined
  const relationProblem = problem?.paperId === paper.id ? problem.message : undefined
  const setRelationProblem = (message: string | undefined): void =>
    setProblem(message === undefined ? undefined : { paperId: paper.id, message })

  function onDragOver(event: DragEvent<HTMLElement>): void {
    if (trashed || !event.dataTransfer.types.includes(PAPER_DRAG_TYPE)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'link'
    setDropping(true)
  }

  function onDrop(event: DragEvent<HTMLElement>): void {
    const otherId = event.dataTransfer.getData(PAPER_DRAG_TYPE)
    setDropping(false)
    if (otherId === '') return
    event.preventDefault()
    api
      .addRelation({ fromId: paper.id, toId: otherId })
      .then(() => setRelationProblem(undefined))
      .catch((caught: unknown) => setRelationProblem(errorMessage(caught)))
  }

  function toggleStatus(): void {
    setStatusProblem(undefined)
    setStatusByHand(nextStatus).catch((caught: unknown) =>
      setStatusProblem(`Could not change the status: ${errorMessage(caught)}`),
    )
  }

  return (
    <article
      className={`paper-view${dropping ? ' drop-target' : ''}`}
      aria-labelledby="paper-title"
      data-testid="paper-view"
      // Focusable, so the keyboard can scroll a long abstract.
      tabIndex={0}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      {trashed && (
        <div className="trash-notice" role="status">
          This paper is in the trash; links to it show as broken.
          <button
            type="button"
            className="toolbar-button"
            onClick={() => void api.restorePaper({ id: paper.id })}
          >
            Restore
          </button>
        </div>
      )}
      <h1 id="paper-title" className="paper-title" data-testid="paper-title">
        <MathText text={paper.title} />
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
          <button type="button" className="link-button" onClick={toggleStatus}>
            Mark as {STATUS_TEXT[nextStatus].toLowerCase()}
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
          <MathText text={paper.abstract} />
        </p>
      </section>
      {!trashed && (
        <>
          <Backlinks kind="paper" id={paper.id} version={version} onOpen={onOpen} />
          <ManualRelations
            paperId={paper.id}
            version={version}
            onOpen={onOpen}
            problem={relationProblem}
            onProblem={setRelationProblem}
          />
          <SimilarPapers paperId={paper.id} version={version} onOpen={onOpen} />
          <p className="paper-actions">
            <button
              type="button"
              className="link-button danger"
              onClick={() => void api.trashPaper({ id: paper.id })}
            >
              Move paper to trash
            </button>
          </p>
        </>
      )}
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
