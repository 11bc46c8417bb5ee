// The notes pane: a markdown editor for the selected paper's note, with a live
// preview (marked, then DOMPurify, then KaTeX for the math) and a save indicator.
import { useDeferredValue, useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react'
import { openExternal } from '../api/openExternal'
import { useNoteDraft, type SaveState } from '../hooks/useNoteDraft'
import { renderMarkdown } from '../markdown/renderMarkdown'
import { typesetMathIn } from '../math/renderMath'

interface NotesPaneProps {
  paperId: string | undefined
  version: number
  /** The paper is in the Trash: its note is shown, not edited. */
  trashed: boolean
  onTrashNote: (noteId: string) => void
  /** How many papers are selected: for several, there is no one note to show. */
  selectedCount: number
}

export function NotesPane(props: NotesPaneProps) {
  if (props.selectedCount > 1) {
    return <div className="pane-placeholder">Select one paper to read or write its note.</div>
  }
  if (props.paperId === undefined) {
    return <div className="pane-placeholder">Notes for the selected paper appear here.</div>
  }
  // A new key per paper gives each note its own draft, and flushes the old one.
  return <NoteEditor key={props.paperId} {...props} paperId={props.paperId} />
}

function NoteEditor(props: NotesPaneProps & { paperId: string }) {
  const draft = useNoteDraft(props.paperId, props.version)
  // Typing stays responsive on long notes: the preview may lag a frame behind.
  const previewSource = useDeferredValue(draft.body)
  const previewHtml = useMemo(() => renderMarkdown(previewSource), [previewSource])
  const preview = useRef<HTMLDivElement>(null)
  // React sets the sanitized HTML; the math placeholders in it are typeset before paint.
  useLayoutEffect(() => {
    if (preview.current === null) return
    typesetMathIn(preview.current)
    // A code block wider than the pane scrolls sideways: the keyboard must reach it too.
    for (const block of preview.current.querySelectorAll('pre')) block.tabIndex = 0
  }, [previewHtml])
  const editable =
    !props.trashed && draft.state.kind !== 'loading' && draft.state.kind !== 'load-failed'
  const { noteId } = draft
  const canTrash =
    !props.trashed &&
    noteId !== undefined &&
    draft.body.trim() !== '' &&
    draft.state.kind === 'saved'

  return (
    <div className="note-editor">
      <div className="note-toolbar">
        <span className="note-heading">Note</span>
        {props.trashed ? (
          <span className="save-indicator">In the Trash with its paper</span>
        ) : (
          <SaveIndicator state={draft.state} />
        )}
        {canTrash && (
          <button
            type="button"
            className="small-button"
            title="Move this note to the Trash (the paper stays)"
            onClick={() => props.onTrashNote(noteId)}
          >
            Move to Trash
          </button>
        )}
      </div>
      <textarea
        className="note-input"
        aria-label="Note (markdown)"
        data-testid="note-input"
        placeholder={editable ? 'Write your note in markdown…' : ''}
        value={draft.body}
        readOnly={!editable}
        onChange={(event) => draft.setBody(event.target.value)}
        onBlur={draft.flush}
        spellCheck
      />
      <div
        ref={preview}
        className="note-preview markdown-body"
        role="region"
        aria-label="Note preview"
        data-testid="note-preview"
        // Focusable, so the keyboard can scroll a long preview.
        tabIndex={0}
        onClick={followLink}
        // Sanitized by DOMPurify in renderMarkdown; never raw user HTML.
        dangerouslySetInnerHTML={{ __html: previewHtml }}
      />
    </div>
  )
}

/**
 * Links in the preview go to the system browser and never navigate the app;
 * a jump within the note (a footnote and its way back) scrolls the preview.
 */
function followLink(event: MouseEvent<HTMLDivElement>): void {
  const anchor = (event.target as Element).closest('a')
  if (anchor === null) return
  event.preventDefault()
  const href = anchor.getAttribute('href')
  if (href === null) return
  if (href.startsWith('#')) {
    const target = event.currentTarget.querySelector(`[id="${CSS.escape(href.slice(1))}"]`)
    target?.scrollIntoView({ block: 'nearest' })
    return
  }
  openExternal(href)
}

const STATE_TEXT: Record<SaveState['kind'], string> = {
  loading: 'Loading…',
  saved: 'Saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  failed: 'Not saved',
  'load-failed': 'Could not load',
}

function SaveIndicator({ state }: { state: SaveState }) {
  const problem = state.kind === 'failed' || state.kind === 'load-failed'
  return (
    <span
      className={`save-indicator save-${state.kind}`}
      role="status"
      data-testid="save-indicator"
      title={problem ? state.message : undefined}
    >
      {STATE_TEXT[state.kind]}
      {state.kind === 'failed' && ` — ${state.message} (retrying)`}
      {state.kind === 'load-failed' && ` — ${state.message}`}
    </span>
  )
}
