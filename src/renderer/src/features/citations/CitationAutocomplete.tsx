// The `[@` autocomplete of the note editor: typing `[@` (or `; @` inside a
// citation) opens the papers whose key, title, authors or year fuzzily match
// what follows; Enter or Tab inserts the paper's citation key.
import type { RefObject } from 'react'
import type { CitationSuggestion } from '../../../../shared/model'
import { formatCitationKey, openCitationBefore } from '../../../../shared/text/pandocCitations'
import { api } from '../../data/client'
import {
  useCaretSuggestions,
  type CaretSuggestions,
  type SuggestionSource,
} from '../../ui/useCaretSuggestions'

const CITATION_SUGGESTIONS: SuggestionSource<CitationSuggestion> = {
  find: openCitationBefore,
  suggest: (query) => api.suggestCitations({ query, limit: 8 }),
  insert: (text, start, caret, paper) => {
    const key = formatCitationKey(paper.key)
    // A `]` right after the caret stays: it closes the citation.
    return { text: text.slice(0, start) + key + text.slice(caret), caret: start + key.length }
  },
  keyOf: (paper) => paper.paperId,
  render: (paper) => (
    <>
      <span className="kind-badge kind-citation">@{paper.key}</span>
      <span className="suggestion-title">{paper.title}</span>
      <span className="suggestion-detail">
        {[paper.authors, paper.year].filter((part) => part !== undefined && part !== '').join(', ')}
      </span>
    </>
  ),
  label: 'Cite',
  testId: 'citation-suggestions',
}

export function useCitationAutocomplete(
  textarea: RefObject<HTMLTextAreaElement | null>,
  onEdit: (edit: { text: string; caret: number }) => void,
): CaretSuggestions {
  return useCaretSuggestions(textarea, CITATION_SUGGESTIONS, onEdit)
}
