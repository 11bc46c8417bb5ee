// The window: a toolbar, progress and status banners, then the panes
// (list | paper | notes) laid out as the settings in the library say, the
// command palette and the shortcut cheat sheet. Every action is a command
// (src/shared/commands.ts), reachable by key, menu and palette alike.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { CommandId } from '../../shared/commands'
import type { LibraryInfo, PaperSort, ReadingStatus, TitleMatch } from '../../shared/model'
import { api, errorMessage, subscribeToLibrary } from './api/client'
import { runCommand, type CommandContext } from './commands/commandActions'
import { useKeyboardCommands } from './commands/useKeyboardCommands'
import { CommandPalette } from './components/CommandPalette'
import { ImportStatus } from './components/ImportStatus'
import { PaneErrorBoundary } from './components/PaneErrorBoundary'
import { ResizablePanes } from './components/ResizablePanes'
import { SearchBox } from './components/SearchBox'
import { ShortcutsDialog } from './components/ShortcutsDialog'
import { TaskProgress } from './components/TaskProgress'
import { Welcome } from './components/Welcome'
import { useImport } from './hooks/useImport'
import { usePaperRows } from './hooks/usePaperRows'
import { useSelectionHistory } from './hooks/useSelectionHistory'
import { useTasks } from './hooks/useTasks'
import { NotesPane } from './panes/NotesPane'
import { PaperListPane, type PaperListHandle, type RevealRequest } from './panes/PaperListPane'
import { PaperPane, type PaperPaneHandle } from './panes/PaperPane'
import { useAppearance } from './settings/appearance'
import { SettingsDialog } from './settings/SettingsDialog'
import { useSettings } from './settings/useSettings'

type Dialog = 'palette' | 'shortcuts' | undefined
type FocusTarget = 'list' | 'notes' | 'search'

