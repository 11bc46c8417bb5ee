// The errors the library core throws on purpose. Each carries the API error code
// it becomes in the dispatcher's envelope, so the mapping lives with the error
// and not in a switch that could forget one.
import type { ApiErrorCode } from '../../../shared/api'

export abstract class LibraryError extends Error {
  abstract readonly code: ApiErrorCode
}

/** The caller named a paper or note that is not in the library. */
export class NotFoundError extends LibraryError {
  readonly code = 'not-found'
  override readonly name: string = 'NotFoundError'
}

/** The content the user gave us (an import, a note) cannot be used as it is. */
export class BadInputError extends LibraryError {
  readonly code = 'bad-input'
  override readonly name: string = 'BadInputError'
}

/** The library folder could not be read or written (disk full, read-only, gone). */
export class StorageError extends LibraryError {
  readonly code = 'storage'
  override readonly name: string = 'StorageError'
}

/**
 * library.json was written by a newer Offprint. Opening it for writing could
 * silently drop data this version does not understand, so we refuse instead.
 */
export class LibraryVersionError extends LibraryError {
  readonly code = 'storage'
  override readonly name: string = 'LibraryVersionError'
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `${file} has schema version ${fileVersion}, but this version of Offprint supports ` +
        `only version ${supportedVersion} and older; open it with a newer Offprint ` +
        '(the file was not changed)',
    )
  }
}

/** The API code for an error the core threw on purpose, or undefined for anything else. */
export function apiErrorCodeOf(error: unknown): ApiErrorCode | undefined {
  return error instanceof LibraryError ? error.code : undefined
}

/** The message of anything thrown, for wrapping it in a clearer error. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
