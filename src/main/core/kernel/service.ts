// The shape every capability of the core has: the API methods it answers, and
// what it does when a change commits, when the library's records are replaced
// (a restore), and when the library closes. library.ts assembles the API from
// the services' handlers and subscribes each service to the change bus.
import type { ApiMethod, LibraryApi } from '../../../shared/api'
import type { Note, Paper } from '../../../shared/model'
import type { ChangeSet } from '../store/recordKinds'

/** The API methods `M`, as a service answers them (arguments already validated). */
export type Handlers<M extends ApiMethod> = Pick<LibraryApi, M>

/** A change the store has just made durable, as services see it. */
export interface CommittedChange {
  changes: ChangeSet
  /** The papers and notes the change touched, as they were before it (absent: new). */
  before: { papers: ReadonlyMap<string, Paper>; notes: ReadonlyMap<string, Note> }
  /** Papers trashed, restored, added or deleted: their notes change standing. */
  trashMoved: ReadonlySet<string>
}

/** Anything kept level with the records: a service, or a view they share. */
export interface ChangeSubscriber {
  /** After a commit, before the window hears of it; must not throw. */
  committed?(change: CommittedChange): void
  /** The records were replaced (a restore): drop everything derived from the old ones. */
  reset?(): void
  /** The library is closing, after its last write: save or stop what runs. */
  close?(): Promise<void>
}

export interface Service<M extends ApiMethod> extends ChangeSubscriber {
  readonly handlers: Handlers<M>
}

type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (
  value: infer I,
) => void
  ? I
  : never

/**
 * One table of the services' handlers. The caller states the result's type
 * (LibraryApi), so a method no service answers is a compile error; a method
 * two services answer is an error here, at open.
 */
export function handlerTable<T extends readonly { readonly handlers: Partial<LibraryApi> }[]>(
  services: T,
): Intersection<T[number]['handlers']> {
  const table: Record<string, unknown> = {}
  for (const service of services) {
    for (const [method, handler] of Object.entries(service.handlers)) {
      if (method in table) throw new Error(`Two services answer the API method ${method}`)
      table[method] = handler
    }
  }
  return table as Intersection<T[number]['handlers']>
}
