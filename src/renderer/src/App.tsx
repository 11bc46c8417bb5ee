// The window: a toolbar (back / forward, import), then the three panes
// (papers or notes list | paper | note). Where the window is (which paper,
// which note) is a place in the navigation history, so links, backlinks and
// Alt+Left / Alt+Right move through it like a browser.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { LibraryInfo } from '../../shared/model'
import { api, errorMessage, subscribeToLibrary } from './api/client'
import { ImportStatus } from './components/ImportStatus'
import { ResizablePanes } from './components/ResizablePanes'
import { Welcome } from './components/Welcome'
import { useImport } from './hooks/useImport'
import { usePaperRows } from './hooks/usePaperRows'
import { placeOf, type Destination } from './navigation/linkDestination'
import { useNavigation } from './navigation/useNavigation'
import { NoteListPane } from './panes/NoteListPane'
import { NotesPane } from './panes/NotesPane'
import { PaperListPane } from './panes/PaperListPane'
import { PaperPane } from './panes/PaperPane'

export function App() {
  // Bumped on every change main reports, so views refetch what they show.
  const [version, setVersion] = useState(0)
  const [info, setInfo] = useState<LibraryInfo | undefined>(undefined)
  const [infoError, setInfoError] = useState<string | undefined>(undefined)
  // Where the paper list is scrolled; each history entry keeps it for the way back.
  const listScroll = useRef(0)
  const remember = useCallback(() => ({ listScroll: listScroll.current }), [])
  const navigation = useNavigation(remember)
  // A note just created: its title field takes the focus, ready to be typed over.
  const [newNoteId, setNewNoteId] = useState<string | undefined>(undefined)
  const clearNewNote = useCallback(() => setNewNoteId(undefined), [])
  const { place } = navigation
  const selectedId = place.paperId
  const rows = usePaperRows(version, 'published')
  const listRef = useRef<HTMLDivElement>(null)

  useEffect(
    () =>
      subscribeToLibrary((event) => event.type === 'library-changed' && setVersion((v) => v + 1)),
    [],
  )

  useEffect(() => {
    api
      .getLibraryInfo({})
      .then((value) => {
        setInfo(value)
        setInfoError(undefined)
      })
      .catch((caught: unknown) => setInfoError(errorMessage(caught)))
  }, [version])

  // The first paper is selected once there is one, so the panes are never blank.
  const firstRow = rows.rowAt(0)
  const { replace, go } = navigation
  useEffect(() => {
    if (selectedId === undefined && firstRow !== undefined) {
      replace({ ...place, paperId: firstRow.id })
    }
  }, [selectedId, firstRow, replace, place])

  const open = useCallback(
    (destination: Destination) => go(placeOf(destination, place)),
    [go, place],
  )

  const onImported = useCallback(() => setVersion((v) => v + 1), [])
  const importer = useImport(onImported)

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const target = event.target as HTMLElement
    const inEditor = target.closest('textarea, input') !== null
    // Esc leaves the note for the list; Enter in the list opens the note.
    if (event.key === 'Escape' && inEditor) {
      event.preventDefault()
      listRef.current
        ?.querySelector<HTMLElement>('.list-view:not([hidden]) [role="listbox"]')
        ?.focus()
    } else if (event.key === 'Enter' && target.getAttribute('role') === 'listbox') {
      event.preventDefault()
      document.querySelector<HTMLTextAreaElement>('[data-testid="note-input"]')?.focus()
    }
  }

  const empty = info !== undefined && info.paperCount === 0

  return (
    <div className="app" onKeyDown={onKeyDown}>
      <header className="toolbar">
        <span className="history-buttons">
          <button
            type="button"
            className="toolbar-button history-button"
            aria-label="Back"
            title="Back (Alt+←)"
            disabled={!navigation.canGoBack}
            onClick={navigation.back}
          >
            ←
          </button>
          <button
            type="button"
            className="toolbar-button history-button"
            aria-label="Forward"
            title="Forward (Alt+→)"
            disabled={!navigation.canGoForward}
            onClick={navigation.forward}
          >
            →
          </button>
        </span>
        <span className="app-name">Offprint</span>
        <span className="library-count" data-testid="library-count">
          {info === undefined
            ? ''
            : `${info.paperCount.toLocaleString('en')} ${info.paperCount === 1 ? 'paper' : 'papers'}`}
        </span>
        <span className="toolbar-spacer" />
        <button type="button" className="toolbar-button" onClick={importer.chooseFiles}>
          Import…
        </button>
        <input
          ref={importer.fileInput}
          type="file"
          accept=".txt,text/plain"
          multiple
          hidden
          data-testid="import-file-input"
          onChange={(event) => importer.onFilesChosen(event.target.files)}
        />
      </header>
      {info !== undefined && info.problems.length > 0 && (
        <div className="store-problems" role="alert">
          {info.problems.map((problem) => (
            <p key={problem.file}>
              <strong>{problem.file} could not be read</strong> ({problem.reason}). It was moved to{' '}
              {problem.movedTo} and left untouched; the rest of the library is open.
            </p>
          ))}
        </div>
      )}
      {infoError !== undefined && (
        <div className="store-problems" role="alert">
          The library could not be read: {infoError}
        </div>
      )}
      {importer.outcome !== undefined && (
        <ImportStatus outcome={importer.outcome} onDismiss={importer.dismiss} />
      )}
      <div className="workspace" ref={listRef}>
        <ResizablePanes
          list={
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
              {/* Both lists stay mounted, so each keeps its scroll, selection and search. */}
              <div className="list-view" hidden={place.view !== 'papers'}>
                {empty ? (
                  <Welcome
                    onImportSample={() => void importer.importSample()}
                    onChooseFiles={importer.chooseFiles}
                  />
                ) : (
                  <PaperListPane
                    rows={rows}
                    selectedId={selectedId}
                    active={place.view === 'papers'}
                    moves={navigation.moves}
                    restoreScroll={navigation.returned ? place.listScroll : undefined}
                    onScroll={(top) => {
                      listScroll.current = top
                    }}
                    onSelect={(id, step) => go({ ...place, view: 'papers', paperId: id }, step)}
                  />
                )}
              </div>
              <div className="list-view" hidden={place.view !== 'notes'}>
                <NoteListPane
                  selectedId={place.noteId}
                  version={version}
                  onOpen={(noteId) => go({ ...place, view: 'notes', noteId })}
                  onCreated={(noteId) => {
                    setNewNoteId(noteId)
                    go({ ...place, view: 'notes', noteId })
                  }}
                />
              </div>
            </div>
          }
          paper={<PaperPane paperId={selectedId} version={version} onOpen={open} />}
          notes={
            <NotesPane
              place={place}
              version={version}
              onOpen={open}
              newNoteId={newNoteId}
              onNewNoteFocused={clearNewNote}
            />
          }
        />
      </div>
    </div>
  )
}
