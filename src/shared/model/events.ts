// Events main pushes to the renderer, and what a change to the library touched.
import type { CommandId } from '../commands'
import type { TaskProgress } from './tasks'

/**
 * What one change to the library touched, so that each view refetches only
 * what it shows (the renderer's query cache maps topics to its queries).
 */
export type ChangeTopic =
  /** Paper records: added, edited (status, star, tags, fields), trashed, removed. */
  | 'papers'
  /** Notes: a paper's note or a standalone note saved, trashed or removed. */
  | 'notes'
  | 'collections'
  | 'relations'
  /** The undo and redo history. */
  | 'history'
  | 'lookup-queue'
  /** The library as a whole: its problems, its backup problem, its counts. */
  | 'library'
  /** A paper's PDFs: attached, replaced, detached, their text extracted. */
  | 'attachments'
  /** Highlights on PDFs. */
  | 'highlights'

export interface LibraryChange {
  topics: ChangeTopic[]
  /**
   * The papers whose record, or whose note, changed; absent when any may have
   * (a restore, a large import).
   */
  paperIds?: string[]
  /** The notes that changed; absent when any may have. */
  noteIds?: string[]
}

/** Every topic, no ids: after a restore, anything may have changed. */
export const EVERYTHING_CHANGED: LibraryChange = {
  topics: [
    'papers',
    'notes',
    'collections',
    'relations',
    'history',
    'lookup-queue',
    'library',
    'attachments',
    'highlights',
  ],
}

/** Events main pushes to the renderer. */
export type LibraryEvent =
  | { type: 'library-changed'; change: LibraryChange }
  | { type: 'menu-command'; command: MenuCommand }
  | { type: 'progress'; progress: TaskProgress }
  /**
   * A file the OS asked Offprint to open (double-click on a .bib, .ris or .txt,
   * the command line, or a second launch).
   */
  | { type: 'open-file'; fileName: string; content: OpenedFileContent }

export type OpenedFileContent = { ok: true; text: string } | { ok: false; message: string }

/**
 * Menu items whose action lives in the renderer: the commands of
 * src/shared/commands.ts, and Undo / Redo (which a text field may own).
 */
export type MenuCommand = CommandId | 'undo' | 'redo'
