// The window: a toolbar, then the sidebar and the three panes (list | paper |
// notes). The list shows the sidebar's choice; organizing actions go through
// main (one undo step each) and report on the status line.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { ImportReport, LibraryInfo, ListScope, PaperFilter } from '../../shared/model'
import { api, errorMessage, subscribeToLibrary } from './api/client'
import { ActionToast } from './components/ActionToast'
import { AppDialog, type AppDialogState } from './components/AppDialog'
import { ContextMenu, type OpenMenu } from './components/ContextMenu'
import { ImportStatus, type FileInto } from './components/ImportStatus'
import { ResizablePanes } from './components/ResizablePanes'
import { Welcome } from './components/Welcome'
import { useActionStatus } from './hooks/useActionStatus'
import { useImport } from './hooks/useImport'
import { useSidebarData, useTrashContents, useUndoState } from './hooks/useLibraryData'
import { usePaperRows } from './hooks/usePaperRows'
import { useSelection } from './hooks/useSelection'
import { useSettings } from './hooks/useSettings'
import { useUndo } from './hooks/useUndo'
import { collectionEntries, pathLabel } from './organize/collectionPaths'
import { usePaperCommands } from './organize/usePaperActions'
import { ListHeader } from './panes/ListHeader'
import { NotesPane } from './panes/NotesPane'
import { PaperListPane } from './panes/PaperListPane'
import { PaperPane } from './panes/PaperPane'
import { SelectionSummaryPane } from './panes/SelectionSummaryPane'
import { TrashExtras } from './panes/TrashExtras'
import { Sidebar, type SidebarEditing } from './sidebar/Sidebar'
import { VIEW_LABELS, scopeKey } from './sidebar/sidebarEntries'
import { useSidebarActions } from './sidebar/useSidebarActions'

const SIDEBAR_OPEN_KEY = 'offprint.sidebarOpen'

