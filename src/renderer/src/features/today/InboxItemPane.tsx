// The paper pane of Today: the item opened with Enter, its abstract and where
// it came from. Every field is untrusted text and rendered as text.
import type { InboxItem } from '../../../../shared/model'

export function InboxItemPane({ item }: { item: InboxItem | undefined }) {
  if (item === undefined) {
    return (
      <section className="today-pane today-pane-empty" aria-label="Paper">
        <p>Press Enter to read the abstract of the item under the cursor.</p>
      </section>
    )
  }
  return (
    <section className="today-pane" aria-label="Paper" data-testid="today-paper">
      <h2 className="today-pane-title">{item.title}</h2>
      <p className="today-pane-meta">
        {item.authors.slice(0, 8).join(', ')}
        {item.authors.length > 8 ? ` and ${item.authors.length - 8} more` : ''}
      </p>
      <p className="today-pane-meta">
        {[
          item.arxivId === undefined ? undefined : `arXiv:${item.arxivId}`,
          item.published,
          item.upvotes > 0 ? `${item.upvotes} upvotes` : undefined,
          `from ${item.sources.join(', ')}`,
        ]
          .filter((part) => part !== undefined)
          .join(' · ')}
      </p>
      <p className="today-pane-reason">
        Why here: {item.reason} (score {item.score.toFixed(3)})
      </p>
      <div className="today-pane-abstract reading">{item.abstract}</div>
    </section>
  )
}
