// The window: a toolbar, then the three panes (list | paper | notes), the
// command palette and the shortcut cheat sheet. Every action is a command
// (src/shared/commands.ts), reachable by key, menu and palette alike.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { CommandId } from '../../shared/commands'
import type { LibraryInfo, ReadingStatus, TitleMatch } from '../../shared/model'
import { api, errorMessage, subscribeToLibrary } from './api/client'
import { runCommand, type CommandContext } from './commands/commandActions'
import { useKeyboardCommands } from './commands/useKeyboardCommands'
import { CommandPalette } from './components/CommandPalette'
import { ImportStatus } from './components/ImportStatus'
import { ResizablePanes } from './components/ResizablePanes'
import { SearchBox } from './components/SearchBox'
import { ShortcutsDialog } from './components/ShortcutsDialog'
import { Welcome } from './components/Welcome'
import { useImport } from './hooks/useImport'
import { usePaperRows } from './hooks/usePaperRows'
import { useSelectionHistory } from './hooks/useSelectionHistory'
import { NotesPane } from './panes/NotesPane'
import { PaperListPane, type PaperListHandle } from './panes/PaperListPane'
import { PaperPane } from './panes/PaperPane'

type Dialog = 'palette' | 'shortcuts' | undefined

export function App() {
  // Bumped on every change main reports, so views refetch what they show.
  const [version, setVersion] = useState(0)
  const [info, setInfo] = useState<LibraryInfo | undefined>(undefined)
  const [infoError, setInfoError] = useState<string | undefined>(undefined)
  const [actionError, setActionError] = useState<string | undefined>(undefined)
  const [query, setQuery] = useState('')
  const [showList, setShowList] = useState(true)
  const [showNotes, setShowNotes] = useState(true)
  const [dialog, setDialog] = useState<Dialog>(undefined)
  const history = useSelectionHistory()
  const selectedId = history.selectedId
  const rows = usePaperRows(version, 'published', query)
  const listHandle = useRef<PaperListHandle>(null)
  const searchInput = useRef<HTMLInputElement>(null)
  // Where focus was before a dialog opened, to put it back on close.
  const focusBeforeDialog = useRef<HTMLElement | null>(null)
  // Focus requests for panes that are about to be shown.
  const [pendingFocus, setPendingFocus] = useState<'list' | 'notes' | 'search' | undefined>()

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

  // The first row is selected when nothing is, and when a new search's
  // results do not include the selected paper, so the panes are never blank.
  const firstRow = rows.rowAt(0)
  const answered = rows.query
  const selectedIndex = selectedId === undefined ? -1 : rows.indexOf(selectedId)
  const { select } = history
  const lastAnswered = useRef('')
  useEffect(() => {
    if (firstRow === undefined) return
    const newSearch = answered !== lastAnswered.current
    lastAnswered.current = answered
    if (selectedId === undefined || (newSearch && selectedIndex === -1)) {
      select(firstRow.id, { replace: true })
    }
  }, [firstRow, answered, selectedId, selectedIndex, select])

  const onImported = useCallback(() => setVersion((v) => v + 1), [])
  const importer = useImport(onImported)

  const focusPane = useCallback((pane: 'list' | 'paper' | 'notes') => {
    if (pane === 'paper') {
      document.querySelector<HTMLElement>('[data-testid="paper-view"]')?.focus()
      return
    }
    if (pane === 'list') setShowList(true)
    else setShowNotes(true)
    setPendingFocus(pane)
  }, [])

  useEffect(() => {
    if (pendingFocus === undefined) return
    if (pendingFocus === 'list') listHandle.current?.focus()
    else if (pendingFocus === 'search') searchInput.current?.select()
    else document.querySelector<HTMLElement>('[data-testid="note-input"]')?.focus()
    setPendingFocus(undefined)
  }, [pendingFocus, showList, showNotes])

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
    (status: ReadingStatus) => void changeSelected((id) => api.setStatus({ id, status })),
    [changeSelected],
  )

  const openDialog = useCallback((which: Exclude<Dialog, undefined>) => {
    setDialog((current) => {
      if (current === undefined) focusBeforeDialog.current = document.activeElement as HTMLElement
      return current === which ? undefined : which
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
    focusSearch: () => {
      setShowList(true)
      setPendingFocus('search')
    },
    openPalette: () => openDialog('palette'),
    toggleShortcuts: () => (dialog === 'shortcuts' ? closeDialog() : openDialog('shortcuts')),
    focusPane,
    togglePane: (pane) => (pane === 'list' ? setShowList((v) => !v) : setShowNotes((v) => !v)),
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
    select(match.paperId)
    focusPane(match.kind === 'note' ? 'notes' : 'list')
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.defaultPrevented) return
    const target = event.target as HTMLElement
    const inEditor = target.closest('textarea') !== null
    // Esc leaves the note for the list; Enter in the list opens the note.
    if (event.key === 'Escape' && inEditor) {
      event.preventDefault()
      focusPane('list')
    } else if (event.key === 'Enter' && target.getAttribute('role') === 'listbox') {
      event.preventDefault()
      focusPane('notes')
    }
  }

  const empty = info !== undefined && info.paperCount === 0
  const searching = query.trim() !== ''

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
        <button
          type="button"
          className="toolbar-button"
          onClick={() => openDialog('palette')}
          title="Run a command or jump to a paper"
        >
          Commands…
        </button>
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
      {actionError !== undefined && (
        <div className="store-problems" role="alert">
          That change was not saved: {actionError}
        </div>
      )}
      {importer.outcome !== undefined && (
        <ImportStatus outcome={importer.outcome} onDismiss={importer.dismiss} />
      )}
      <div className="workspace">
        <ResizablePanes
          showList={showList}
          showNotes={showNotes}
          list={
            empty ? (
              <Welcome
                onImportSample={() => void importer.importSample()}
                onChooseFiles={importer.chooseFiles}
              />
            ) : (
              <>
                <SearchBox
                  value={query}
                  onChange={setQuery}
                  onLeave={() => focusPane('list')}
                  inputRef={searchInput}
                  total={searching && answered === query.trim() ? rows.total : undefined}
                />
                <PaperListPane
                  handle={listHandle}
                  rows={rows}
                  selectedId={selectedId}
                  onSelect={(id) => select(id)}
                  emptyMessage={
                    searching && answered === query.trim()
                      ? `No papers match “${query.trim()}”.`
                      : undefined
                  }
                />
              </>
            )
          }
          paper={
            <PaperPane
              paperId={selectedId}
              version={version}
              query={answered}
              onToggleStar={toggleStar}
              onSetStatus={setStatus}
            />
          }
          notes={<NotesPane paperId={selectedId} />}
        />
      </div>
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
