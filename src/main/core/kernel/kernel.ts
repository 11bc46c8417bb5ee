// What every service of the library shares: the store (replaced by a restore),
// the clock, long tasks, the write queue and the change bus. A commit goes
// through here so that every service and every listener hears of it.
import type { ChangeTopic, LibraryChange, Note, Paper, StoreProblem } from '../../../shared/model'
import type { LibraryStore, StoreOptions } from '../store/libraryStore'
import type { MergeOutcome } from '../store/mergeBatch'
import type { ChangeSet } from '../store/recordKinds'
import { ChangeBus } from './changeBus'
import { changeOf } from './changeTopics'
import { LongTasks } from './longTasks'
import type { CommittedChange } from './service'
import { WriteQueue } from './writeQueue'

/** How the library as a whole is doing, as getLibraryInfo reports it. */
export interface LibraryHealth {
  /** Files found damaged since the library was opened (a restore adds its own). */
  problems: StoreProblem[]
  /** Why the last automatic backup failed, until one succeeds. */
  backupProblem?: string
}

export class LibraryKernel {
  readonly tasks = new LongTasks()
  readonly bus = new ChangeBus()
  readonly health: LibraryHealth
  readonly queue = new WriteQueue()

  constructor(
    private current: LibraryStore,
    readonly storeOptions: StoreOptions,
    readonly now: () => Date,
  ) {
    this.health = { problems: [...current.problems] }
    current.onMerge((outcome) => this.merged(outcome))
  }

  /** Another device's changes, merged into the records: heard like a commit. */
  private merged(outcome: MergeOutcome): void {
    const { changes, before } = outcome
    const event = changeOf(changes, { notes: { get: (id: string) => before.notes.get(id) } }, [
      'sync',
    ])
    this.bus.committed(
      { changes, before, trashMoved: papersWhoseTrashMoved(changes, before.papers) },
      event,
    )
  }

  /** The library's records (a restore replaces the store). */
  get store(): LibraryStore {
    return this.current
  }

  get closed(): boolean {
    return this.queue.isClosed
  }

  /** Runs `task` after every earlier write has settled (see WriteQueue). */
  mutate<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(task)
  }

  /**
   * Makes `changes` durable, then brings every service level with them and
   * tells the listeners, adding `topics` to what the change set itself says
   * (an undo step adds 'history'). Call it inside mutate().
   */
  async commit(changes: ChangeSet, topics: readonly ChangeTopic[] = []): Promise<void> {
    const before = recordsBefore(this.current, changes)
    const event = changeOf(changes, this.current, topics)
    await this.current.commit(changes)
    const committed: CommittedChange = {
      changes,
      before,
      trashMoved: papersWhoseTrashMoved(changes, before.papers),
    }
    this.bus.committed(committed, event)
  }

  notify(change: LibraryChange): void {
    this.bus.notify(change)
  }

  /** After a restore: the store opened over the restored files; every service starts again. */
  replaceStore(store: LibraryStore): void {
    this.current = store
    store.onMerge((outcome) => this.merged(outcome))
    this.health.problems.push(...store.problems)
    this.bus.reset()
  }
}

/** The papers and notes a change set touches, as they are before it. */
function recordsBefore(store: LibraryStore, changes: ChangeSet): CommittedChange['before'] {
  const papers = new Map<string, Paper>()
  for (const id of [
    ...(changes.papers?.put ?? []).map((paper) => paper.id),
    ...(changes.papers?.remove ?? []),
  ]) {
    const paper = store.papers.get(id)
    if (paper !== undefined) papers.set(id, paper)
  }
  const notes = new Map<string, Note>()
  for (const id of [
    ...(changes.notes?.put ?? []).map((note) => note.id),
    ...(changes.notes?.remove ?? []),
  ]) {
    const note = store.notes.get(id)
    if (note !== undefined) notes.set(id, note)
  }
  return { papers, notes }
}

/** Papers a change trashed, restored, added or deleted: those whose notes change standing. */
function papersWhoseTrashMoved(
  changes: ChangeSet,
  before: ReadonlyMap<string, Paper>,
): Set<string> {
  const moved = new Set<string>(changes.papers?.remove ?? [])
  for (const paper of changes.papers?.put ?? []) {
    const was = before.get(paper.id)
    if (was === undefined || was.trashedAt !== paper.trashedAt) moved.add(paper.id)
  }
  return moved
}
