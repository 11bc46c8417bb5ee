// An import's entries while its file is still being read: as soon as the scan
// has found them, their number and the first titles (with their citation
// keys) are listed under the task's progress bar, whose Cancel stops the
// reading with nothing written. The window stays usable meanwhile; when
// reading is done, the preview dialog (ImportPreviewDialog) takes over.
import type { ImportEntriesRead } from '../../../../shared/model'

const count = new Intl.NumberFormat('en')

/** A handful of entries is read at once (and may import without a preview). */
const LISTED_FROM = 6

export function EntriesFound({ entries }: { entries: ImportEntriesRead }) {
  if (entries.count < LISTED_FROM) return null
  const more = entries.count - entries.first.length
  return (
    <details className="preview-section entries-found" data-testid="entries-found" open>
      <summary>
        {count.format(entries.count)} {entries.count === 1 ? 'entry' : 'entries'} found
      </summary>
      <ul>
        {entries.first.map((entry, index) => (
          <li key={index}>
            <code>{entry.key}</code>{' '}
            <span className="preview-title">{entry.title === '' ? '(no title)' : entry.title}</span>
          </li>
        ))}
        {more > 0 && (
          <li>
            … and {count.format(more)} more {more === 1 ? 'entry' : 'entries'}
          </li>
        )}
      </ul>
    </details>
  )
}
