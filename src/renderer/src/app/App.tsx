// The window: a toolbar, progress and status banners, then the panes
// (sidebar | papers or notes list | paper | note), laid out as the settings in
// the library say, and whatever opens over them (DialogHost). The list shows
// the sidebar's choice, searched with the box above it; organizing actions go
// through main (one undo step each) and report on the status line. Every
// command (src/shared/commands.ts) is reachable by key, menu and palette.
// Where the window is (which paper, which standalone note) is also a place in
// a back / forward history (useSelectionHistory).
import { useCallback, useRef, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { CollectionNode, NoteSummary } from '../../../shared/model'
import { errorOf } from '../data/answerOf'
import { api } from '../data/client'
import { libraryQueries } from '../data/libraryQueries'
import { useBackgroundQuery } from '../data/queryClient'
import { LibraryMap } from '../features/graph/LibraryMap'
import { useMapPreparation } from '../features/graph/useMapPreparation'
import { useFileInto } from '../features/import/useFileInto'
import { useImport } from '../features/import/useImport'
import { usePaperCommands } from '../features/organize/usePaperActions'
import type { PaperListHandle } from '../features/papers/PaperListPane'
import { useReveal } from '../features/papers/useReveal'
import { useSearchSelection } from '../features/papers/useSearchSelection'
import { usePdfDrops } from '../features/pdf/usePdfDrops'
import { usePdfReader } from '../features/pdf/usePdfReader'
import { useAppearance } from '../features/settings/appearance'
import { useSettings } from '../features/settings/useSettings'
import { useSidebarActions } from '../features/sidebar/useSidebarActions'
import { TodayView } from '../features/today/TodayView'
import { useSidebarToday } from '../features/today/useSidebarToday'
import { useActionStatus } from '../features/undo/useActionStatus'
import { useUndo } from '../features/undo/useUndo'
import { Banners } from './Banners'
import { DialogHost } from './DialogHost'
import { ListPane } from './ListPane'
import { PapersView } from './PapersView'
import { Toolbar } from './Toolbar'
import { useListView } from './useListView'
import { useOverlays } from './useOverlays'
import { usePaneFocus } from './usePaneFocus'
import { useSelectionHistory } from './useSelectionHistory'
import { useSelectionRestore } from './useSelectionRestore'
import { useWindowCommands } from './useWindowCommands'
import { useWindowDialogs } from './useWindowDialogs'
import { Workspace } from './Workspace'

const NO_NOTES: readonly NoteSummary[] = []
const NO_COLLECTIONS: readonly CollectionNode[] = []

export function App() {
  const settingsState = useSettings()
  const { settings, update } = settingsState
  useAppearance(settings?.theme, settings?.readingFontSize)
  // The last info read stays shown, with a word when reading it again failed.
  const infoQuery = useQuery(libraryQueries.libraryInfo())
  const info = infoQuery.data
  // Once the library is shown, the map is made ready at idle (if it was laid out before).
  useMapPreparation(info !== undefined)
  const sidebarData = useBackgroundQuery(libraryQueries.sidebar())
  const collections = sidebarData?.collections ?? NO_COLLECTIONS
  const standaloneNotes = useBackgroundQuery(libraryQueries.notes()) ?? NO_NOTES
  const undoState = useBackgroundQuery(libraryQueries.undoState()) ?? {}
  const reveal = useReveal()
  const list = useListView(settingsState, sidebarData?.collections, reveal.reveal)
  const { scope, selection } = list
  const trashContents = useBackgroundQuery(libraryQueries.trash(), scope.kind === 'trash')
  const status = useActionStatus()
  const replay = useUndo(status)
  const pdf = usePdfReader(status)
  usePdfDrops(pdf, status)
  const dialogs = useWindowDialogs()
  const tagInput = useRef<HTMLInputElement>(null)
  const listHandle = useRef<PaperListHandle>(null)
  const searchInput = useRef<HTMLInputElement>(null)
  const overlays = useOverlays(listHandle)
  const paneFocus = usePaneFocus(settingsState, listHandle, searchInput)
  const history = useSelectionHistory(selection, reveal.reveal, settingsState)
  const { navigation, openNote } = history
  const restored = useSelectionRestore(settingsState, list.rows, selection, reveal.reveal)
  useSearchSelection(list.rows, selection, restored, reveal.reveal)
  // A note just created: its title field takes the focus, ready to be typed over.
  const [newNoteId, setNewNoteId] = useState<string | undefined>(undefined)
  const clearNewNote = useCallback(() => setNewNoteId(undefined), [])
  // Go > Today (Ctrl/Cmd+Shift+T): the feeds' inbox in place of the panes.
  const [today, setToday] = useState(false)
  const openToday = useCallback(() => setToday(true), [])
  const sidebarToday = useSidebarToday()
  const [mapOpen, setMapOpen] = useState(false)
  const closeMap = useCallback(() => setMapOpen(false), [])
  const { rowAt, indexOf } = list.rows
  const rowOf = useCallback((id: string) => rowAt(indexOf(id)), [rowAt, indexOf])
  const { openDialog, openMenu } = dialogs
  const { run } = status
  const commands = usePaperCommands({
    run,
    openDialog,
    collections,
    scope,
    selection,
    rowOf,
    tagInput,
  })
  const sidebarActions = useSidebarActions({
    data: sidebarData,
    run,
    openDialog,
    openMenu,
    scope,
    tags: list.tags,
    choose: list.choose,
    openNote,
    openToday,
  })
  const importer = useImport()
  const onFileInto = useFileInto(commands.fileInto, collections, openDialog)
  const windowCommands = useWindowCommands({
    settings,
    update,
    importFiles: importer.chooseFiles,
    dialogs,
    overlays,
    paneFocus,
    listHandle,
    navigation,
    onListCommand: commands.onListCommand,
    matchTitles: () => void importer.matchTitlesOnArxiv(selection.ids),
    list,
    reveal: reveal.reveal,
    openNote,
    openToday,
    checkFeeds: () =>
      void run(async () => {
        const report = await api.refreshFeeds({})
        const added = report.checks.reduce((sum, check) => sum + check.added, 0)
        status.show({ kind: 'done', text: `Feeds checked: ${added} new items`, undoable: false })
        return null
      }),
    pdf,
    toggleLibraryMap: () => setMapOpen((open) => !open),
  })
  const papers = (
    <PapersView
      empty={info !== undefined && info.paperCount === 0 && scope.kind === 'library'}
      importer={importer}
      list={list}
      listHandle={listHandle}
      searchInput={searchInput}
      reveal={reveal}
      navigation={navigation}
      onListScroll={history.onListScroll}
      onLeaveSearch={() => paneFocus.focusPane('list')}
      collections={collections}
      trashContents={trashContents}
      onEmptyTrash={sidebarActions.emptyTrash}
      commands={commands}
      run={run}
      openDialog={openDialog}
      openMenu={openMenu}
    />
  )

  return (
    <div className="app" onKeyDown={paneFocus.onKeyDown}>
      <Toolbar
        navigation={navigation}
        info={info}
        undoState={undoState}
        settings={settings}
        importer={importer}
        dialogs={dialogs}
        onReplay={replay}
        onSettingsChange={update}
        onOpenPalette={() => overlays.openOverlay('palette')}
      />
      <Banners
        info={info}
        infoError={errorOf(infoQuery)}
        showStatus={status.show}
        importer={importer}
        collections={collections}
        onFileInto={onFileInto}
        settingsProblem={settingsState.problem}
        onShowBackups={dialogs.openBackups}
      />
      {settings === undefined ? (
        <main className="workspace" />
      ) : today ? (
        <TodayView
          run={run}
          show={status.show}
          collections={collections}
          openDialog={openDialog}
          onUndo={() => replay('undo')}
          onClose={() => setToday(false)}
        />
      ) : mapOpen ? (
        <LibraryMap
          onOpen={(destination) => {
            setMapOpen(false)
            history.open(destination)
          }}
          onClose={closeMap}
        />
      ) : (
        <Workspace
          settings={settings}
          update={update}
          sidebarData={sidebarData}
          sidebarToday={sidebarToday}
          standaloneNotes={standaloneNotes}
          sidebarActions={sidebarActions}
          lists={<ListPane navigation={navigation} papers={papers} onNoteCreated={setNewNoteId} />}
          list={list}
          history={history}
          commands={commands}
          tagInput={tagInput}
          newNoteId={newNoteId}
          clearNewNote={clearNewNote}
          onTrashNote={(noteId) => void run(() => api.moveToTrash({ noteIds: [noteId] }))}
          pdf={pdf}
          onProblem={(text) => status.show({ kind: 'failed', text })}
        />
      )}
      <DialogHost
        dialogs={dialogs}
        overlays={overlays}
        importer={importer}
        info={info}
        collections={collections}
        status={status}
        commands={windowCommands}
        settings={settingsState}
        selectedIds={selection.ids}
        notes={standaloneNotes}
        onReplay={replay}
      />
    </div>
  )
}
