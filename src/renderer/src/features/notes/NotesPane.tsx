// The notes pane: the selected paper's note, or the open standalone note. A
// markdown editor with the `[[` autocomplete, a live preview whose links
// navigate in the app, a save indicator, and for a standalone note its title,
// its trash button and the notes that link to it.
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { Note } from '../../../../shared/model'
import { formatWikiLink, parseWikiLinks } from '../../../../shared/text/wikiLinks'
import { api, errorMessage } from '../../data/client'
import { Backlinks } from '../links/Backlinks'
import { useCitationAutocomplete } from '../citations/CitationAutocomplete'
import { ExportNoteMenu } from '../citations/ExportNoteMenu'
import { LocalGraph } from '../graph/LocalGraph'
import { useLinkAutocomplete } from '../links/LinkAutocomplete'
import { NotePreview, type BrokenLink } from './NotePreview'
import { useNoteInserter } from './noteInserts'
import { useNoteDraft, type NoteSource, type SaveState } from './useNoteDraft'
import type { Destination } from '../navigation/linkDestination'
import type { Place } from '../navigation/navigationHistory'
import { replaceLink, type TextEdit } from './insertLink'

interface NotesPaneProps {
  place: Place
  onOpen(destination: Destination): void
  /** The note just created, whose title field takes the focus (once: then onNewNoteFocused). */
  newNoteId: string | undefined
  onNewNoteFocused(): void
  /** The selected paper is in the Trash: its note is shown, not edited. */
  paperTrashed: boolean
  /** Moves a note to the Trash (one undo step), reporting on the status line. */
  onTrashNote(noteId: string): void
  /** How many papers are selected: for several, there is no one note to show. */
  selectedCount: number
}

export function NotesPane(props: NotesPaneProps) {
  const { place, onOpen, newNoteId, onNewNoteFocused, onTrashNote } = props
  if (place.view === 'notes') {
    if (place.noteId === undefined) {
      return (
        <div className="pane-placeholder">
          Open a note from the list, or create one with <strong>New note</strong>.
        </div>
      )
    }
    // A new key per note gives each its own draft, and flushes the old one.
    return (
      <NoteEditor
        key={`note:${place.noteId}`}
        source={{ kind: 'note', noteId: place.noteId }}
        onOpen={onOpen}
        isNew={place.noteId === newNoteId}
        onNewNoteFocused={onNewNoteFocused}
        paperTrashed={false}
        onTrashNote={onTrashNote}
      />
    )
  }
  if (props.selectedCount > 1) {
    return <div className="pane-placeholder">Select one paper to read or write its note.</div>
  }
  if (place.paperId === undefined) {
    return <div className="pane-placeholder">Notes for the selected paper appear here.</div>
  }
  return (
    <NoteEditor
      key={`paper:${place.paperId}`}
      source={{ kind: 'paper', paperId: place.paperId }}
      onOpen={onOpen}
      isNew={false}
      onNewNoteFocused={onNewNoteFocused}
      paperTrashed={props.paperTrashed}
      onTrashNote={onTrashNote}
    />
  )
}

interface NoteEditorProps {
  source: NoteSource
  onOpen(destination: Destination): void
  isNew: boolean
  onNewNoteFocused(): void
  paperTrashed: boolean
  onTrashNote(noteId: string): void
}

