// Notes: a paper's note (one per paper, titled after it) and standalone notes.
// A save resolves once the note is durably on disk.
import { randomUUID } from 'node:crypto'
import type { Note } from '../../../shared/model'
import { normalizeTitle } from '../../../shared/text/wikiLinks'
import { cleanTitle } from '../kernel/cleanTitle'
import { BadInputError } from '../kernel/errors'
import type { LibraryKernel } from '../kernel/kernel'
import type { Service } from '../kernel/service'
import type { LinksService } from '../links/linksService'
import { newestFirst } from '../papers/paperOrder'
import { requireNote, requirePaper } from '../store/requireRecord'
import type { NoteIndex } from './noteIndex'

type NoteMethod = 'getNote' | 'saveNote' | 'listNotes' | 'createNote' | 'getNoteById' | 'updateNote'

export function notesService(
  kernel: LibraryKernel,
  notes: NoteIndex,
  links: LinksService,
): Service<NoteMethod> {
  const commitNote = (note: Note): Promise<void> => kernel.commit({ notes: { put: [note] } })

  return {
    handlers: {
      async getNote({ paperId }) {
        requirePaper(kernel.store, paperId)
        const note = notes.of(paperId)
        return note ? structuredClone(note) : null
      },

      /** Resolves once the note is durably on disk. */
      saveNote: ({ paperId, body }) =>
        kernel.mutate(async () => {
          const paper = requirePaper(kernel.store, paperId)
          if (paper.trashedAt !== undefined) {
            throw new BadInputError(`"${paper.title}" is in the Trash; restore it to edit its note`)
          }
          const existing = notes.of(paperId)
          if (existing && existing.body === body && existing.title === paper.title) {
            return structuredClone(existing)
          }
          const at = kernel.now().toISOString()
          const note: Note = existing
            ? { ...existing, title: paper.title, body, updatedAt: at }
            : { id: randomUUID(), paperId, title: paper.title, body, createdAt: at, updatedAt: at }
          await commitNote(note)
          return structuredClone(note)
        }),

      /** Standalone notes outside the trash: title matches first, then the most recently edited. */
      async listNotes({ query }) {
        const words = normalizeTitle(query ?? '')
          .split(' ')
          .filter((word) => word !== '')
        const ranked: Array<{ note: Note; inTitle: boolean }> = []
        for (const note of kernel.store.notes.values()) {
          // Trashed notes are listed by the Trash (listTrash).
          if (note.paperId !== undefined || note.trashedAt !== undefined) continue
          const title = normalizeTitle(note.title)
          const inTitle = words.every((word) => title.includes(word))
          if (!inTitle && words.length > 0) {
            const text = `${title} ${normalizeTitle(note.body)}`
            if (!words.every((word) => text.includes(word))) continue
          }
          ranked.push({ note, inTitle })
        }
        ranked.sort(
          (a, b) =>
            Number(b.inTitle) - Number(a.inTitle) ||
            newestFirst(a.note.updatedAt, b.note.updatedAt),
        )
        return ranked.map(({ note }) => links.summarize(note))
      },

      createNote: ({ title, body }) =>
        kernel.mutate(async () => {
          const at = kernel.now().toISOString()
          const note: Note = {
            id: randomUUID(),
            title: cleanTitle(title) || 'Untitled',
            body: body ?? '',
            createdAt: at,
            updatedAt: at,
          }
          await commitNote(note)
          return structuredClone(note)
        }),

      /** Any note by its id, a paper's or a standalone one, trashed or not. */
      async getNoteById({ id }) {
        return structuredClone(requireNote(kernel.store, id))
      },

      /** Renames a standalone note and/or replaces a note's body. */
      updateNote: ({ id, title, body }) =>
        kernel.mutate(async () => {
          const existing = requireNote(kernel.store, id)
          if (existing.trashedAt !== undefined) {
            throw new BadInputError(
              `The note "${existing.title}" is in the trash; restore it first`,
            )
          }
          if (title !== undefined && existing.paperId !== undefined) {
            throw new BadInputError(
              "A paper's note is titled after its paper and cannot be renamed",
            )
          }
          const nextTitle = title === undefined ? existing.title : cleanTitle(title)
          if (nextTitle === '') throw new BadInputError('A note needs a title')
          const nextBody = body ?? existing.body
          if (nextTitle === existing.title && nextBody === existing.body) {
            return structuredClone(existing)
          }
          const at = kernel.now().toISOString()
          const note: Note = { ...existing, title: nextTitle, body: nextBody, updatedAt: at }
          await commitNote(note)
          return structuredClone(note)
        }),
    },
  }
}
