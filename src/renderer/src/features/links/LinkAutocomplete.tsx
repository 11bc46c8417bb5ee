// The `[[` autocomplete of the note editor: typing `[[` opens a list of papers
// and notes whose titles fuzzily match what follows; ↑ ↓ move, Enter or Tab
// inserts the link (carrying the target's id, so a later rename cannot break
// it), Esc closes the list.
import type { RefObject } from 'react'
import type { LinkTarget } from '../../../../shared/model'
import { formatWikiLink, openWikiLinkBefore } from '../../../../shared/text/wikiLinks'
import { api } from '../../data/client'
import { formatDate } from '../../ui/format'
import {
  useCaretSuggestions,
  type CaretSuggestions,
  type SuggestionSource,
} from '../../ui/useCaretSuggestions'
import { insertLinkAt, type TextEdit } from '../notes/insertLink'

export type LinkAutocomplete = CaretSuggestions

const LINK_SUGGESTIONS: SuggestionSource<LinkTarget> = {
  find: openWikiLinkBefore,
  suggest: (query) => api.suggestLinkTargets({ query, limit: 8 }),
  insert: (text, start, caret, target) =>
    insertLinkAt(text, start, caret, formatWikiLink(target.kind, target.id, target.title)),
  keyOf: (target) => `${target.kind}:${target.id}`,
  render: (target) => (
    <>
      <span className={`kind-badge kind-${target.kind}`}>
        {target.kind === 'paper' ? 'Paper' : 'Note'}
      </span>
      <span className="suggestion-title">{target.title}</span>
      {target.published !== undefined && (
        <span className="suggestion-detail">{formatDate(target.published)}</span>
      )}
    </>
  ),
  label: 'Link to',
  testId: 'link-suggestions',
}

export function useLinkAutocomplete(
  textarea: RefObject<HTMLTextAreaElement | null>,
  onEdit: (edit: TextEdit) => void,
): LinkAutocomplete {
  return useCaretSuggestions(textarea, LINK_SUGGESTIONS, onEdit)
}
