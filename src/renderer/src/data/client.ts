// The renderer's only door to the library: `window.offprint`, unwrapped so each
// call returns its value or throws an OffprintApiError with the error's code.
import {
  OffprintApiError,
  apiMethods,
  unwrapResponse,
  type ApiMethod,
  type LibraryApi,
} from '../../../shared/api'
import type { LibraryEvent } from '../../../shared/model'
// window.offprint, declared for whoever compiles this file (the unit tests too).
import type {} from '../env'

function buildClient(): LibraryApi {
  const bridge = window.offprint
  const client: Partial<Record<ApiMethod, (args: never) => Promise<unknown>>> = {}
  for (const method of apiMethods) {
    const call = bridge[method] as (args: unknown) => Promise<Parameters<typeof unwrapResponse>[0]>
    client[method] = async (args: unknown) => unwrapResponse(await call(args))
  }
  return client as LibraryApi
}

export const api: LibraryApi = buildClient()

export function subscribeToLibrary(listener: (event: LibraryEvent) => void): () => void {
  return window.offprint.subscribe(listener)
}

/**
 * `flush` saves what a part of the page still holds and resolves once it is
 * saved; main runs every one before it closes the library on quit.
 */
export function onFlushRequest(flush: () => Promise<void>): () => void {
  return window.offprint.onFlushRequest(flush)
}

/** A one-line message for an error from the API or anywhere else. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * For fetches the window makes by itself (counts, summaries, a paper's
 * collections): a paper that has just left the library (deleted for good
 * while a view refreshed) is expected and not worth a word; anything else is logged.
 */
export function reportBackgroundError(error: unknown): void {
  if (error instanceof OffprintApiError && error.code === 'not-found') return
  console.error('offprint:', errorMessage(error))
}
