// Main says what each commit touched (a LibraryChange: topics, and the ids of
// the papers and notes when there are few); the queries whose keys depend on
// it are marked stale, and those on screen are fetched again.
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { ChangeTopic, LibraryChange } from '../../../shared/model'
import { subscribeToLibrary } from './client'
import type { DependsOn } from './libraryQueries'

/** Topics whose changes name the papers and notes they touched. */
const NAMED_TOPICS: ReadonlySet<ChangeTopic> = new Set(['papers', 'notes'])

/** Whether an answer that depends on `dependsOn` may be stale after `change`. */
export function isAffected(dependsOn: DependsOn, change: LibraryChange): boolean {
  return dependsOn.topics.some(
    (topic) =>
      change.topics.includes(topic) && (!NAMED_TOPICS.has(topic) || names(dependsOn, change)),
  )
}

/** Whether the change touched the paper or note the answer is about (absent ids: any may have). */
function names(dependsOn: DependsOn, change: LibraryChange): boolean {
  const { paperId, noteId } = dependsOn
  if (paperId !== undefined && change.paperIds !== undefined && !change.paperIds.includes(paperId))
    return false
  if (noteId !== undefined && change.noteIds !== undefined && !change.noteIds.includes(noteId))
    return false
  return true
}

/** The dependency a key declares; a key that declares none depends on everything. */
function dependsOnOf(key: QueryKey): DependsOn | undefined {
  const last = key[2]
  return typeof last === 'object' && last !== null && 'topics' in last
    ? (last as DependsOn)
    : undefined
}

/** Marks stale the queries the change may have made stale; those in use refetch. */
export function invalidateForChange(client: QueryClient, change: LibraryChange): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) => {
      const dependsOn = dependsOnOf(query.queryKey)
      return dependsOn === undefined || isAffected(dependsOn, change)
    },
  })
}

/** From now on, every change main reports invalidates what it touched. */
export function invalidateOnLibraryChanges(client: QueryClient): () => void {
  return subscribeToLibrary((event) => {
    if (event.type === 'library-changed') void invalidateForChange(client, event.change)
  })
}