export function App() {
  // Bumped on every change main reports, so views refetch what they show.
  const [version, setVersion] = useState(0)
  const [info, setInfo] = useState<LibraryInfo | undefined>(undefined)
  const [infoError, setInfoError] = useState<string | undefined>(undefined)
  const { settings, update: updateSettings } = useSettings()
  const sort = settings?.sort ?? 'published'
  const [scope, setScope] = useState<ListScope>({ kind: 'library' })
  const [tags, setTags] = useState<string[]>([])
  const filter = useMemo(
    (): PaperFilter => (tags.length === 0 ? { scope } : { scope, tags }),
    [scope, tags],
  )
  const rows = usePaperRows(version, sort, filter)
  const selection = useSelection(rows, version, sort, filter)
  const sidebarData = useSidebarData(version)
  const trashContents = useTrashContents(version, scope.kind === 'trash')
  const undoState = useUndoState(version)
  const status = useActionStatus()
  const replay = useUndo(status)
  const [menu, setMenu] = useState<OpenMenu | undefined>(undefined)
  const [dialog, setDialog] = useState<AppDialogState | undefined>(undefined)
  const [editing, setEditing] = useState<SidebarEditing | undefined>(undefined)
  const [sidebarOpen, setSidebarOpen] = useState(
    () => localStorage.getItem(SIDEBAR_OPEN_KEY) !== 'false',
  )
  const listRef = useRef<HTMLDivElement>(null)
  const tagInput = useRef<HTMLInputElement>(null)

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

  useEffect(() => {
    localStorage.setItem(SIDEBAR_OPEN_KEY, String(sidebarOpen))
  }, [sidebarOpen])

  const choose = useCallback((next: ListScope, nextTags: string[]) => {
    setScope(next)
    setTags(nextTags)
  }, [])

  // A collection that is gone (trashed, or its creation undone) leaves the list on the library.
  const collections = useMemo(() => sidebarData?.collections ?? [], [sidebarData])
  useEffect(() => {
    if (scope.kind !== 'collection' || sidebarData === undefined) return
    if (!collections.some((node) => node.id === scope.id)) choose({ kind: 'library' }, [])
  }, [scope, sidebarData, collections, choose])

  // The first paper is selected once there is one, so the panes are never blank.
  const firstRow = rows.rowAt(0)
  const { selectInitial } = selection
  const nothingSelected = selection.ids.length === 0
  useEffect(() => {
    if (nothingSelected && firstRow !== undefined) selectInitial(firstRow.id)
  }, [nothingSelected, firstRow, selectInitial])

  const openDialog = useCallback((next: AppDialogState) => setDialog(next), [])
  const openMenu = useCallback((next: OpenMenu) => setMenu(next), [])
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

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const target = event.target as HTMLElement
    const inEditor = target.closest('textarea, input') !== null
    // Esc leaves the note for the list; Enter in the list opens the note.
    if (event.key === 'Escape' && inEditor) {
      event.preventDefault()
      listRef.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus()
    } else if (event.key === 'Enter' && target.getAttribute('role') === 'listbox') {
      event.preventDefault()
      document.querySelector<HTMLTextAreaElement>('[data-testid="note-input"]')?.focus()
    }
  }

  const empty = info !== undefined && info.paperCount === 0 && scope.kind === 'library'
  const single = selection.ids.length === 1 ? selection.ids[0] : undefined
  const inTrash = scope.kind === 'trash'
  const title = scopeTitle(scope, collections)

  const list = empty ? (
    <Welcome
      onImportSample={() => void importer.importSample()}
      onChooseFiles={importer.chooseFiles}
    />
  ) : (
    <PaperListPane
      rows={rows}
      selection={selection}
      header={
        <ListHeader
          title={title}
          total={rows.total}
          tags={tags}
          onRemoveTag={(tag) => setTags(tags.filter((other) => other !== tag))}
          sort={sort}
          onSort={(next) => updateSettings({ sort: next })}
          {...(inTrash
            ? {
                onEmptyTrash: sidebarActions.emptyTrash,
                trashHoldsMore:
                  (trashContents?.collections.length ?? 0) + (trashContents?.notes.length ?? 0) > 0,
              }
            : {})}
        />
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
      emptyText={emptyTextFor(scope, tags)}
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
    />
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
        markReadAfterSeconds={selection.chosen ? (settings?.markReadAfterSeconds ?? null) : null}
        tagInput={tagInput}
      />
    )

  return (
    <div className="app" onKeyDown={onKeyDown}>
      <header className="toolbar">
        <button
          type="button"
          className="toolbar-button icon"
          aria-pressed={sidebarOpen}
          aria-label={sidebarOpen ? 'Hide sidebar' : 'Show sidebar'}
          title={sidebarOpen ? 'Hide sidebar' : 'Show sidebar'}
          onClick={() => setSidebarOpen((open) => !open)}
        >
          ☰
        </button>
        <span className="app-name">Offprint</span>
        <span className="library-count" data-testid="library-count">
          {info === undefined
            ? ''
            : `${info.paperCount} ${info.paperCount === 1 ? 'paper' : 'papers'}`}
        </span>
        <span className="toolbar-spacer" />
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
        <button
          type="button"
          className="toolbar-button"
          onClick={() => openDialog({ kind: 'settings' })}
        >
          Settings…
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
      {importer.outcome !== undefined && (
        <ImportStatus
          outcome={importer.outcome}
          onDismiss={importer.dismiss}
          collections={collections}
          onFileInto={onFileInto}
        />
      )}
      <div className="workspace" ref={listRef}>
        <ResizablePanes
          sidebar={
            sidebarOpen ? (
              <Sidebar
                data={sidebarData}
                selectedKey={scopeKey(scope)}
                activeTags={tags}
                editing={editing}
                {...sidebarActions}
              />
            ) : undefined
          }
          list={list}
          paper={paper}
          notes={
            <NotesPane
              paperId={single}
              version={version}
              trashed={inTrash}
              selectedCount={selection.ids.length}
              onTrashNote={(noteId) =>
                void status.run(() => api.moveToTrash({ noteIds: [noteId] }))
              }
            />
          }
        />
      </div>
      {status.status !== undefined && (
        <ActionToast status={status.status} onReplay={replay} onDismiss={status.dismiss} />
      )}
      {menu !== undefined && <ContextMenu menu={menu} onClose={() => setMenu(undefined)} />}
      {dialog !== undefined && (
        <AppDialog
          dialog={dialog}
          onClose={() => setDialog(undefined)}
          settings={settings}
          onSettingsChange={updateSettings}
        />
      )}
    </div>
  )
}

function scopeTitle(
  scope: ListScope,
  collections: Parameters<typeof collectionEntries>[0],
): string {
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
