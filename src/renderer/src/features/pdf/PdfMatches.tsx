// Where the list's search matched the paper's PDFs: a line per page with the
// words around the match, marked; a click opens the PDF at that page with the
// words found. The PDF's text is untrusted: shown as text (Highlighted).
import { useQuery } from '@tanstack/react-query'
import { libraryQueries } from '../../data/libraryQueries'
import { Highlighted } from '../../ui/Highlighted'
import type { PdfReaderControl } from './usePdfReader'

/** Pages listed at most; the reader's find goes through the rest. */
const SHOWN_MATCHES = 8

export function PdfMatches(props: { paperId: string; query: string; control: PdfReaderControl }) {
  const { paperId, query, control } = props
  const matches = useQuery({
    ...libraryQueries.pdfMatches(paperId, query),
    enabled: query !== '',
  }).data
  if (query === '' || matches === undefined || matches.length === 0) return null
  const words = query.replace(/(^|\s)in:pdf(?=\s|$)/gi, ' ').trim()
  return (
    <div className="pdf-matches" data-testid="pdf-matches">
      <h3>Found in the PDF</h3>
      <ul>
        {matches.slice(0, SHOWN_MATCHES).map((match) => (
          <li key={`${match.attachmentId}:${match.pageIndex}`}>
            <button
              type="button"
              className="link-button pdf-match"
              onClick={() =>
                control.open(paperId, {
                  attachmentId: match.attachmentId,
                  pageIndex: match.pageIndex,
                  find: words,
                })
              }
            >
              <span className="highlight-page">p. {match.pageIndex + 1}</span>{' '}
              <Highlighted text={match.snippet} ranges={match.ranges} />
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
