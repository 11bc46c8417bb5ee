// A running task: what it is doing, a progress bar, and Cancel while it can stop.
import { useState } from 'react'
import type { TaskProgress as Task } from '../../../shared/model'
import { api, errorMessage } from '../data/client'

const count = new Intl.NumberFormat()

export function TaskProgress({ task }: { task: Task }) {
  const [cancelProblem, setCancelProblem] = useState<string | undefined>(undefined)
  const known = task.total > 0
  const share = known ? Math.min(1, task.done / task.total) : 0
  const amount = known ? `${count.format(task.done)} of ${count.format(task.total)}` : ''

  function cancel(): void {
    api
      .cancelTask({ taskId: task.taskId })
      .then((stopping) => {
        if (!stopping) setCancelProblem('It can no longer be stopped: it is saving.')
      })
      .catch((caught: unknown) => setCancelProblem(errorMessage(caught)))
  }

  return (
    <div className="task-progress" data-testid="task-progress">
      <div className="task-progress-line">
        <span className="task-progress-label">
          {task.label}: {task.step}
          {known ? ` (${amount})` : '…'}
        </span>
        {task.cancellable && (
          <button type="button" className="toolbar-button" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
      <ProgressBar
        label={task.label}
        value={known ? task.done : undefined}
        max={task.total}
        share={share}
        text={amount}
      />
      {cancelProblem !== undefined && <p className="task-progress-problem">{cancelProblem}</p>}
    </div>
  )
}

/** A progress bar; without a value it is indeterminate (an animated stripe). */
export function ProgressBar(props: {
  label: string
  value: number | undefined
  max: number
  share: number
  text: string
}) {
  const indeterminate = props.value === undefined
  return (
    <div
      className={`progress-bar${indeterminate ? ' progress-indeterminate' : ''}`}
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={indeterminate ? undefined : props.max}
      aria-valuenow={props.value}
      aria-valuetext={indeterminate ? undefined : props.text}
    >
      <div
        className="progress-fill"
        style={{ width: indeterminate ? undefined : `${props.share * 100}%` }}
      />
    </div>
  )
}
