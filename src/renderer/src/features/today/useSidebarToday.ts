// What the library's sidebar shows of Today: "Today 12 new" (items that
// arrived since Today was last opened) and the feeds with their last check.
import { useMemo } from 'react'
import type { FeedStatus } from '../../../../shared/model'
import { libraryQueries } from '../../data/libraryQueries'
import { useBackgroundQuery } from '../../data/queryClient'
import type { SidebarToday } from '../sidebar/sidebarEntries'

const NO_FEEDS: readonly FeedStatus[] = []

export function useSidebarToday(): SidebarToday | undefined {
  const status = useBackgroundQuery(libraryQueries.todayStatus())
  const feeds = useBackgroundQuery(libraryQueries.feeds()) ?? NO_FEEDS
  const sinceVisit = status?.sinceVisit
  return useMemo(
    () => (sinceVisit === undefined ? undefined : { sinceVisit, feeds }),
    [sinceVisit, feeds],
  )
}
