// Between the toolbar and the panes: the library's problems, work in
// progress, how the last import went, and the identifiers waiting for a lookup.
import { Fragment, useCallback } from 'react'
import type { CollectionNode, ImportReport, LibraryInfo } from '../../../shared/model'
import { LibraryProblems } from '../features/backups/LibraryProblems'
import { EntriesFound } from '../features/import/EntriesFound'
import { ImportStatus, type FileInto } from '../features/import/ImportStatus'
import { LookupQueueBanner } from '../features/import/LookupQueueBanner'
import { SyncBar } from '../features/sync/SyncBar'
import type { Importer } from '../features/import/useImport'
import type { ActionStatusState } from '../features/undo/useActionStatus'
import { TaskProgress } from '../ui/TaskProgress'
import { useTasks } from '../ui/useTasks'

interface BannersProps {
  info: LibraryInfo | undefined
  /** Why the library's info could not be read (again). */
  infoError: string | undefined
  settingsProblem: string | undefined
  showStatus: ActionStatusState['show']
  importer: Importer
  collections: readonly CollectionNode[]
  onFileInto(report: ImportReport, where: FileInto): Promise<string | undefined>
  onShowBackups(): void
}

export function Banners(props: BannersProps) {
  const { info, infoError, importer, showStatus } = props
  // An index rebuilt in the background says on the status line when it is done.
  const tasks = useTasks(
    useCallback(
      (text: string) => showStatus({ kind: 'done', text, undoable: false }),
      [showStatus],
    ),
  )
  const outcome = importer.outcome
  // While a task reports progress, its bar replaces the plain "Importing…" line.
  const showImportStatus =
    outcome !== undefined && !(outcome.kind === 'running' && tasks.length > 0)
  return (
    <>
      {info !== undefined && <LibraryProblems info={info} onShowBackups={props.onShowBackups} />}
      <SyncBar />
      {infoError !== undefined && (
        <div className="store-problems" role="alert">
          The library could not be read: {infoError}. Check that its folder is still there and
          readable, then restart Offprint.
        </div>
      )}
      {props.settingsProblem !== undefined && (
        <div className="store-problems" role="alert">
          {props.settingsProblem}
        </div>
      )}
      {tasks.length > 0 && (
        <div className="task-list" role="status" aria-label="Work in progress">
          {tasks.map((task) => (
            <Fragment key={task.taskId}>
              <TaskProgress task={task} />
              {task.entries !== undefined && <EntriesFound entries={task.entries} />}
            </Fragment>
          ))}
        </div>
      )}
      {showImportStatus && (
        <ImportStatus
          outcome={outcome}
          onDismiss={importer.dismiss}
          collections={props.collections}
          onFileInto={props.onFileInto}
        />
      )}
      <LookupQueueBanner onRetry={() => void importer.retryLookups()} />
    </>
  )
}
