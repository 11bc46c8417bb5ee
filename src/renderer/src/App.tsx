// The window: a toolbar (back / forward, panes, import, settings), progress and
// status banners, then the panes (papers or notes list | paper | note), laid
// out as the settings in the library say. Where the window is (which paper,
// which note) is a place in the navigation history, so links, backlinks and
// Alt+Left / Alt+Right move through it like a browser.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { LibraryInfo, PaperSort } from '../../shared/model'
import { api, errorMessage, subscribeToLibrary } from './api/client'
import { ImportStatus } from './components/ImportStatus'
import { PaneErrorBoundary } from './components/PaneErrorBoundary'
import { ResizablePanes } from './components/ResizablePanes'
import { TaskProgress } from './components/TaskProgress'
import { Welcome } from './components/Welcome'
import { useImport } from './hooks/useImport'
import { usePaperRows } from './hooks/usePaperRows'
import { useShortcuts } from './hooks/useShortcuts'
import { useTasks } from './hooks/useTasks'
import { placeOf, type Destination } from './navigation/linkDestination'
import { useNavigation } from './navigation/useNavigation'
import { NoteListPane } from './panes/NoteListPane'
import { NotesPane } from './panes/NotesPane'
import { PaperListPane, type RevealRequest } from './panes/PaperListPane'
import { PaperPane } from './panes/PaperPane'
import { useAppearance } from './settings/appearance'
import { SettingsDialog } from './settings/SettingsDialog'
import { useSettings } from './settings/useSettings'

