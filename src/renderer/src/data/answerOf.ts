// A query's latest outcome as a view shows it: the answer, or the error if that
// came after it (a refetch that failed), or undefined while the first is on its way.
import type { UseQueryResult } from '@tanstack/react-query'
import { errorMessage } from './client'

export type Answer<T> = { value: T } | { error: string } | undefined

export function answerOf<T>(result: UseQueryResult<T>): Answer<T> {
  const error = errorOf(result)
  if (error !== undefined) return { error }
  return result.data === undefined ? undefined : { value: result.data }
}

/** Why the last fetch failed, unless an answer came after it. */
export function errorOf(result: UseQueryResult<unknown>): string | undefined {
  return result.error !== null && result.errorUpdatedAt >= result.dataUpdatedAt
    ? errorMessage(result.error)
    : undefined
}
