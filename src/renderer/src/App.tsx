// The window: a toolbar, progress and status banners, then the panes
// (sidebar | papers or notes list | paper | note), laid out as the settings in
// the library say, the command palette and the shortcut cheat sheet. The list
// shows the sidebar's choice, searched with the box above it; organizing
// actions go through main (one undo step each) and report on the status line.
// Every command (src/shared/commands.ts) is reachable by key, menu and palette.
// Where the window is (which paper, which standalone note) is also a place in a
// back / forward history, so links, backlinks and Alt+Left / Alt+Right move
// through it like a browser.
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react'
import type { CommandId } from '../../shared/commands'
import { IMPORT_FILE_ACCEPT } from '../../shared/model'
import type {
  CollectionNode,
  ImportReport,
  LibraryInfo,
  ListScope,
  PaperFilter,
  PaperSort,
  TitleMatch,
} from '../../shared/model'
import { api, errorMessage, subscribeToLibrary } from './api/client'
import { DuplicatesDialog } from './components/DuplicatesDialog'
import { ExportDialog } from './components/ExportDialog'
import { ImportPreviewDialog } from './components/ImportPreviewDialog'
import { LookupQueueBanner } from './components/LookupQueueBanner'
import { runCommand, type CommandContext } from './commands/commandActions'
import { useKeyboardCommands } from './commands/useKeyboardCommands'
import { ActionToast } from './components/ActionToast'
import { AppDialog, type AppDialogState } from './components/AppDialog'
import { BackupsDialog } from './components/BackupsDialog'
import { CommandPalette } from './components/CommandPalette'
import { ContextMenu, type OpenMenu } from './components/ContextMenu'
import { ImportStatus, type FileInto } from './components/ImportStatus'
import { LibraryProblems } from './components/LibraryProblems'
import { PaneErrorBoundary } from './components/PaneErrorBoundary'
import { ResizablePanes } from './components/ResizablePanes'
import { SearchBox } from './components/SearchBox'
import { ShortcutsDialog } from './components/ShortcutsDialog'
import { TaskProgress } from './components/TaskProgress'
import { Welcome } from './components/Welcome'
import { useActionStatus } from './hooks/useActionStatus'
import { useImport } from './hooks/useImport'
import {
  useSidebarData,
  useStandaloneNotes,
  useTrashContents,
  useUndoState,
} from './hooks/useLibraryData'
import { usePaperRows } from './hooks/usePaperRows'
import { useSelection } from './hooks/useSelection'
import { useTasks } from './hooks/useTasks'
import { useUndo } from './hooks/useUndo'
import { placeOf, type Destination } from './navigation/linkDestination'
import { useNavigation } from './navigation/useNavigation'
import { collectionEntries, pathLabel } from './organize/collectionPaths'
import { usePaperCommands } from './organize/usePaperActions'
import { ListHeader } from './panes/ListHeader'
import { NoteListPane } from './panes/NoteListPane'
import { NotesPane } from './panes/NotesPane'
import { PaperListPane, type PaperListHandle, type RevealRequest } from './panes/PaperListPane'
import { PaperPane } from './panes/PaperPane'
import { SelectionSummaryPane } from './panes/SelectionSummaryPane'
import { TrashExtras } from './panes/TrashExtras'
import { useAppearance } from './settings/appearance'
import { SettingsDialog } from './settings/SettingsDialog'
import { useSettings } from './settings/useSettings'
import { Sidebar, type SidebarEditing } from './sidebar/Sidebar'
import { VIEW_LABELS, scopeKey } from './sidebar/sidebarEntries'
import { useSidebarActions } from './sidebar/useSidebarActions'