export function App() {
  // Bumped on every change main reports, so views refetch what they show.
  const [version, setVersion] = useState(0)
  const [info, setInfo] = useState<LibraryInfo | undefined>(undefined)
  const [infoError, setInfoError] = useState<string | undefined>(undefined)
  const [actionError, setActionError] = useState<string | undefined>(undefined)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [dialog, setDialog] = useState<Dialog>(undefined)
  const [reveal, setReveal] = useState<RevealRequest | undefined>(undefined)
  const [query, setQuery] = useState('')
  const { settings, problem: settingsProblem, update } = useSettings()
  const sort: PaperSort = settings?.sort ?? 'published'
  const rows = usePaperRows(version, sort, query)
  const tasks = useTasks()
  const workspace = useRef<HTMLElement>(null)
  const listHandle = useRef<PaperListHandle>(null)
  const paperHandle = useRef<PaperPaneHandle>(null)
  const searchInput = useRef<HTMLInputElement>(null)
  // Where focus was before a dialog opened, to put it back on close.
  const focusBeforeDialog = useRef<HTMLElement | null>(null)
  // Focus asked for a pane that is about to be shown.
  const [pendingFocus, setPendingFocus] = useState<FocusTarget | undefined>(undefined)
  useAppearance(settings?.theme, settings?.readingFontSize)

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

  const selectedId = settings?.selectedPaperId ?? undefined
  const select = useCallback((id: string) => update({ selectedPaperId: id }), [update])
  const history = useSelectionHistory(selectedId, select)
  /** Selects a paper and scrolls the list to it, wherever it is. */
  const selectAndReveal = useCallback(
    (id: string) => {
      select(id)
      setReveal({ id, serial: Date.now() })
    },
    [select],
  )

  // On start, the paper selected last time is shown and scrolled to; if it is
  // gone (or there was none) the first paper is selected, so no pane is blank.
  const restored = useRef(false)
  const firstRow = rows.rowAt(0)
  useEffect(() => {
    if (restored.current || settings === undefined || rows.total === undefined) return
    restored.current = true
    const wanted = settings.selectedPaperId
    if (wanted === null) {
      if (firstRow !== undefined) select(firstRow.id)
      return
    }
    const fallBack = (): void => update({ selectedPaperId: firstRow?.id ?? null })
    api
      .indexOfPaper({ id: wanted, sort: settings.sort })
      .then((index) => (index >= 0 ? setReveal({ id: wanted, serial: Date.now() }) : fallBack()))
      .catch(fallBack)
  }, [settings, rows.total, firstRow, select, update])
  // A library that was empty gets its first paper selected once an import fills it.
  useEffect(() => {
    if (restored.current && selectedId === undefined && firstRow !== undefined) {
      select(firstRow.id)
    }
  }, [selectedId, firstRow, select])
  // New search results that leave out the selected paper select the best match;
  // otherwise (and when the search is cleared) the selected paper stays in view.
  const answered = rows.query
  const lastAnswered = useRef('')
  useEffect(() => {
    if (!restored.current || firstRow === undefined || answered === lastAnswered.current) return
    lastAnswered.current = answered
    const listed = selectedId !== undefined && rows.indexOf(selectedId) !== -1
    if (answered !== '' && !listed) select(firstRow.id)
    else if (selectedId !== undefined) setReveal({ id: selectedId, serial: Date.now() })
  }, [answered, firstRow, rows, selectedId, select])

  const changeSort = useCallback(
    (next: PaperSort) => {
      update({ sort: next })
      if (selectedId !== undefined) setReveal({ id: selectedId, serial: Date.now() })
    },
    [update, selectedId],
  )

  const onImported = useCallback(() => setVersion((v) => v + 1), [])
  const importer = useImport(onImported)

  useEffect(() => {
    if (pendingFocus === undefined) return
    if (pendingFocus === 'list') listHandle.current?.focus()
    else if (pendingFocus === 'search') searchInput.current?.select()
    else document.querySelector<HTMLElement>('[data-testid="note-input"]')?.focus()
    setPendingFocus(undefined)
  }, [pendingFocus, settings?.listPaneOpen, settings?.notesPaneOpen])

  const focusPane = useCallback(
    (pane: 'list' | 'paper' | 'notes') => {
      if (pane === 'paper') {
        document.querySelector<HTMLElement>('[data-testid="paper-view"]')?.focus()
        return
      }
      if (pane === 'list' && settings?.listPaneOpen === false) update({ listPaneOpen: true })
      if (pane === 'notes' && settings?.notesPaneOpen === false) update({ notesPaneOpen: true })
      setPendingFocus(pane)
    },
    [settings?.listPaneOpen, settings?.notesPaneOpen, update],
  )

  const changeSelected = useCallback(
    async (change: (id: string) => Promise<unknown>) => {
      if (selectedId === undefined) return
      try {
        await change(selectedId)
        setActionError(undefined)
      } catch (caught) {
        setActionError(errorMessage(caught))
      }
    },
    [selectedId],
  )
  const toggleStar = useCallback(
    () =>
      void changeSelected(async (id) => {
        const paper = await api.getPaper({ id })
        await api.setStarred({ id, starred: !paper.starred })
      }),
    [changeSelected],
  )
  const setStatus = useCallback(
    (status: ReadingStatus) =>
      void changeSelected((id) =>
        // Through the paper pane when it shows this paper, so the automatic
        // "mark as read" knows the user decided.
        paperHandle.current !== null
          ? paperHandle.current.setStatus(status)
          : api.setPaperStatus({ id, status }),
      ),
    [changeSelected],
  )

  const openDialog = useCallback((which: Exclude<Dialog, undefined>) => {
    setDialog((current) => {
      if (current === undefined) focusBeforeDialog.current = document.activeElement as HTMLElement
      return which
    })
  }, [])
  const closeDialog = useCallback(() => {
    setDialog(undefined)
    const previous = focusBeforeDialog.current
    focusBeforeDialog.current = null
    // Back where the user was, or to the list.
    if (previous !== null && previous.isConnected && previous !== document.body) previous.focus()
    else listHandle.current?.focus()
  }, [])

  const commands: CommandContext = {
    importFiles: importer.chooseFiles,
    openSettings: () => setSettingsOpen(true),
    focusSearch: () => {
      if (settings?.listPaneOpen === false) update({ listPaneOpen: true })
      setPendingFocus('search')
    },
    openPalette: () => openDialog('palette'),
    toggleShortcuts: () => (dialog === 'shortcuts' ? closeDialog() : openDialog('shortcuts')),
    focusPane,
    togglePane: (pane) => {
      if (settings === undefined) return
      if (pane === 'list') update({ listPaneOpen: !settings.listPaneOpen })
      else update({ notesPaneOpen: !settings.notesPaneOpen })
    },
    moveSelection: (delta) => listHandle.current?.move(delta),
    goBack: history.back,
    goForward: history.forward,
    toggleStar,
    setStatus,
    hasSelection: () => selectedId !== undefined,
  }
  useKeyboardCommands(commands)

  function runFromPalette(id: CommandId): void {
    closeDialog()
    runCommand(id, commands)
  }

  function jumpTo(match: TitleMatch): void {
    setDialog(undefined)
    focusBeforeDialog.current = null
    // A paper outside the current search results clears the search, so the list shows it.
    if (query !== '' && rows.indexOf(match.paperId) === -1) setQuery('')
    selectAndReveal(match.paperId)
    focusPane(match.kind === 'note' ? 'notes' : 'list')
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.defaultPrevented) return
    const target = event.target as HTMLElement
    // Esc leaves the note for the list; Enter in the list opens the note.
    if (event.key === 'Escape' && target.matches('[data-testid="note-input"]')) {
      event.preventDefault()
      focusPane('list')
    } else if (event.key === 'Enter' && target.getAttribute('role') === 'listbox') {
      event.preventDefault()
      focusPane('notes')
    }
  }

  const empty = info !== undefined && info.paperCount === 0
  const searching = query.trim() !== ''
  const searchAnswered = searching && answered === query.trim()
  const outcome = importer.outcome
  // While a task reports progress, its bar replaces the plain "Importing…" line.
  const showImportStatus =
    outcome !== undefined && !(outcome.kind === 'running' && tasks.length > 0)

  return (
    <div className="app" onKeyDown={onKeyDown}>
      <header className="toolbar">
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
              title="Show or hide the paper list (Ctrl/Cmd+\ or Ctrl/Cmd+Shift+L)"
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
        <button
          type="button"
          className="toolbar-button"
          title="Run a command or jump to a paper (Ctrl/Cmd+K)"
          onClick={() => openDialog('palette')}
        >
          Commands…
        </button>
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
      {actionError !== undefined && (
        <div className="store-problems" role="alert">
          That change was not saved: {actionError}
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
                {empty ? (
                  <Welcome
                    onImportSample={() => void importer.importSample()}
                    onChooseFiles={importer.chooseFiles}
                  />
                ) : (
                  <div className="list-with-search">
                    <SearchBox
                      value={query}
                      onChange={setQuery}
                      onLeave={() => focusPane('list')}
                      inputRef={searchInput}
                      total={searchAnswered ? rows.total : undefined}
                    />
                    <PaperListPane
                      handle={listHandle}
                      rows={rows}
                      selectedId={selectedId}
                      onSelect={select}
                      sort={sort}
                      onSortChange={changeSort}
                      reveal={reveal}
                      emptyMessage={
                        searchAnswered ? `No papers match “${query.trim()}”.` : undefined
                      }
                    />
                  </div>
                )}
              </PaneErrorBoundary>
            }
            paper={
              <PaneErrorBoundary pane="paper" resetKey={selectedId}>
                <PaperPane
                  handle={paperHandle}
                  paperId={selectedId}
                  version={version}
                  query={answered}
                  markReadAfterSeconds={settings.markReadAfterSeconds}
                  onToggleStar={toggleStar}
                />
              </PaneErrorBoundary>
            }
            notes={
              <PaneErrorBoundary pane="notes" resetKey={selectedId}>
                <NotesPane paperId={selectedId} />
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
      {dialog === 'palette' && (
        <CommandPalette
          context={commands}
          onRun={runFromPalette}
          onJump={jumpTo}
          onClose={closeDialog}
        />
      )}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={closeDialog} />}
    </div>
  )
}
