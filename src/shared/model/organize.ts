// Organizing: the Trash, undo and redo, and a multi-selection at a glance.
import type { CollectionRef } from './collection'
import type { ReadingStatus } from './paper'
import type { TagCount } from './sidebar'

/** A collection in the Trash (its trashed subcollections travel with it). */
export interface TrashedCollection {
  id: string
  name: string
  path: string[]
  trashedAt: string
  paperCount: number
  subcollectionCount: number
}

/** A note in the Trash on its own (a trashed paper's note travels with the paper). */
export interface TrashedNote {
  id: string
  title: string
  paperId?: string
  trashedAt: string
  excerpt: string
}

export interface TrashContents {
  collections: TrashedCollection[]
  notes: TrashedNote[]
}

/** Ids of the things an operation on the Trash applies to. */
export interface TrashItems {
  paperIds?: string[]
  noteIds?: string[]
  collectionIds?: string[]
}

/** What an organizing action did: the label its undo uses, and how many things it changed. */
export interface ChangeOutcome {
  label: string
  changed: number
}

/** The actions Undo and Redo would take now, by label. */
export interface UndoState {
  undo?: string
  redo?: string
}

/** A multi-selection at a glance, for the paper pane. */
export interface SelectionSummary {
  count: number
  /** The first few titles, in the order given. */
  titles: string[]
  status: Record<ReadingStatus, number>
  starred: number
  inTrash: number
  tags: TagCount[]
  collections: Array<CollectionRef & { count: number }>
}
