// What went wrong with the library's files, said so the user knows what was
// lost, what was brought back, where the old data is, and what they can do.
import { useState } from 'react'
import type { LibraryInfo, StoreProblem } from '../../../../shared/model'
import { formatDateTime, pathInside } from '../../ui/format'

interface LibraryProblemsProps {
  info: LibraryInfo
  /** Opens the backups dialog. */
  onShowBackups: () => void
}

export function LibraryProblems({ info, onShowBackups }: LibraryProblemsProps) {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  const problems = info.problems.filter((problem) => !dismissed.has(problem.movedTo))
  const backupProblem =
    info.backupProblem !== undefined && !dismissed.has('backup') ? info.backupProblem : undefined
  if (problems.length === 0 && backupProblem === undefined) return null
  const dismiss = (key: string) => setDismissed((keys) => new Set([...keys, key]))

  return (
    <div className="store-problems" role="alert" data-testid="store-problems">
      {problems.map((problem) => (
        <div className="store-problem" key={problem.movedTo}>
          <ProblemText problem={problem} folder={info.path} />
          <div className="store-problem-actions">
            <button type="button" className="toolbar-button" onClick={onShowBackups}>
              Restore from Backup…
            </button>
            <button
              type="button"
              className="toolbar-button"
              onClick={() => dismiss(problem.movedTo)}
            >
              Dismiss
            </button>
          </div>
        </div>
      ))}
      {backupProblem !== undefined && (
        <div className="store-problem">
          <p>
            <strong>The automatic backup failed.</strong> {backupProblem}. Your library itself was
            not changed; Offprint tries again at the next backup time.
          </p>
          <div className="store-problem-actions">
            <button type="button" className="toolbar-button" onClick={onShowBackups}>
              Backups…
            </button>
            <button type="button" className="toolbar-button" onClick={() => dismiss('backup')}>
              Dismiss
            </button>
          </div>
        </div>
      )}
    </div>
  )
}

function ProblemText({ problem, folder }: { problem: StoreProblem; folder: string }) {
  const file = pathInside(folder, problem.file)
  const where = <code className="problem-path">{problem.movedTo}</code>
  const backup =
    problem.restoredFrom === undefined ? undefined : formatDateTime(problem.restoredFrom.createdAt)
  if (problem.kind === 'damaged-journal') {
    return (
      <p>
        <strong>Some of the last changes saved before Offprint stopped could not be read</strong> (
        {problem.reason}). Every change before the damaged one was recovered; the unreadable rest is
        kept, unchanged, at {where}.
      </p>
    )
  }
  if (problem.kind === 'unusable-records') {
    return (
      <p>
        <strong>Some records in {file} could not be used</strong> ({problem.reason}). They are kept,
        unchanged, in {where}.{' '}
        {backup === undefined
          ? 'Everything else in the library is open.'
          : `Those that the backup of ${backup} held were brought back from it.`}
      </p>
    )
  }
  if (backup !== undefined) {
    return (
      <p>
        <strong>
          {file} was damaged and has been restored from the backup of {backup}.
        </strong>{' '}
        ({problem.reason}.) Changes made to it after that backup may be missing. The damaged file is
        kept, unchanged, at {where}.
      </p>
    )
  }
  return (
    <p>
      <strong>{file} could not be read and no backup had a good copy of it.</strong> (
      {problem.reason}.) What it held is missing from the library for now; the rest is open. The
      file is kept, unchanged, at {where}.
    </p>
  )
}