function NoteEditor(props: NoteEditorProps) {
  // The editor is keyed per note, so its source never changes: keep one object.
  const [source] = useState(props.source)
  const { onOpen } = props
  const draft = useNoteDraft(source)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const pendingCaret = useRef<number | undefined>(undefined)
  const editable = draft.state.kind !== 'loading' && draft.state.kind !== 'load-failed'
  // Renamed, trashed or restored: the note is loaded again when the library changes.
  const note = draft.note ?? undefined
  const trashed = note?.trashedAt !== undefined || props.paperTrashed
  // Only a note that is on disk can go to the Trash; a paper's, only once it says something.
  const canTrash =
    !trashed &&
    note !== undefined &&
    draft.state.kind === 'saved' &&
    (source.kind === 'note' || draft.body.trim() !== '')
  const { setBody } = draft
  // A highlight quoted from the PDF reader joins this draft (see noteInserts.ts).
  useNoteInserter(
    source.kind === 'paper' && editable ? source.paperId : undefined,
    draft.body,
    setBody,
  )

  const applyEdit = useCallback(
    (edit: TextEdit) => {
      pendingCaret.current = edit.caret
      setBody(edit.text)
    },
    [setBody],
  )
  const links = useLinkAutocomplete(textarea, applyEdit)
  const citations = useCitationAutocomplete(textarea, applyEdit)
  // `[[` and `[@` never open at once; the one showing answers the keys.
  const autocomplete = citations.shown ? citations : links

  // Put the caret after an inserted link once React has written the new text.
  useLayoutEffect(() => {
    const caret = pendingCaret.current
    if (caret === undefined || textarea.current === null) return
    pendingCaret.current = undefined
    textarea.current.focus()
    textarea.current.setSelectionRange(caret, caret)
  }, [draft.body])

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (!links.onKeyDown(event)) citations.onKeyDown(event)
  }

  function repair(link: BrokenLink, replacement: string): void {
    const kind = link.citationKey === undefined ? 'link' : 'citation'
    const next = replaceLink(draft.body, link.raw, link.occurrence, replacement, kind)
    if (next !== undefined) setBody(next)
  }

  async function createNoteFor(link: BrokenLink): Promise<void> {
    const created = await api.createNote({ title: link.title })
    // A link by title now finds the new note; a link by id must be pointed at it.
    if (parseWikiLinks(link.raw)[0]?.target.kind !== 'title') {
      repair(link, formatWikiLink('note', created.id, created.title))
    }
    draft.flush()
    onOpen({ kind: 'note', id: created.id })
  }

  return (
    <div className="note-editor">
      <div className="note-toolbar">
        {source.kind === 'note' && note !== undefined ? (
          <NoteTitle
            key={note.id}
            note={note}
            readOnly={trashed}
            focus={props.isNew}
            onFocused={props.onNewNoteFocused}
            onRenamed={() => undefined}
          />
        ) : (
          <span className="note-heading">Note</span>
        )}
        {props.paperTrashed ? (
          <span className="save-indicator">In the Trash with its paper</span>
        ) : (
          <SaveIndicator state={draft.state} />
        )}
        {note !== undefined && draft.body.trim() !== '' && (
          <ExportNoteMenu noteId={note.id} onSaved={draft.flush} />
        )}
        {canTrash && note !== undefined && (
          <button
            type="button"
            className="small-button"
            title={
              source.kind === 'note'
                ? 'Move this note to the Trash (links to it will show as broken)'
                : 'Move this note to the Trash (the paper stays)'
            }
            onClick={() => props.onTrashNote(note.id)}
          >
            Move to Trash
          </button>
        )}
      </div>
      {trashed && note !== undefined && source.kind === 'note' && (
        <div className="trash-notice" role="status">
          This note is in the Trash; links to it show as broken.
          <button
            type="button"
            className="small-button"
            onClick={() => void api.restoreFromTrash({ noteIds: [note.id] })}
          >
            Restore
          </button>
        </div>
      )}
      <div className="note-input-frame">
        <textarea
          ref={textarea}
          className="note-input"
          aria-label="Note (markdown)"
          data-testid="note-input"
          placeholder={
            editable
              ? 'Write your note in markdown… Type [[ to link a paper or note, [@ to cite a paper.'
              : ''
          }
          value={draft.body}
          readOnly={!editable || trashed}
          onChange={(event) => {
            draft.setBody(event.target.value)
            links.update()
            citations.update()
          }}
          onSelect={() => {
            links.update()
            citations.update()
          }}
          onKeyDown={onKeyDown}
          onBlur={draft.flush}
          spellCheck
          {...autocomplete.inputProps}
        />
        {links.popup}
        {citations.popup}
      </div>
      <NotePreview
        body={draft.body}
        onOpen={onOpen}
        onCreateNote={(link) => void createNoteFor(link)}
        onRepair={repair}
      />
      {source.kind === 'note' && (
        <div className="note-backlinks">
          <Backlinks kind="note" id={source.noteId} onOpen={onOpen} />
          <LocalGraph kind="note" id={source.noteId} onOpen={onOpen} />
        </div>
      )}
    </div>
  )
}

/** A standalone note's title, renamed in place (Enter or leaving the field saves it). */
function NoteTitle(props: {
  note: Note
  readOnly: boolean
  /** Take the focus with the title selected (a new note: its title is typed first). */
  focus: boolean
  onFocused(): void
  onRenamed(note: Note): void
}) {
  const { note, onRenamed, onFocused } = props
  const [title, setTitle] = useState(note.title)
  const [error, setError] = useState<string | undefined>(undefined)
  const input = useRef<HTMLInputElement>(null)
  const focus = props.focus

  useLayoutEffect(() => {
    if (!focus) return
    input.current?.select()
    onFocused()
  }, [focus, onFocused])

  function commit(): void {
    if (title.trim() === note.title) return
    api
      .updateNote({ id: note.id, title })
      .then((renamed) => {
        setError(undefined)
        onRenamed(renamed)
      })
      .catch((caught: unknown) => setError(errorMessage(caught)))
  }

  return (
    <input
      ref={input}
      className={`note-title-input${error === undefined ? '' : ' invalid'}`}
      aria-label="Note title"
      data-testid="note-title"
      value={title}
      readOnly={props.readOnly}
      title={error}
      onChange={(event) => setTitle(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault()
          commit()
          document.querySelector<HTMLTextAreaElement>('[data-testid="note-input"]')?.focus()
        }
      }}
    />
  )
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
