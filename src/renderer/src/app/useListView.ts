// What the paper list shows: the sidebar's choice (a setting, so the next start
// shows the same collection or view), the tags it is narrowed to, its sort and
// the search typed above it; and the rows and selection that come of them.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { CollectionNode, ListScope, PaperFilter, PaperSort } from '../../../shared/model'
import type { SettingsState } from '../features/settings/useSettings'
import { usePaperRows, type PaperRows } from '../features/papers/usePaperRows'
import { useSelection, type Selection } from '../features/papers/useSelection'
import { scopeKey } from '../features/sidebar/sidebarEntries'

export interface ListView {
  sort: PaperSort
  scope: ListScope
  tags: string[]
  setTags(tags: string[]): void
  filter: PaperFilter
  query: string
  setQuery(query: string): void
  /** Show this collection or view, narrowed to these tags. */
  choose(scope: ListScope, tags: string[]): void
  /** Sort the list another way, keeping the selected paper in view. */
  changeSort(sort: PaperSort): void
  rows: PaperRows
  selection: Selection
}

const LIBRARY_SCOPE: ListScope = { kind: 'library' }
const NO_TAGS: string[] = []

export function useListView(
  { settings, update }: SettingsState,
  collections: readonly CollectionNode[] | undefined,
  reveal: (id: string) => void,
): ListView {
  const sort: PaperSort = settings?.sort ?? 'published'
  const chosen: ListScope = settings?.listScope ?? LIBRARY_SCOPE
  // A collection that is gone (trashed, or its creation undone) leaves the list on the library.
  const gone =
    chosen.kind === 'collection' &&
    collections !== undefined &&
    !collections.some((node) => node.id === chosen.id)
  const scope = gone ? LIBRARY_SCOPE : chosen
  // The tags narrow the scope they were chosen with; another scope starts with none.
  const [chosenTags, setChosenTags] = useState<{ scope: string; tags: string[] }>({
    scope: scopeKey(LIBRARY_SCOPE),
    tags: [],
  })
  const tags = chosenTags.scope === scopeKey(scope) ? chosenTags.tags : NO_TAGS
  const filter = useMemo(
    (): PaperFilter => (tags.length === 0 ? { scope } : { scope, tags }),
    [scope, tags],
  )
  const [query, setQuery] = useState('')
  const rows = usePaperRows(sort, filter, query)
  const selection = useSelection(rows, sort, filter)

  const choose = useCallback(
    (next: ListScope, nextTags: string[]) => {
      update({ listScope: next })
      setChosenTags({ scope: scopeKey(next), tags: nextTags })
    },
    [update],
  )
  const setTags = useCallback(
    (nextTags: string[]) => setChosenTags({ scope: scopeKey(scope), tags: nextTags }),
    [scope],
  )

  const single = selection.ids.length === 1 ? selection.ids[0] : undefined
  const changeSort = useCallback(
    (next: PaperSort) => {
      update({ sort: next })
      if (single !== undefined) reveal(single)
    },
    [update, single, reveal],
  )

  // ...and the library is what the next start shows.
  useEffect(() => {
    if (gone) update({ listScope: LIBRARY_SCOPE })
  }, [gone, update])

  return {
    sort,
    scope,
    tags,
    setTags,
    filter,
    query,
    setQuery,
    choose,
    changeSort,
    rows,
    selection,
  }
}