export function App() {
  // Bumped on every change main reports, so views refetch what they show.
  const [version, setVersion] = useState(0)
  const [info, setInfo] = useState<LibraryInfo | undefined>(undefined)
  const [infoError, setInfoError] = useState<string | undefined>(undefined)
  const [settingsOpen, setSettingsOpen] = useState(false)
  // File > Export… and Find Duplicates… (the organizing dialogs are `dialog` below).
  const [formatsDialog, setFormatsDialog] = useState<'export' | 'duplicates' | undefined>(undefined)
  const [backupsOpen, setBackupsOpen] = useState(false)
  const [reveal, setReveal] = useState<RevealRequest | undefined>(undefined)
  const { settings, problem: settingsProblem, update } = useSettings()
  const sort: PaperSort = settings?.sort ?? 'published'
  // The sidebar's choice is a setting, so the next start shows the same collection or view.
  const scope: ListScope = settings?.listScope ?? LIBRARY_SCOPE
  const [tags, setTags] = useState<string[]>([])
  const filter = useMemo(
    (): PaperFilter => (tags.length === 0 ? { scope } : { scope, tags }),
    [scope, tags],
  )
  const [query, setQuery] = useState('')
  const rows = usePaperRows(version, sort, filter, query)
  const selection = useSelection(rows, version, sort, filter)
  const sidebarData = useSidebarData(version)
  const standaloneNotes = useStandaloneNotes(version)
  const trashContents = useTrashContents(version, scope.kind === 'trash')
  const undoState = useUndoState(version)
  const status = useActionStatus()
  const replay = useUndo(status)
  const { show: showStatus } = status
  // An index rebuilt in the background says on the status line when it is done.
  const tasks = useTasks(
    useCallback(
      (text: string) => showStatus({ kind: 'done', text, undoable: false }),
      [showStatus],
    ),
  )
  const [menu, setMenu] = useState<OpenMenu | undefined>(undefined)
  const [dialog, setDialog] = useState<AppDialogState | undefined>(undefined)
  const [editing, setEditing] = useState<SidebarEditing | undefined>(undefined)
  const workspace = useRef<HTMLElement>(null)
  const tagInput = useRef<HTMLInputElement>(null)
  const listHandle = useRef<PaperListHandle>(null)
  const searchInput = useRef<HTMLInputElement>(null)
  // The palette or the cheat sheet, and where focus was before it opened.
  const [overlay, setOverlay] = useState<'palette' | 'shortcuts' | undefined>(undefined)
  const focusBeforeOverlay = useRef<HTMLElement | null>(null)
  // Focus asked for a pane that is about to be shown.
  const [pendingFocus, setPendingFocus] = useState<'list' | 'notes' | 'search' | undefined>()
  useAppearance(settings?.theme, settings?.readingFontSize)
  // Where the paper list is scrolled; each history entry keeps it for the way back.
  const listScroll = useRef(0)
  const remember = useCallback(() => ({ listScroll: listScroll.current }), [])
  const navigation = useNavigation(remember)
  const { place, go, record, replace } = navigation
  // A note just created: its title field takes the focus, ready to be typed over.
  const [newNoteId, setNewNoteId] = useState<string | undefined>(undefined)
  const clearNewNote = useCallback(() => setNewNoteId(undefined), [])

  useEffect(
    () =>
      subscribeToLibrary((event) => {
        if (event.type === 'library-changed') setVersion((v) => v + 1)
      }),
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

  const choose = useCallback(
    (next: ListScope, nextTags: string[]) => {
      update({ listScope: next })
      setTags(nextTags)
    },
    [update],
  )

  // A collection that is gone (trashed, or its creation undone) leaves the list on the library.
  const collections = useMemo(() => sidebarData?.collections ?? [], [sidebarData])
  useEffect(() => {
    if (scope.kind !== 'collection' || sidebarData === undefined) return
    if (!collections.some((node) => node.id === scope.id)) choose({ kind: 'library' }, [])
  }, [scope, sidebarData, collections, choose])

  // On start, the paper selected last time is shown and scrolled to; if it is
  // gone (or there was none) the first paper is selected, so no pane is blank.
  const restored = useRef(false)
  const firstRow = rows.rowAt(0)
  const { selectInitial } = selection
  useEffect(() => {
    if (restored.current || settings === undefined || rows.total === undefined) return
    restored.current = true
    const wanted = settings.selectedPaperId
    if (wanted === null) return
    api
      .indexOfPaper({ id: wanted, sort: settings.sort, filter: { scope: settings.listScope } })
      .then((index) => {
        if (index < 0) return
        selectInitial(wanted)
        setReveal({ id: wanted, serial: Date.now() })
      })
      .catch(() => undefined) // the first paper is selected instead
  }, [settings, rows.total, selectInitial])
  const nothingSelected = selection.ids.length === 0
  useEffect(() => {
    if (restored.current && nothingSelected && firstRow !== undefined) selectInitial(firstRow.id)
  }, [nothingSelected, firstRow, selectInitial])

  // The paper the user picked is remembered for the next start.
  const single = selection.ids.length === 1 ? selection.ids[0] : undefined
  const remembered = settings?.selectedPaperId
  useEffect(() => {
    if (selection.chosen && single !== undefined && single !== remembered) {
      update({ selectedPaperId: single })
    }
  }, [selection.chosen, single, remembered, update])

  // The history follows the selection: a paper the user picks is a step (quick
  // steps through the list, as with the arrow keys, make one); one the window
  // picks (on start, after a row left) just updates the current place.
  const lastListStep = useRef(Number.NEGATIVE_INFINITY)
  // Leaving the list (to write a note, search, open a dialog) ends a run of
  // steps: the next step is a place of its own, however soon it comes.
  useEffect(() => {
    const endRun = (event: FocusEvent): void => {
      const target = event.target
      if (target instanceof Element && target.closest('[data-testid="paper-list"]') !== null) return
      lastListStep.current = Number.NEGATIVE_INFINITY
    }
    document.addEventListener('focusin', endRun)
    return () => document.removeEventListener('focusin', endRun)
  }, [])
  const { selectOnly } = selection
  // Only a change of the selection itself counts (not a move through the
  // history, which changes the place first and the selection after).
  const seenSingle = useRef(single)
  useEffect(() => {
    if (seenSingle.current === single) return
    seenSingle.current = single
    if (single === undefined || single === place.paperId) return
    if (!selection.chosen) {
      replace({ ...place, paperId: single })
      return
    }
    const now = performance.now()
    const step = now - lastListStep.current < 1000
    lastListStep.current = now
    record({ ...place, view: 'papers', paperId: single }, step)
  }, [single, selection.chosen, place, record, replace])
  // ...and the selection follows the history: a followed link, Back, Forward.
  const { moves, returned } = navigation
  const wantedPaper = place.paperId
  // Only a move through the history asks for this, not a change of selection.
  // A layout effect: the selection (and with it the paper and note panes) must
  // change before the next keystroke can land. With a passive effect there were
  // a few milliseconds after Back in which typing went into the previous note.
  const handledMoves = useRef(moves)
  useLayoutEffect(() => {
    if (handledMoves.current === moves) return
    handledMoves.current = moves
    if (wantedPaper === undefined || wantedPaper === single) return
    selectOnly(wantedPaper)
    // Back and Forward put the list where it was; a link brings its paper into view.
    if (!returned) setReveal({ id: wantedPaper, serial: Date.now() })
  }, [moves, wantedPaper, single, returned, selectOnly])
  const open = useCallback(
    (destination: Destination) => go(placeOf(destination, place)),
    [go, place],
  )

  const changeSort = useCallback(
    (next: PaperSort) => {
      update({ sort: next })
      if (single !== undefined) setReveal({ id: single, serial: Date.now() })
    },
    [update, single],
  )

  const openDialog = useCallback((next: AppDialogState) => setDialog(next), [])
  const openMenu = useCallback((next: OpenMenu) => setMenu(next), [])
  // A note chosen in the sidebar opens in the Notes tab and the notes pane (shown if hidden).
  const notesPaneOpen = settings?.notesPaneOpen
  const openNote = useCallback(
    (noteId?: string) => {
      go(noteId === undefined ? { ...place, view: 'notes' } : { ...place, view: 'notes', noteId })
      if (notesPaneOpen === false) update({ notesPaneOpen: true })
    },
    [go, place, notesPaneOpen, update],
  )
  const { rowAt, indexOf } = rows
  const rowOf = useCallback((id: string) => rowAt(indexOf(id)), [rowAt, indexOf])

  const commands = usePaperCommands({
    run: status.run,
    openDialog,
    collections,
    scope,
    selection,
    rowOf,
    tagInput,
  })
  const sidebarActions = useSidebarActions({
    data: sidebarData,
    run: status.run,
    openDialog,
    openMenu,
    setEditing,
    scope,
    tags,
    choose,
    openNote,
  })

  const onImported = useCallback(() => setVersion((v) => v + 1), [])
  const importer = useImport(onImported)
  const { fileInto } = commands
  const onFileInto = useCallback(
    (report: ImportReport, where: FileInto): Promise<string | undefined> => {
      if (where.kind !== 'pick') return fileInto(report.addedIds, where)
      return new Promise((resolve) =>
        setDialog({
          kind: 'picker',
          pick: {
            title: `Put the ${report.added} new papers in`,
            collections,
            allowCreate: true,
            onPick: (picked) => void fileInto(report.addedIds, picked).then(resolve),
            onCancel: () => resolve(undefined),
          },
        }),
      )
    },
    [fileInto, collections],
  )

  const selectAndReveal = useCallback(
    (id: string) => {
      selectOnly(id)
      setReveal({ id, serial: Date.now() })
    },
    [selectOnly],
  )

  // New search results that leave out the focused paper select the best match;
  // otherwise (and when the search is cleared) the paper stays selected, in view.
  const answered = rows.query
  const lastAnswered = useRef('')
  useEffect(() => {
    if (!restored.current || firstRow === undefined || answered === lastAnswered.current) return
    lastAnswered.current = answered
    const focusId = selection.focusId
    const listed = focusId !== undefined && rows.indexOf(focusId) !== -1
    if (answered !== '' && !listed) selectOnly(firstRow.id, 0)
    else if (focusId !== undefined) setReveal({ id: focusId, serial: Date.now() })
  }, [answered, firstRow, rows, selection.focusId, selectOnly])

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

  const openOverlay = useCallback((which: 'palette' | 'shortcuts') => {
    setOverlay((current) => {
      if (current === undefined) focusBeforeOverlay.current = document.activeElement as HTMLElement
      return which
    })
  }, [])
  const closeOverlay = useCallback(() => {
    setOverlay(undefined)
    const previous = focusBeforeOverlay.current
    focusBeforeOverlay.current = null
    // Back where the user was, or to the list.
    if (previous !== null && previous.isConnected && previous !== document.body) previous.focus()
    else listHandle.current?.focus()
  }, [])

  const paneSetting = {
    sidebar: 'sidebarOpen',
    list: 'listPaneOpen',
    notes: 'notesPaneOpen',
  } as const
  const keyboard: CommandContext = {
    importFiles: importer.chooseFiles,
    openExport: () => setFormatsDialog('export'),
    openDuplicates: () => setFormatsDialog('duplicates'),
    openSettings: () => setSettingsOpen(true),
    openBackups: () => setBackupsOpen(true),
    focusSearch: () => {
      if (settings?.listPaneOpen === false) update({ listPaneOpen: true })
      setPendingFocus('search')
    },
    openPalette: () => openOverlay('palette'),
    toggleShortcuts: () => (overlay === 'shortcuts' ? closeOverlay() : openOverlay('shortcuts')),
    focusPane,
    togglePane: (pane) => {
      if (settings === undefined) return
      const key = paneSetting[pane]
      update({ [key]: !settings[key] })
    },
    setTheme: (theme) => update({ theme }),
    moveSelection: (delta) => listHandle.current?.move(delta),
    goBack: navigation.back,
    goForward: navigation.forward,
    onSelection: commands.onListCommand,
    hasSelection: () => selection.ids.length > 0,
  }
  useKeyboardCommands(keyboard)

  function runFromPalette(id: CommandId): void {
    closeOverlay()
    runCommand(id, keyboard)
  }

  function jumpTo(match: TitleMatch): void {
    leavePalette()
    // A paper outside the list's view or search is found in the whole library.
    if (rows.indexOf(match.paperId) === -1) {
      setQuery('')
      choose({ kind: 'library' }, [])
    }
    selectAndReveal(match.paperId)
    focusPane(match.kind === 'note' ? 'notes' : 'list')
  }

  /** The palette closes on a jump; focus goes where the jump leads, not back. */
  function leavePalette(): void {
    setOverlay(undefined)
    focusBeforeOverlay.current = null
  }

  // As a click on it in the sidebar: the list shows the collection.
  function openCollection(id: string): void {
    leavePalette()
    choose({ kind: 'collection', id }, [])
    if (place.view !== 'papers') go({ ...place, view: 'papers' })
    focusPane('list')
  }

  function openStandaloneNote(id: string): void {
    leavePalette()
    openNote(id)
    focusPane('notes')
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const target = event.target as HTMLElement
    // Esc leaves the note for the list; Enter in the list opens the note.
    if (event.defaultPrevented) return
    if (event.key === 'Escape' && target.matches('[data-testid="note-input"]')) {
      event.preventDefault()
      focusPane('list')
    } else if (event.key === 'Enter' && target.getAttribute('role') === 'listbox') {
      event.preventDefault()
      focusPane('notes')
    }
  }

  const empty = info !== undefined && info.paperCount === 0 && scope.kind === 'library'
  const searchAnswered = query.trim() !== '' && answered === query.trim()
  const inTrash = scope.kind === 'trash'
  const outcome = importer.outcome
  // While a task reports progress, its bar replaces the plain "Importing…" line.
  const showImportStatus =
    outcome !== undefined && !(outcome.kind === 'running' && tasks.length > 0)

  const list = empty ? (
    <Welcome
      onImportSample={() => void importer.importSample()}
      onChooseFiles={importer.chooseFiles}
    />
  ) : (
    <PaperListPane
      handle={listHandle}
      rows={rows}
      selection={selection}
      sort={sort}
      filter={filter}
      reveal={reveal}
      header={
        <>
          <SearchBox
            value={query}
            onChange={setQuery}
            onLeave={() => focusPane('list')}
            inputRef={searchInput}
            total={searchAnswered ? rows.total : undefined}
            error={query.trim() === '' ? undefined : rows.error}
          />
          <ListHeader
            title={scopeTitle(scope, collections)}
            total={rows.total}
            tags={tags}
            onRemoveTag={(tag) => setTags(tags.filter((other) => other !== tag))}
            sort={sort}
            onSort={changeSort}
            {...(inTrash
              ? {
                  onEmptyTrash: sidebarActions.emptyTrash,
                  trashHoldsMore:
                    (trashContents?.collections.length ?? 0) + (trashContents?.notes.length ?? 0) >
                    0,
                }
              : {})}
          />
        </>
      }
      extras={
        inTrash ? (
          <TrashExtras
            contents={trashContents}
            onRestore={(items) => void status.run(() => api.restoreFromTrash(items))}
            onDelete={(items, name) =>
              openDialog({
                kind: 'confirm',
                confirmation: {
                  title: 'Delete for good?',
                  message: `${name} will be deleted for good. This cannot be undone.`,
                  confirmLabel: 'Delete for good',
                  final: true,
                  onConfirm: () =>
                    void status.run(() => api.deleteForever(items), { undoable: false }),
                },
              })
            }
          />
        ) : undefined
      }
      emptyText={
        searchAnswered ? `No papers here match “${query.trim()}”.` : emptyTextFor(scope, tags)
      }
      onCommand={commands.onListCommand}
      onContextMenu={(x, y) =>
        selection.ids.length > 0 &&
        openMenu({
          x,
          y,
          entries: commands.menuForSelection(),
          label: `${selection.ids.length} selected`,
        })
      }
      active={place.view === 'papers'}
      moves={moves}
      restoreScroll={returned ? place.listScroll : undefined}
      onScroll={(top) => {
        listScroll.current = top
      }}
    />
  )

  // Papers | Notes: both lists stay mounted, so each keeps its scroll, selection and search.
  const lists = (
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
        {list}
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
  )

  const paper =
    selection.ids.length > 1 ? (
      <SelectionSummaryPane
        ids={selection.ids}
        version={version}
        knownTags={sidebarData?.tags ?? []}
        actions={commands.actions}
        tagInput={tagInput}
      />
    ) : (
      <PaperPane
        paperId={single}
        version={version}
        knownTags={sidebarData?.tags ?? []}
        actions={commands.actions}
        // Only a paper the user opened counts as read, not one the window selected.
        markReadAfterSeconds={selection.chosen ? (settings?.markReadAfterSeconds ?? null) : null}
        tagInput={tagInput}
        onOpen={open}
        query={answered}
      />
    )

  const paneToggle = (label: string, open: boolean, keys: string, toggle: () => void) => (
    <button
      type="button"
      className="toolbar-button toggle-button"
      aria-pressed={open}
      title={`Show or hide the ${label.toLowerCase()} (${keys})`}
      onClick={toggle}
    >
      {label}
    </button>
  )

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
        <div className="toolbar-group" role="group" aria-label="Undo">
          <button
            type="button"
            className="toolbar-button"
            disabled={undoState.undo === undefined}
            title={
              undoState.undo === undefined ? 'Nothing to undo' : `Undo ${undoState.undo} (Ctrl+Z)`
            }
            onClick={() => replay('undo')}
          >
            ↶ Undo
          </button>
          <button
            type="button"
            className="toolbar-button"
            disabled={undoState.redo === undefined}
            title={
              undoState.redo === undefined
                ? 'Nothing to redo'
                : `Redo ${undoState.redo} (Ctrl+Shift+Z)`
            }
            onClick={() => replay('redo')}
          >
            ↷ Redo
          </button>
        </div>
        {settings !== undefined && (
          <div className="toolbar-group" role="group" aria-label="Panes">
            {paneToggle('Sidebar', settings.sidebarOpen, 'Ctrl/Cmd+\\ or Ctrl/Cmd+Shift+B', () =>
              update({ sidebarOpen: !settings.sidebarOpen }),
            )}
            {paneToggle('Paper list', settings.listPaneOpen, 'Ctrl/Cmd+Shift+L', () =>
              update({ listPaneOpen: !settings.listPaneOpen }),
            )}
            {paneToggle('Notes', settings.notesPaneOpen, 'Ctrl/Cmd+Shift+N', () =>
              update({ notesPaneOpen: !settings.notesPaneOpen }),
            )}
          </div>
        )}
        <button
          type="button"
          className="toolbar-button"
          title="Run a command or jump to a paper (Ctrl/Cmd+K)"
          onClick={() => openOverlay('palette')}
        >
          Commands…
        </button>
        <button type="button" className="toolbar-button" onClick={importer.chooseFiles}>
          Import…
        </button>
        <button
          type="button"
          className="toolbar-button"
          title="Export (Ctrl/Cmd+Shift+E)"
          onClick={() => setFormatsDialog('export')}
        >
          Export…
        </button>
        <button
          type="button"
          className="toolbar-button"
          onClick={() => setFormatsDialog('duplicates')}
        >
          Find duplicates
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
          accept={IMPORT_FILE_ACCEPT}
          multiple
          hidden
          data-testid="import-file-input"
          onChange={(event) => importer.onFilesChosen(event.target.files)}
        />
      </header>
      {info !== undefined && (
        <LibraryProblems info={info} onShowBackups={() => setBackupsOpen(true)} />
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
      {showImportStatus && (
        <ImportStatus
          outcome={outcome}
          onDismiss={importer.dismiss}
          collections={collections}
          onFileInto={onFileInto}
        />
      )}
      <LookupQueueBanner version={version} onRetry={() => void importer.retryLookups()} />
      {importer.preview !== undefined && (
        <ImportPreviewDialog
          preview={importer.preview}
          onConfirm={importer.confirm}
          onCancel={importer.cancel}
        />
      )}
      {formatsDialog === 'export' && (
        <ExportDialog selectedIds={selection.ids} onClose={() => setFormatsDialog(undefined)} />
      )}
      {formatsDialog === 'duplicates' && (
        <DuplicatesDialog
          onClose={() => setFormatsDialog(undefined)}
          onChanged={() => setVersion((v) => v + 1)}
        />
      )}
      <main className="workspace" ref={workspace}>
        {settings !== undefined && (
          <ResizablePanes
            layout={settings}
            onResize={update}
            sidebar={
              <PaneErrorBoundary pane="sidebar">
                <Sidebar
                  data={sidebarData}
                  notes={standaloneNotes}
                  selectedKey={scopeKey(scope)}
                  selectedNoteId={place.view === 'notes' ? place.noteId : undefined}
                  activeTags={tags}
                  editing={editing}
                  {...sidebarActions}
                />
              </PaneErrorBoundary>
            }
            list={<PaneErrorBoundary pane="paper list">{lists}</PaneErrorBoundary>}
            paper={
              <PaneErrorBoundary pane="paper" resetKey={single}>
                {paper}
              </PaneErrorBoundary>
            }
            notes={
              <PaneErrorBoundary pane="notes" resetKey={`${place.view}:${place.noteId ?? single}`}>
                <NotesPane
                  place={{ ...place, paperId: single }}
                  version={version}
                  onOpen={open}
                  newNoteId={newNoteId}
                  onNewNoteFocused={clearNewNote}
                  paperTrashed={inTrash}
                  selectedCount={selection.ids.length}
                  onTrashNote={(noteId) =>
                    void status.run(() => api.moveToTrash({ noteIds: [noteId] }))
                  }
                />
              </PaneErrorBoundary>
            }
          />
        )}
      </main>
      {backupsOpen && (
        <BackupsDialog
          settings={settings}
          onClose={() => setBackupsOpen(false)}
          onRestored={() => {
            // The selected paper may not exist in the restored library: the first one is shown.
            update({ selectedPaperId: null })
            setVersion((v) => v + 1)
          }}
        />
      )}
      {status.status !== undefined && (
        <ActionToast status={status.status} onReplay={replay} onDismiss={status.dismiss} />
      )}
      {menu !== undefined && <ContextMenu menu={menu} onClose={() => setMenu(undefined)} />}
      {dialog !== undefined && <AppDialog dialog={dialog} onClose={() => setDialog(undefined)} />}
      {overlay === 'palette' && (
        <CommandPalette
          context={keyboard}
          collections={collections}
          notes={standaloneNotes}
          onRun={runFromPalette}
          onJump={jumpTo}
          onOpenCollection={openCollection}
          onOpenNote={openStandaloneNote}
          onClose={closeOverlay}
        />
      )}
      {overlay === 'shortcuts' && <ShortcutsDialog onClose={closeOverlay} />}
      {settingsOpen && settings !== undefined && (
        <SettingsDialog
          settings={settings}
          info={info}
          onChange={update}
          onClose={() => setSettingsOpen(false)}
          onShowBackups={() => {
            setSettingsOpen(false)
            setBackupsOpen(true)
          }}
        />
      )}
    </div>
  )
}

const LIBRARY_SCOPE: ListScope = { kind: 'library' }

function scopeTitle(scope: ListScope, collections: readonly CollectionNode[]): string {
  switch (scope.kind) {
    case 'library':
      return 'Library'
    case 'unfiled':
      return 'Unfiled'
    case 'trash':
      return 'Trash'
    case 'view':
      return VIEW_LABELS[scope.view]
    case 'collection': {
      const entry = collectionEntries(collections).find((node) => node.id === scope.id)
      return entry === undefined ? '' : pathLabel(entry.path)
    }
  }
}

function emptyTextFor(scope: ListScope, tags: readonly string[]): string {
  if (tags.length > 0) {
    return tags.length === 1
      ? 'No paper here has this tag.'
      : 'No paper here has all of these tags.'
  }
  switch (scope.kind) {
    case 'collection':
      return 'No papers in this collection yet. Drag papers onto it in the sidebar, or press C in the list.'
    case 'trash':
      return 'No papers in the Trash.'
    case 'unfiled':
      return 'Every paper is in a collection.'
    default:
      return 'No papers here.'
  }
}
