// The organizing actions the panes offer on papers, as one interface: the
// window implements it (with the status line, pickers and confirmations), the
// paper pane and the selection summary only call it.
import type { ReadingStatus } from '../../../../shared/model'

export interface PaperActions {
  setStatus(ids: readonly string[], status: ReadingStatus): void
  setStarred(ids: readonly string[], starred: boolean): void
  addTag(ids: readonly string[], tag: string): void
  removeTag(ids: readonly string[], tag: string): void
  /** Opens the "Add to collection…" picker for these papers. */
  chooseCollection(ids: readonly string[]): void
  removeFromCollection(collectionId: string, ids: readonly string[]): void
  trash(ids: readonly string[]): void
  restore(ids: readonly string[]): void
  /** Asks first: this cannot be undone. */
  deleteForever(ids: readonly string[]): void
}
