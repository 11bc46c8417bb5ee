// The paper pane's PDF section: the paper's PDFs (open one, attach another,
// Get PDF from arXiv), its highlights (a click opens the PDF at one), and
// "Add all highlights to note". Files dropped on the paper pane are attached
// to its paper (usePdfDrops).
import { useQuery } from '@tanstack/react-query'
import type { Paper } from '../../../../shared/model'
import { api, errorMessage } from '../../data/client'
import { libraryQueries } from '../../data/libraryQueries'
import { formatCount } from '../../ui/clipText'
import { HighlightList } from './HighlightList'
import { PdfMatches } from './PdfMatches'
import type { PdfReaderControl } from './usePdfReader'
import './pdfSection.css'

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

export function PdfSection(props: {
  paper: Paper
  control: PdfReaderControl
  /** The list's search, whose matches in the PDFs are listed by page. */
  query: string
  onProblem(message: string): void
}) {
  const { paper, control } = props
  const attachments = useQuery(libraryQueries.attachments(paper.id)).data ?? []
  const highlights = useQuery(libraryQueries.highlights(paper.id)).data ?? []
  return (
    <section className="paper-pdf" aria-labelledby="pdf-heading" data-testid="paper-pdf">
      <h2 id="pdf-heading">PDF</h2>
      {attachments.length > 0 && (
        <ul className="attachment-list" aria-label="PDFs" data-testid="attachment-list">
          {attachments.map((attachment) => (
            <li key={attachment.id}>
              <button
                type="button"
                className="link-button"
                data-testid="open-pdf"
                onClick={() => control.open(paper.id, { attachmentId: attachment.id })}
              >
                {attachment.fileName}
              </button>{' '}
              <span className="attachment-meta">
                {attachment.role} · {sizeText(attachment.size)}
                {attachment.text.pageCount !== undefined &&
                  ` · ${formatCount(attachment.text.pageCount)} pages`}
                {attachment.text.state === 'failed' && ' · its text could not be read'}
              </span>
            </li>
          ))}
        </ul>
      )}
      {attachments.length > 0 && (
        <PdfMatches paperId={paper.id} query={props.query} control={control} />
      )}
      <div className="paper-pdf-actions">
        <button
          type="button"
          className="small-button"
          data-testid="attach-pdf"
          onClick={() => control.chooseAndAttach(paper.id)}
        >
          Attach PDF…
        </button>
        {paper.arxivId !== undefined && attachments.length === 0 && (
          <button
            type="button"
            className="small-button"
            onClick={() =>
              void api
                .getPdf({ paperId: paper.id })
                .then((outcome) => {
                  if (outcome.state === 'queued')
                    props.onProblem(`Get PDF waits: ${outcome.reason}`)
                })
                .catch((caught: unknown) => props.onProblem(errorMessage(caught)))
            }
          >
            Get PDF
          </button>
        )}
        {highlights.length > 0 && (
          <button
            type="button"
            className="small-button"
            data-testid="all-highlights-to-note"
            onClick={() => void control.quoteAll(paper.id)}
          >
            Add all highlights to note
          </button>
        )}
      </div>
      {attachments.length > 0 && (
        <HighlightList
          highlights={highlights}
          selectedId={control.selectedHighlight}
          onChoose={(highlight) =>
            control.open(paper.id, {
              attachmentId: highlight.attachmentId,
              highlightId: highlight.id,
            })
          }
        />
      )}
    </section>
  )
}
