// File > Get Daily Papers…: which Daily Papers to fetch from Hugging Face, a
// day, an ISO week or a month (the browser's own date, week and month
// fields). Fetching runs as an import: its progress, then its preview.
import { useState } from 'react'
import type { DailyPeriod } from '../../../../shared/model'
import { Dialog } from '../../ui/Dialog'

type Kind = DailyPeriod['kind']

const pad = (n: number): string => String(n).padStart(2, '0')

/** Today, this ISO week and this month, in the local calendar, as the fields write them. */
function now(): Record<Kind, string> {
  const today = new Date()
  const day = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`
  // The ISO week is the one of this week's Thursday.
  const thursday = new Date(
    today.getFullYear(),
    today.getMonth(),
    today.getDate() + 3 - ((today.getDay() + 6) % 7),
  )
  const jan1 = new Date(thursday.getFullYear(), 0, 1)
  const dayOfYear = Math.round((thursday.getTime() - jan1.getTime()) / 86_400_000)
  const week = Math.floor(dayOfYear / 7) + 1
  return {
    day,
    week: `${thursday.getFullYear()}-W${pad(week)}`,
    month: day.slice(0, 7),
  }
}

const FIELD: Record<Kind, { label: string; type: string; pattern: RegExp }> = {
  day: { label: 'A day', type: 'date', pattern: /^\d{4}-\d{2}-\d{2}$/ },
  week: { label: 'A week', type: 'week', pattern: /^\d{4}-W\d{2}$/ },
  month: { label: 'A month', type: 'month', pattern: /^\d{4}-\d{2}$/ },
}

function periodOf(kind: Kind, value: string): DailyPeriod | undefined {
  if (!FIELD[kind].pattern.test(value)) return undefined
  switch (kind) {
    case 'day':
      return { kind, date: value }
    case 'week':
      return { kind, week: value }
    case 'month':
      return { kind, month: value }
  }
}

export function DailyPapersDialog(props: { onFetch(period: DailyPeriod): void; onCancel(): void }) {
  const [kind, setKind] = useState<Kind>('day')
  const [values, setValues] = useState(now)
  const period = periodOf(kind, values[kind])
  return (
    <Dialog title="Get Daily Papers" onCancel={props.onCancel}>
      <div className="dialog-body">
        <p>
          The papers of Hugging Face&apos;s Daily Papers, fetched and previewed before anything is
          added.
        </p>
        <fieldset className="dialog-fieldset">
          <legend>Papers of</legend>
          {(Object.keys(FIELD) as Kind[]).map((choice) => (
            <label key={choice} className="dialog-choice">
              <input
                type="radio"
                name="daily-kind"
                checked={kind === choice}
                onChange={() => setKind(choice)}
              />
              {FIELD[choice].label}
            </label>
          ))}
          <div className="dialog-indent">
            <input
              type={FIELD[kind].type}
              aria-label={FIELD[kind].label}
              value={values[kind]}
              onChange={(event) => setValues({ ...values, [kind]: event.target.value })}
              data-testid="daily-period"
            />
          </div>
        </fieldset>
      </div>
      <div className="dialog-actions">
        <button type="button" className="toolbar-button" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="primary-button"
          disabled={period === undefined}
          onClick={() => period !== undefined && props.onFetch(period)}
          data-testid="daily-fetch"
        >
          Get papers
        </button>
      </div>
    </Dialog>
  )
}
