// The window: a toolbar, then the three panes (list | paper | notes).
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { LibraryInfo } from '../../shared/model'
import { api, errorMessage, subscribeToLibrary } from './api/client'
import { DuplicatesDialog } from './components/DuplicatesDialog'
import { ExportDialog } from './components/ExportDialog'
import { ImportPreviewDialog } from './components/ImportPreviewDialog'
import { ImportStatus } from './components/ImportStatus'
import { LookupQueueBanner } from './components/LookupQueueBanner'
import { ResizablePanes } from './components/ResizablePanes'
import { Welcome } from './components/Welcome'
import { useImport } from './hooks/useImport'
import { usePaperRows } from './hooks/usePaperRows'
import { NotesPane } from './panes/NotesPane'
import { PaperListPane } from './panes/PaperListPane'
import { PaperPane } from './panes/PaperPane'

export function App() {
  // Bumped on every change main reports, so views refetch what they show.
  const [version, setVersion] = useState(0)
  const [info, setInfo] = useState<LibraryInfo | undefined>(undefined)
  const [infoError, setInfoError] = useState<string | undefined>(undefined)
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined)
  const rows = usePaperRows(version, 'published')
  const listRef = useRef<HTMLDivElement>(null)
  const [dialog, setDialog] = useState<'export' | 'duplicates' | undefined>(undefined)

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

  // The first paper is selected once there is one, so the panes are never blank.
  const firstRow = rows.rowAt(0)
  useEffect(() => {
    if (selectedId === undefined && firstRow !== undefined) setSelectedId(firstRow.id)
  }, [selectedId, firstRow])

  const onImported = useCallback(() => setVersion((v) => v + 1), [])
  const importer = useImport(onImported)

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

  const empty = info !== undefined && info.paperCount === 0

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
        <button type="button" className="toolbar-button" onClick={importer.chooseFiles}>
          Import…
        </button>
        <button type="button" className="toolbar-button" onClick={() => setDialog('export')}>
          Export…
        </button>
        <button type="button" className="toolbar-button" onClick={() => setDialog('duplicates')}>
          Find duplicates
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
          The library could not be read: {infoError}
        </div>
      )}
      {importer.outcome !== undefined && (
        <ImportStatus
          outcome={importer.outcome}
          onDismiss={importer.dismiss}
          onCancel={importer.cancel}
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
      {dialog === 'export' && (
        <ExportDialog selectedId={selectedId} onClose={() => setDialog(undefined)} />
      )}
      {dialog === 'duplicates' && (
        <DuplicatesDialog
          onClose={() => setDialog(undefined)}
          onChanged={() => setVersion((v) => v + 1)}
        />
      )}
      <div className="workspace" ref={listRef}>
        <ResizablePanes
          list={
            empty ? (
              <Welcome
                onImportSample={() => void importer.importSample()}
                onChooseFiles={importer.chooseFiles}
              />
            ) : (
              <PaperListPane rows={rows} selectedId={selectedId} onSelect={setSelectedId} />
            )
          }
          paper={<PaperPane paperId={selectedId} version={version} />}
          notes={<NotesPane paperId={selectedId} />}
        />
      </div>
    </div>
  )
}
