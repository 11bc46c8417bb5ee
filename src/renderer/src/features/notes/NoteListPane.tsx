// The standalone notes (a topic, a reading plan, a literature review): search
// them, open one, create one. Trashed notes are in the sidebar's Trash.
// Self-contained, so the sidebar could host it later.
import { useState, type KeyboardEvent } from 'react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { answerOf } from '../../data/answerOf'
import { api, errorMessage } from '../../data/client'
import { libraryQueries } from '../../data/libraryQueries'
import { formatDate } from '../../ui/format'

interface NoteListPaneProps {
  selectedId: string | undefined
  onOpen(noteId: string): void
  /** A note was just created here (its title is then ready to be typed). */
  onCreated(noteId: string): void
}

export function NoteListPane({ selectedId, onOpen, onCreated }: NoteListPaneProps) {
  const [query, setQuery] = useState('')
  const [createError, setCreateError] = useState<string | undefined>(undefined)

  // The last answer stays listed while the next search's is on its way.
  const loaded = answerOf(
    useQuery({ ...libraryQueries.notes(query), placeholderData: keepPreviousData }),
  )

  async function createNote(): Promise<void> {
    try {
      const note = await api.createNote({ title: query.trim() || 'Untitled' })
      setCreateError(undefined)
      setQuery('')
      onCreated(note.id)
    } catch (caught) {
      setCreateError(errorMessage(caught))
    }
  }

  const notes = loaded !== undefined && 'value' in loaded ? loaded.value : []
  const selectedIndex = notes.findIndex((note) => note.id === selectedId)

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    const step =
      event.key === 'ArrowDown' || event.key === 'j'
        ? 1
        : event.key === 'ArrowUp' || event.key === 'k'
          ? -1
          : 0
    if (step === 0 || notes.length === 0 || event.altKey) return
    event.preventDefault()
    const next = notes[Math.min(notes.length - 1, Math.max(0, selectedIndex + step))]
    if (next !== undefined) onOpen(next.id)
  }

  return (
    <div className="note-list-pane" data-testid="note-list-pane">
      <div className="note-list-toolbar">
        <input
          type="search"
          className="note-search"
          aria-label="Search notes"
          placeholder="Search notes"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="button" className="toolbar-button" onClick={() => void createNote()}>
          New note
        </button>
      </div>
      {createError !== undefined && (
        <p className="pane-error" role="alert">
          {createError}
        </p>
      )}
      {loaded !== undefined && 'error' in loaded && (
        <p className="pane-error" role="alert">
          Could not list the notes: {loaded.error}
        </p>
      )}
      <ul
        className="note-list"
        role="listbox"
        aria-label="Notes"
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        {notes.map((note) => (
          <li
            key={note.id}
            role="option"
            aria-selected={note.id === selectedId}
            className={`note-row${note.id === selectedId ? ' selected' : ''}`}
            data-testid="note-row"
            onClick={() => onOpen(note.id)}
          >
            <div className="note-row-title">{note.title}</div>
            <div className="note-row-meta">
              <span>{formatDate(note.updatedAt)}</span>
              {note.excerpt !== '' && <span className="note-row-excerpt">{note.excerpt}</span>}
            </div>
          </li>
        ))}
      </ul>
      {loaded !== undefined && 'value' in loaded && notes.length === 0 && (
        <p className="pane-placeholder">
          {query !== ''
            ? 'No note matches.'
            : 'No notes yet. A note can be a topic, a reading plan or a literature review.'}
        </p>
      )}
    </div>
  )
}
