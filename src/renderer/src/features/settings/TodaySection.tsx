// Settings > Today: how long skipped feed items stay before they are removed.
// The feeds themselves are followed and unfollowed in Today's Feeds column.
import type { Settings, SettingsPatch } from '../../../../shared/model'

const DAYS = [7, 14, 30, 60, 90, 365]

export function TodaySection(props: {
  id: string
  settings: Settings
  onChange(patch: SettingsPatch): void
}) {
  const { id, settings } = props
  const value = settings.skippedFeedItemDays
  const choices = [...new Set([...DAYS, value])].sort((a, b) => a - b)
  return (
    <section className="settings-section" aria-labelledby={`${id}-today`}>
      <h3 id={`${id}-today`}>Today</h3>
      <p className="settings-hint">
        Follow and unfollow feeds in Today (Go &gt; Today). Items you skip are kept for a while, so
        a paper you skipped is not offered again, then removed.
      </p>
      <label className="settings-field" htmlFor={`${id}-skipped-days`}>
        Remove skipped items after
      </label>
      <select
        id={`${id}-skipped-days`}
        value={value}
        data-testid="settings-skipped-days"
        onChange={(event) => props.onChange({ skippedFeedItemDays: Number(event.target.value) })}
      >
        {choices.map((days) => (
          <option key={days} value={days}>
            {days} days
          </option>
        ))}
      </select>
    </section>
  )
}
