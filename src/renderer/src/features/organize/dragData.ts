// What a drag inside the window carries: papers (rows dragged onto a
// collection) or a collection (dragged onto another to nest or reorder).
// Custom types keep these drags apart from files dropped from outside.

import { count } from '../../../../shared/text/count'

export const PAPERS_TYPE = 'application/x-offprint-papers'
export const COLLECTION_TYPE = 'application/x-offprint-collection'

export function setDraggedPapers(transfer: DataTransfer, ids: readonly string[]): void {
  transfer.setData(PAPERS_TYPE, JSON.stringify(ids))
  transfer.setData('text/plain', count(ids.length, 'paper'))
  transfer.effectAllowed = 'copyMove'
}

/** The dragged papers' ids; empty when the drag holds no papers (or something malformed). */
export function draggedPapers(transfer: DataTransfer): string[] {
  try {
    const value = JSON.parse(transfer.getData(PAPERS_TYPE)) as unknown
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}

/** Whether a drag (during dragover, when only its types can be read) carries this kind. */
export function carries(transfer: DataTransfer, type: string): boolean {
  return Array.from(transfer.types).includes(type)
}
