// Runs organizing plans (plan.ts): works a change out from the current
// records, applies it as one durable commit and (unless told otherwise) one
// undo step, and undoes or redoes those steps. A plan that throws (unknown id,
// nesting cycle) has written nothing.
import { randomUUID } from 'node:crypto'
import type { ChangeOutcome } from '../../../shared/model'
import type { LibraryKernel } from '../kernel/kernel'
import type { ChangeSubscriber } from '../kernel/service'
import type { ChangeSet } from '../store/recordKinds'
import { isEmptyChangeSet } from './plan'
import type { OrganizeContext, Plan } from './plan'
import {
  UndoConflictError,
  UndoStack,
  captureStep,
  changedRecords,
  replayChanges,
} from './undoStack'
import type { Direction } from './undoStack'

export class PlanRunner implements ChangeSubscriber {
  readonly history = new UndoStack()

  constructor(private readonly kernel: LibraryKernel) {}

  run<T>(
    build: (ctx: OrganizeContext) => Plan<T>,
    { undoable = true }: { undoable?: boolean } = {},
  ): Promise<T> {
    const kernel = this.kernel
    return kernel.mutate(async () => {
      const plan = build({
        records: kernel.store,
        at: kernel.now().toISOString(),
        newId: randomUUID,
      })
      if (isEmptyChangeSet(plan.changes)) return plan.result
      const step = undoable ? captureStep(kernel.store, plan.changes, plan.label) : undefined
      await kernel.commit(plan.changes, ['history'])
      if (step !== undefined) this.history.record(step)
      return plan.result
    })
  }

  /** Undoes or redoes the next step; a step that clashes with a later change is dropped. */
  replay(direction: Direction): Promise<ChangeOutcome | null> {
    const kernel = this.kernel
    return kernel.mutate(async () => {
      const step = this.history.next(direction)
      if (step === undefined) return null
      let changes: ChangeSet
      try {
        changes = replayChanges(kernel.store, step, direction, kernel.now().toISOString())
      } catch (error) {
        if (error instanceof UndoConflictError) this.history.drop(direction)
        throw error
      }
      await kernel.commit(changes, ['history'])
      this.history.applied(direction)
      return { label: step.label, changed: changedRecords(changes) }
    })
  }

  /** After a restore the steps describe records that are gone. */
  reset(): void {
    this.history.clear()
  }
}