export function App() {
  // Bumped on every change main reports, so views refetch what they show.
  const [version, setVersion] = useState(0)
  const [info, setInfo] = useState<LibraryInfo | undefined>(undefined)
  const [infoError, setInfoError] = useState<string | undefined>(undefined)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [reveal, setReveal] = useState<RevealRequest | undefined>(undefined)
  const { settings, problem: settingsProblem, update } = useSettings()
  const sort: PaperSort = settings?.sort ?? 'published'
  const rows = usePaperRows(version, sort)
  const tasks = useTasks()
  const workspace = useRef<HTMLElement>(null)
  useAppearance(settings?.theme, settings?.readingFontSize)
  // Where the paper list is scrolled; each history entry keeps it for the way back.
  const listScroll = useRef(0)
  const remember = useCallback(() => ({ listScroll: listScroll.current }), [])
  const navigation = useNavigation(remember)
  const { place, go, replace } = navigation
  // A note just created: its title field takes the focus, ready to be typed over.
  const [newNoteId, setNewNoteId] = useState<string | undefined>(undefined)
  const clearNewNote = useCallback(() => setNewNoteId(undefined), [])

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

  const selectedId = place.paperId
  // Selecting without a history entry: what the window starts on.
  const select = useCallback((id: string) => replace({ ...place, paperId: id }), [replace, place])
  const open = useCallback(
    (destination: Destination) => go(placeOf(destination, place)),
    [go, place],
  )
  // The selection is kept in the settings, so the next start shows it again.
  const restored = useRef(false)
  useEffect(() => {
    if (!restored.current || settings === undefined || selectedId === undefined) return
    if (settings.selectedPaperId !== selectedId) update({ selectedPaperId: selectedId })
  }, [selectedId, settings, update])

  // On start, the paper selected last time is shown and scrolled to; if it is
  // gone (or there was none) the first paper is selected, so no pane is blank.
  const firstRow = rows.rowAt(0)
  useEffect(() => {
    if (restored.current || settings === undefined || rows.total === undefined) return
    restored.current = true
    const wanted = settings.selectedPaperId
    if (wanted === null) {
      if (firstRow !== undefined) select(firstRow.id)
      return
    }
    const fallBack = (): void => {
      if (firstRow !== undefined) select(firstRow.id)
    }
    api
      .indexOfPaper({ id: wanted, sort: settings.sort })
      .then((index) => {
        if (index < 0) return fallBack()
        select(wanted)
        setReveal({ id: wanted, serial: Date.now() })
      })
      .catch(fallBack)
  }, [settings, rows.total, firstRow, select, update])
  // A library that was empty gets its first paper selected once an import fills it.
  useEffect(() => {
    if (restored.current && selectedId === undefined && firstRow !== undefined) {
      select(firstRow.id)
    }
  }, [selectedId, firstRow, select])

  const changeSort = useCallback(
    (next: PaperSort) => {
      update({ sort: next })
      if (selectedId !== undefined) setReveal({ id: selectedId, serial: Date.now() })
    },
    [update, selectedId],
  )

  const onImported = useCallback(() => setVersion((v) => v + 1), [])
  const importer = useImport(onImported)

  useShortcuts((command) => {
    if (settings === undefined) return
    if (command === 'settings') setSettingsOpen(true)
    else if (command === 'toggle-list') update({ listPaneOpen: !settings.listPaneOpen })
    else update({ notesPaneOpen: !settings.notesPaneOpen })
  })

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const target = event.target as HTMLElement
    // Esc leaves the note for the list; Enter in the list opens the note.
    if (event.key === 'Escape' && target.matches('[data-testid="note-input"]')) {
      event.preventDefault()
      workspace.current
        ?.querySelector<HTMLElement>('.list-view:not([hidden]) [role="listbox"]')
        ?.focus()
    } else if (event.key === 'Enter' && target.getAttribute('role') === 'listbox') {
      event.preventDefault()
      if (settings !== undefined && !settings.notesPaneOpen) update({ notesPaneOpen: true })
      // After the notes pane (re)appears.
      requestAnimationFrame(() =>
        document.querySelector<HTMLTextAreaElement>('[data-testid="note-input"]')?.focus(),
      )
    }
  }

  const empty = info !== undefined && info.paperCount === 0
  const outcome = importer.outcome
  // While a task reports progress, its bar replaces the plain "Importing…" line.
  const showImportStatus =
    outcome !== undefined && !(outcome.kind === 'running' && tasks.length > 0)

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
        {settings !== undefined && (
          <div className="toolbar-group" role="group" aria-label="Panes">
            <button
              type="button"
              className="toolbar-button toggle-button"
              aria-pressed={settings.listPaneOpen}
              title="Show or hide the paper list (Ctrl/Cmd+Shift+L)"
              onClick={() => update({ listPaneOpen: !settings.listPaneOpen })}
            >
              Paper list
            </button>
            <button
              type="button"
              className="toolbar-button toggle-button"
              aria-pressed={settings.notesPaneOpen}
              title="Show or hide the notes (Ctrl/Cmd+Shift+N)"
              onClick={() => update({ notesPaneOpen: !settings.notesPaneOpen })}
            >
              Notes
            </button>
          </div>
        )}
        <button type="button" className="toolbar-button" onClick={importer.chooseFiles}>
          Import…
        </button>
        <button
          type="button"
          className="toolbar-button"
          title="Settings (Ctrl/Cmd+,)"
          onClick={() => setSettingsOpen(true)}
        >
          Settings
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
          The library could not be read: {infoError}. Check that its folder is still there and
          readable, then restart Offprint.
        </div>
      )}
      {settingsProblem !== undefined && (
        <div className="store-problems" role="alert">
          {settingsProblem}
        </div>
      )}
      {tasks.length > 0 && (
        <div className="task-list" role="status" aria-label="Work in progress">
          {tasks.map((task) => (
            <TaskProgress key={task.taskId} task={task} />
          ))}
        </div>
      )}
      {showImportStatus && <ImportStatus outcome={outcome} onDismiss={importer.dismiss} />}
      <main className="workspace" ref={workspace}>
        {settings !== undefined && (
          <ResizablePanes
            layout={settings}
            onResize={update}
            list={
              <PaneErrorBoundary pane="paper list">
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
                        onSelect={(id, step) => go({ ...place, view: 'papers', paperId: id }, step)}
                        sort={sort}
                        onSortChange={changeSort}
                        reveal={reveal}
                        active={place.view === 'papers'}
                        moves={navigation.moves}
                        restoreScroll={navigation.returned ? place.listScroll : undefined}
                        onScroll={(top) => {
                          listScroll.current = top
                        }}
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
              </PaneErrorBoundary>
            }
            paper={
              <PaneErrorBoundary pane="paper" resetKey={selectedId}>
                <PaperPane
                  paperId={selectedId}
                  version={version}
                  markReadAfterSeconds={settings.markReadAfterSeconds}
                  onOpen={open}
                />
              </PaneErrorBoundary>
            }
            notes={
              <PaneErrorBoundary
                pane="notes"
                resetKey={`${place.view}:${place.noteId ?? selectedId}`}
              >
                <NotesPane
                  place={place}
                  version={version}
                  onOpen={open}
                  newNoteId={newNoteId}
                  onNewNoteFocused={clearNewNote}
                />
              </PaneErrorBoundary>
            }
          />
        )}
      </main>
      {settingsOpen && settings !== undefined && (
        <SettingsDialog
          settings={settings}
          info={info}
          onChange={update}
          onClose={() => setSettingsOpen(false)}
        />
      )}
    </div>
  )
}
