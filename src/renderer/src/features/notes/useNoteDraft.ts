// A note as the editor sees it (a paper's note or a standalone one): loaded
// once, edited locally, saved to main after a pause in typing (and at once when
// the editor goes away), with a state the UI shows so the user always knows
// whether their words are on disk.
import { useCallback, useEffect, useRef, useState } from 'react'
import { useQuery, type UseQueryOptions } from '@tanstack/react-query'
import type { Note } from '../../../../shared/model'
import { api, errorMessage, onFlushRequest } from '../../data/client'
import { libraryQueries, type LibraryQueryKey } from '../../data/libraryQueries'

/** Quiet time after the last keystroke before a save. */
export const AUTOSAVE_DELAY_MS = 400
/** After a failed save, try again this often while the text stays unsaved. */
const RETRY_DELAY_MS = 3000

export type SaveState =
  | { kind: 'loading' }
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string }
  | { kind: 'load-failed'; message: string }

/** Which note: the one of a paper (created on first save), or a standalone note. */
export type NoteSource = { kind: 'paper'; paperId: string } | { kind: 'note'; noteId: string }

export interface NoteDraft {
  body: string
  /** The stored note's id; undefined while the paper has none. */
  noteId: string | undefined
  /** The note as last loaded or saved; null for a paper that has no note yet. */
  note: Note | null | undefined
  state: SaveState
  setBody(body: string): void
  /** Save now if there are unsaved changes (e.g. on blur). */
  flush(): void
}

/** The stored note, fetched again when a change touches it. */
function noteQuery(
  source: NoteSource,
): UseQueryOptions<Note | null, Error, Note | null, LibraryQueryKey> {
  const { queryKey, queryFn } =
    source.kind === 'paper'
      ? libraryQueries.paperNote(source.paperId)
      : libraryQueries.note(source.noteId)
  return { queryKey, queryFn }
}

function saveNote(source: NoteSource, body: string): Promise<Note> {
  return source.kind === 'paper'
    ? api.saveNote({ paperId: source.paperId, body })
    : api.updateNote({ id: source.noteId, body })
}

/**
 * A note changed elsewhere (moved to the Trash, brought back by Undo) is shown
 * anew, unless the editor holds unsaved typing, which always wins. `source`
 * must keep its identity for one note (give the editor a key per note).
 */
export function useNoteDraft(source: NoteSource): NoteDraft {
  const [body, setBodyState] = useState('')
  const [note, setNote] = useState<Note | null | undefined>(undefined)
  const [state, setState] = useState<SaveState>({ kind: 'loading' })
  // The latest text and what is known to be on disk, outside React's render
  // cycle so the unmount flush sees them.
  const latest = useRef('')
  const onDisk = useRef('')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  // Saves run one after another, so an older text can never land after a newer one.
  const chain = useRef<Promise<void>>(Promise.resolve())
  const mounted = useRef(true)

  const save = useCallback((): void => {
    // A failed save tries again later, the same way.
    const attempt = (): void => {
      clearTimeout(timer.current)
      timer.current = undefined
      chain.current = chain.current.then(async () => {
        const text = latest.current
        if (text === onDisk.current) return
        if (mounted.current) setState({ kind: 'saving' })
        try {
          const saved = await saveNote(source, text)
          onDisk.current = text
          if (mounted.current) setNote(saved)
          if (mounted.current) {
            setState(latest.current === text ? { kind: 'saved' } : { kind: 'unsaved' })
          }
        } catch (caught) {
          if (mounted.current) setState({ kind: 'failed', message: errorMessage(caught) })
          timer.current = setTimeout(attempt, RETRY_DELAY_MS)
        }
      })
    }
    attempt()
  }, [source])

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      // Leaving the paper (or closing the pane) must not drop the last keystrokes.
      if (latest.current !== onDisk.current) save()
      clearTimeout(timer.current)
    }
  }, [source, save])

  // The note as loaded, then each time it changes outside the editor (Trash,
  // Undo): shown, if nothing is pending here. After it first loaded, a failed
  // refetch changes nothing (the next change tries again).
  const stored = useQuery(noteQuery(source))
  const loaded = stored.data
  const loadError = stored.isFetchedAfterMount ? stored.error : null
  useEffect(() => {
    if (loaded === undefined) return
    if (latest.current !== onDisk.current) return
    const text = loaded?.body ?? ''
    setNote(loaded)
    setState((previous) => (previous.kind === 'loading' ? { kind: 'saved' } : previous))
    if (text === onDisk.current && latest.current === text) return
    latest.current = text
    onDisk.current = text
    setBodyState(text)
  }, [loaded])
  // A first load that fails says so (adjusted while rendering, not after).
  if (loadError !== null && state.kind === 'loading') {
    setState({ kind: 'load-failed', message: errorMessage(loadError) })
  }

  // A window that closes with text still waiting for its pause is saved first.
  useEffect(() => {
    const onBeforeUnload = (): void => {
      if (latest.current !== onDisk.current) save()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    // Quitting asks first, and waits for the save before closing the library.
    const stopFlushing = onFlushRequest(() => {
      if (latest.current !== onDisk.current) save()
      return chain.current
    })
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload)
      stopFlushing()
    }
  }, [save])

  const setBody = useCallback(
    (text: string) => {
      latest.current = text
      setBodyState(text)
      setState((previous) => (previous.kind === 'failed' ? previous : { kind: 'unsaved' }))
      clearTimeout(timer.current)
      timer.current = setTimeout(save, AUTOSAVE_DELAY_MS)
    },
    [save],
  )

  const flush = useCallback(() => {
    if (latest.current !== onDisk.current) save()
  }, [save])

  return { body, noteId: note?.id, note, state, setBody, flush }
}
