// The paper pane: metadata, how the paper is organized (status, star, tags,
// collections), links found in the abstract, the abstract, and the paper's
// connections: the notes linking to it, its manual relations (papers dropped
// here from the list become some) and the most similar papers. Every field is
// untrusted imported text: rendered as text, with math typeset by KaTeX and
// sanitized (MathText), or with the words a search matched marked
// (Highlighted), never as HTML.
import { useMemo, useState, type DragEvent, type RefObject } from 'react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { PaperLink, PaperMatches, TagCount } from '../../../../shared/model'
import { isSafeExternalUrl } from '../../../../shared/text/externalUrl'
import { answerOf } from '../../data/answerOf'
import { api, errorMessage } from '../../data/client'
import { libraryQueries } from '../../data/libraryQueries'
import { openExternal } from '../../data/openExternal'
import { CitationKeyRow } from '../citations/CitationKeyRow'
import { Backlinks } from '../links/Backlinks'
import { LocalGraph } from '../graph/LocalGraph'
import { ClippedText } from '../../ui/ClippedText'
import { AiSummary, HfMetaRows } from './HfDetails'
import { MarkedText } from './MarkedText'
import { ManualRelations, SimilarPapers } from '../links/RelatedPapers'
import { SHOWN_CHARS, SHOWN_LINKS, clipText, formatCount } from '../../ui/clipText'
import { authorsLine, formatDate } from '../../ui/format'
import { useMarkAsRead } from './useMarkAsRead'
import type { Destination } from '../navigation/linkDestination'
import { PAPERS_TYPE, carries, draggedPapers } from '../organize/dragData'
import type { PaperActions } from '../organize/paperActions'
import { PaperOrganizer } from '../organize/PaperOrganizer'
import { PdfSection } from '../pdf/PdfSection'
import type { PdfReaderControl } from '../pdf/usePdfReader'

interface PaperPaneProps {
  paperId: string | undefined
  /** Seconds before an unread paper on screen is marked read; null never. */
  markReadAfterSeconds: number | null
  knownTags: readonly TagCount[]
  actions: PaperActions
  tagInput: RefObject<HTMLInputElement | null>
  /** Follow a backlink, a relation or a similar paper. */
  onOpen(destination: Destination): void
  /** The search in the list: its matches are marked in the title and abstract. */
  query: string
  pdf: PdfReaderControl
  onProblem(message: string): void
}

const NO_MATCHES: PaperMatches = { title: [], abstract: [] }

export function PaperPane(props: PaperPaneProps) {
  const { paperId, markReadAfterSeconds } = props
  // Until the selected paper has loaded, the one shown is the previous one.
  const loaded = answerOf(
    useQuery({
      ...libraryQueries.paper(paperId ?? ''),
      enabled: paperId !== undefined,
      placeholderData: keepPreviousData,
    }),
  )
  const [dropping, setDropping] = useState(false)
  // A failed add or drop, for the paper it happened on.
  const [problem, setProblem] = useState<{ paperId: string; message: string } | undefined>(
    undefined,
  )

  const search = props.query.trim()
  // Marks are a nicety: without them (or while they are fetched) the paper still reads fine.
  const matches = useQuery({
    ...libraryQueries.paperMatches(paperId ?? '', search),
    enabled: paperId !== undefined && search !== '',
  })
  const marks = (search !== '' && !matches.isError ? matches.data : undefined) ?? NO_MATCHES

  const shown = loaded !== undefined && 'value' in loaded ? loaded.value : undefined
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
  const paper = loaded.value
  const trashed = paper.trashedAt !== undefined
  const relationProblem = problem?.paperId === paper.id ? problem.message : undefined
  const setRelationProblem = (message: string | undefined): void =>
    setProblem(message === undefined ? undefined : { paperId: paper.id, message })

  // Papers dragged from the list and dropped here are related to this one.
  function onDragOver(event: DragEvent<HTMLElement>): void {
    if (trashed || !carries(event.dataTransfer, PAPERS_TYPE)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
    setDropping(true)
  }

  function onDrop(event: DragEvent<HTMLElement>): void {
    setDropping(false)
    const others = draggedPapers(event.dataTransfer).filter((id) => id !== paper.id)
    if (others.length === 0) return
    event.preventDefault()
    Promise.all(others.map((toId) => api.addRelation({ fromId: paper.id, toId })))
      .then(() => setRelationProblem(undefined))
      .catch((caught: unknown) => setRelationProblem(errorMessage(caught)))
  }

  // Keyed by paper: "Show more" starts over for each paper.
  return (
    <article
      key={paper.id}
      className={`paper-view${dropping ? ' drop-target' : ''}`}
      aria-labelledby="paper-title"
      aria-busy={paper.id !== paperId}
      data-testid="paper-view"
      data-paper-id={paper.id}
      // Focusable, so the keyboard can scroll a long abstract.
      tabIndex={0}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
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
        <ClippedText
          text={paper.title}
          limit={SHOWN_CHARS.title}
          render={(shown) => <MarkedText text={shown} ranges={marks.title} />}
        />
      </h1>
      {/* While the next paper loads, this one's controls are off: a tag typed
          now would go to the wrong paper, or vanish when the next one arrives. */}
      <fieldset className="organizer-fieldset" disabled={paper.id !== paperId}>
        <PaperOrganizer
          paper={paper}
          knownTags={props.knownTags}
          actions={organizeActions}
          tagInput={props.tagInput}
        />
      </fieldset>
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
        {!trashed && <CitationKeyRow paperId={paper.id} />}
        <dt>Upvotes</dt>
        <dd data-testid="paper-upvotes">{paper.upvotes}</dd>
        <HfMetaRows paper={paper} />
      </dl>
      {paper.links.length > 0 && <PaperLinks links={paper.links} />}
      {!trashed && (
        <PdfSection paper={paper} control={props.pdf} query={search} onProblem={props.onProblem} />
      )}
      <section className="paper-abstract" aria-labelledby="abstract-heading">
        <h2 id="abstract-heading">Abstract</h2>
        <p data-testid="paper-abstract">
          <ClippedText
            text={paper.abstract}
            limit={SHOWN_CHARS.abstract}
            render={(shown) => <MarkedText text={shown} ranges={marks.abstract} />}
          />
        </p>
      </section>
      <AiSummary paper={paper} />
      {!trashed && (
        <>
          <Backlinks kind="paper" id={paper.id} onOpen={props.onOpen} />
          <ManualRelations
            paperId={paper.id}
            onOpen={props.onOpen}
            problem={relationProblem}
            onProblem={setRelationProblem}
          />
          <SimilarPapers paperId={paper.id} onOpen={props.onOpen} />
          <LocalGraph kind="paper" id={paper.id} onOpen={props.onOpen} />
        </>
      )}
    </article>
  )
}

/** Titles and abstracts typeset their math (only in the part that is shown). */
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
