// The window: a toolbar, progress and status banners, then the panes
// (list | paper | notes), laid out as the settings in the library say.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { LibraryInfo, PaperSort } from '../../shared/model'
import { api, errorMessage, subscribeToLibrary } from './api/client'
import { DuplicatesDialog } from './components/DuplicatesDialog'
import { ExportDialog } from './components/ExportDialog'
import { ImportPreviewDialog } from './components/ImportPreviewDialog'
import { ImportStatus } from './components/ImportStatus'
import { LookupQueueBanner } from './components/LookupQueueBanner'
import { PaneErrorBoundary } from './components/PaneErrorBoundary'
import { ResizablePanes } from './components/ResizablePanes'
import { TaskProgress } from './components/TaskProgress'
import { Welcome } from './components/Welcome'
import { useImport } from './hooks/useImport'
import { usePaperRows } from './hooks/usePaperRows'
import { useShortcuts } from './hooks/useShortcuts'
import { useTasks } from './hooks/useTasks'
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
  const [dialog, setDialog] = useState<'export' | 'duplicates' | undefined>(undefined)
  const [reveal, setReveal] = useState<RevealRequest | undefined>(undefined)
  const { settings, problem: settingsProblem, update } = useSettings()
  const sort: PaperSort = settings?.sort ?? 'published'
  const rows = usePaperRows(version, sort)
  const tasks = useTasks()
  const workspace = useRef<HTMLElement>(null)
  useAppearance(settings?.theme, settings?.readingFontSize)

  useEffect(
    () =>
      subscribeToLibrary((event) => {
        if (event.type === 'library-changed') setVersion((v) => v + 1)
        if (event.type === 'menu-command' && event.command === 'export') setDialog('export')
        if (event.type === 'menu-command' && event.command === 'find-duplicates') {
          setDialog('duplicates')
        }
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

  const selectedId = settings?.selectedPaperId ?? undefined
  const select = useCallback((id: string) => update({ selectedPaperId: id }), [update])

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
      workspace.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus()
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
          title="Export (Ctrl/Cmd+Shift+E)"
          onClick={() => setDialog('export')}
        >
          Export…
        </button>
        <button type="button" className="toolbar-button" onClick={() => setDialog('duplicates')}>
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
          accept=".bib,.bibtex,.ris,.json,.csljson,.atom,.xml,.txt,text/plain,application/json"
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
      <LookupQueueBanner version={version} onRetry={() => void importer.retryLookups()} />
      {importer.preview !== undefined && (
        <ImportPreviewDialog
          preview={importer.preview}
          onConfirm={importer.confirm}
          onCancel={importer.cancel}
        />
      )}
      {dialog === 'export' && (
        <ExportDialog selectedId={selectedId} onClose={() => setDialog(undefined)} />
      )}
      {dialog === 'duplicates' && (
        <DuplicatesDialog
          onClose={() => setDialog(undefined)}
          onChanged={() => setVersion((v) => v + 1)}
        />
      )}
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
                  <PaperListPane
                    rows={rows}
                    selectedId={selectedId}
                    onSelect={select}
                    sort={sort}
                    onSortChange={changeSort}
                    reveal={reveal}
                  />
                )}
              </PaneErrorBoundary>
            }
            paper={
              <PaneErrorBoundary pane="paper" resetKey={selectedId}>
                <PaperPane
                  paperId={selectedId}
                  version={version}
                  markReadAfterSeconds={settings.markReadAfterSeconds}
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
    </div>
  )
}
