// File > Find Duplicates…: groups of papers that look like the same paper, the
// one to keep chosen (the richest by default), merged with one click and
// undoable right after. The scan shows its progress and can be cancelled
// (closing the dialog cancels it too).
import { useCallback, useEffect, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { OffprintApiError } from '../../../../shared/api'
import type { DuplicateGroup, LibraryChange, MergeOutcome } from '../../../../shared/model'
import { invalidateForChange } from '../../data/changeInvalidation'
import { api, errorMessage } from '../../data/client'
import { bylineOf, formatDate } from '../../ui/format'
import { useTaskCancelledOnClose } from '../../ui/useTasks'
import { Dialog } from '../../ui/Dialog'
import { TaskProgress } from '../../ui/TaskProgress'

const REASONS: Record<DuplicateGroup['reason'], string> = {
  doi: 'same DOI',
  arxiv: 'same arXiv id',
  'title-year': 'same title and year',
}

/** What a merge (or its undo) changes: the copies, their notes, collections and relations. */
const MERGE_CHANGE: LibraryChange = {
  topics: ['papers', 'notes', 'collections', 'relations', 'history'],
}

export function DuplicatesDialog(props: { onClose: () => void }) {
  const queryClient = useQueryClient()
  // Refetched once the merge is done, whether or not main's change event came first.
  const onChanged = (): void => void invalidateForChange(queryClient, MERGE_CHANGE)
  // Declared before the scan starts, so the scan's first progress report is heard.
  const task = useTaskCancelledOnClose('duplicates')
  const [groups, setGroups] = useState<DuplicateGroup[] | 'cancelled' | undefined>(undefined)
  const [keep, setKeep] = useState<Record<number, string>>({})
  const [merged, setMerged] = useState<MergeOutcome | undefined>(undefined)
  const [error, setError] = useState<string | undefined>(undefined)

  const search = useCallback(() => {
    api
      .findDuplicates({})
      .then((found) => {
        setGroups(found)
        setKeep({})
      })
      .catch((caught: unknown) => {
        if (caught instanceof OffprintApiError && caught.code === 'cancelled')
          setGroups('cancelled')
        else setError(errorMessage(caught))
      })
  }, [])
  // The first search starts with nothing shown; a later one clears what the last one found.
  useEffect(search, [search])
  const refresh = (): void => {
    setGroups(undefined)
    search()
  }

  async function merge(index: number, group: DuplicateGroup): Promise<void> {
    const keepId = keep[index] ?? group.papers[0]?.id ?? ''
    try {
      setMerged(
        await api.mergeDuplicates({
          keepId,
          mergeIds: group.papers.map((p) => p.id).filter((id) => id !== keepId),
        }),
      )
      setError(undefined)
      onChanged()
      refresh()
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  async function undo(): Promise<void> {
    try {
      await api.undo({})
      setMerged(undefined)
      onChanged()
      refresh()
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  return (
    <Dialog title="Duplicates" onCancel={props.onClose} className="wide-dialog">
      <div className="dialog-body" data-testid="duplicates-dialog">
        {merged !== undefined && (
          <p className="dialog-success" role="status">
            Merged {merged.mergedIds.length + 1} copies into one.{' '}
            <button type="button" className="link-button" onClick={() => void undo()}>
              Undo
            </button>
          </p>
        )}
        {error !== undefined && (
          <p className="dialog-error" role="alert">
            {error}
          </p>
        )}
        {groups === undefined ? (
          task === undefined ? (
            <p>Looking for duplicates…</p>
          ) : (
            <TaskProgress task={task} />
          )
        ) : groups === 'cancelled' ? (
          <p data-testid="duplicates-cancelled">
            The search for duplicates was cancelled.{' '}
            <button type="button" className="link-button" onClick={refresh}>
              Search again
            </button>
          </p>
        ) : groups.length === 0 ? (
          <p data-testid="no-duplicates">
            No duplicates: every paper in the library is there once.
          </p>
        ) : (
          <>
            <p data-testid="duplicates-found">
              {groups.length === 1
                ? '1 group of papers looks like the same paper.'
                : `${groups.length} groups of papers look like the same paper.`}
            </p>
            <ol className="duplicate-groups">
              {groups.map((group, index) => (
                <li key={group.papers.map((p) => p.id).join()} className="duplicate-group">
                  <div className="duplicate-reason">{REASONS[group.reason]} — keep:</div>
                  {group.papers.map((paper, position) => (
                    <label key={paper.id} className="dialog-choice">
                      <input
                        type="radio"
                        name={`keep-${index}`}
                        checked={(keep[index] ?? group.papers[0]?.id) === paper.id}
                        onChange={() => setKeep({ ...keep, [index]: paper.id })}
                      />
                      <span className="preview-title">{paper.title}</span>
                      <span className="preview-detail">
                        {[
                          formatDate(paper.published),
                          bylineOf(paper),
                          position === 0 ? 'most complete' : '',
                        ]
                          .filter((part) => part !== '')
                          .join(' · ')}
                      </span>
                    </label>
                  ))}
                  <button
                    type="button"
                    className="toolbar-button"
                    onClick={() => void merge(index, group)}
                  >
                    Merge {group.papers.length} copies
                  </button>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="toolbar-button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
