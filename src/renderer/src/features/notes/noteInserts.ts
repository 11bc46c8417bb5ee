// Text that another part of the window adds to a paper's note (a highlight
// quoted from the PDF reader): it goes into the editor when the note is open
// there, so it joins the draft and is saved with it (never two writers of one
// note), else straight to the library.
import { useEffect, useRef } from 'react'
import { api } from '../../data/client'
import { appendBlock } from './appendBlock'

type Inserter = (block: string) => void

/** The open editor of each paper's note, by paper id. */
const openEditors = new Map<string, Inserter>()

/** Registers the open editor of a paper's note (paperId undefined: none, or not ready). */
export function useNoteInserter(
  paperId: string | undefined,
  body: string,
  setBody: (body: string) => void,
): void {
  const latest = useRef(body)
  useEffect(() => {
    latest.current = body
  }, [body])
  useEffect(() => {
    if (paperId === undefined) return undefined
    const insert: Inserter = (block) => {
      const next = appendBlock(latest.current, block)
      latest.current = next
      setBody(next)
    }
    openEditors.set(paperId, insert)
    return () => {
      if (openEditors.get(paperId) === insert) openEditors.delete(paperId)
    }
  }, [paperId, setBody])
}

/** Appends `block` to the paper's note: through its open editor, else saved at once. */
export async function appendToPaperNote(paperId: string, block: string): Promise<void> {
  const editor = openEditors.get(paperId)
  if (editor !== undefined) {
    editor(block)
    return
  }
  const note = await api.getNote({ paperId })
  await api.saveNote({ paperId, body: appendBlock(note?.body ?? '', block) })
}
