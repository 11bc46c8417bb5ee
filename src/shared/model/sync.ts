// One library on several machines: what the Sync status and the Conflicts
// view show (see core/sync/).

/** One version of a note two devices edited apart, as the Conflicts view shows it. */
export interface NoteConflictSide {
  /** The device that wrote this version. */
  device: string
  text: string
}

/** A note whose text could not be merged: both versions are kept until someone resolves it. */
export interface NoteConflict {
  noteId: string
  /** The paper the note belongs to; absent for a standalone note. */
  paperId?: string
  title: string
  /** The note's text now: both versions between <<<<<<< and >>>>>>> markers. */
  body: string
  sides: [NoteConflictSide, NoteConflictSide]
}

export interface SyncStatus {
  /** This machine's device id. */
  device: string
  /** Every device whose journal is in the folder, this one included, sorted. */
  devices: string[]
  /** When the folder was last merged (ISO time); absent before the first merge. */
  lastMerge?: string
  /** Conflict copies (Syncthing, Dropbox, iCloud, OneDrive, git) merged and moved to merged-conflicts/. */
  conflictCopiesMerged: number
  /** Notes two devices edited apart whose texts were merged line by line. */
  notesMerged: number
  /** Notes that need a look: both versions kept, side by side in the Conflicts view. */
  conflicts: NoteConflict[]
}
