// How a feed's state reads, in Today's column and in the sidebar's Feeds
// section alike: when its last check succeeded, and why the last one failed.
import type { FeedStatus } from '../../../../shared/model'

function when(iso: string | undefined): string {
  if (iso === undefined) return 'never'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString()
}

export function lastSuccessText(feed: FeedStatus): string {
  return `Last success: ${when(feed.lastSuccessAt)}`
}

export function lastErrorText(feed: FeedStatus): string | undefined {
  return feed.lastError === undefined ? undefined : `last check failed: ${feed.lastError}`
}
