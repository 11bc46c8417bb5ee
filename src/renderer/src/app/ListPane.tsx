// The list column: Papers | Notes. Both lists stay mounted, so each keeps its
// scroll, selection and search.
import type { ReactNode } from 'react'
import type { Navigation } from '../features/navigation/useNavigation'
import { NoteListPane } from '../features/notes/NoteListPane'

export function ListPane(props: {
  navigation: Navigation
  papers: ReactNode
  /** A note was just created in the notes list. */
  onNoteCreated(noteId: string): void
}) {
  const { place, go } = props.navigation
  return (
    <div className="list-pane">
      <div className="list-tabs" role="tablist" aria-label="List">
        {(['papers', 'notes'] as const).map((view) => (
          <button
            key={view}
            type="button"
            role="tab"
            aria-selected={place.view === view}
            className={`list-tab${place.view === view ? ' active' : ''}`}
            onClick={() => go({ ...place, view })}
          >
            {view === 'papers' ? 'Papers' : 'Notes'}
          </button>
        ))}
      </div>
      <div className="list-view" hidden={place.view !== 'papers'}>
        {props.papers}
      </div>
      <div className="list-view" hidden={place.view !== 'notes'}>
        <NoteListPane
          selectedId={place.noteId}
          onOpen={(noteId) => go({ ...place, view: 'notes', noteId })}
          onCreated={(noteId) => {
            props.onNoteCreated(noteId)
            go({ ...place, view: 'notes', noteId })
          }}
        />
      </div>
    </div>
  )
}
