// The backlink index: which notes link to what, derived from note bodies and
// held only in memory. Links are never stored twice: a note's body is the one
// record of its links, and this index is rebuilt from the bodies on open and
// updated from a body on every save, so backlinks follow the text as it is typed.
import { parseCitations, type Citation } from '../../../shared/text/pandocCitations'
import { parseWikiLinks, wikiLinkTargetKey, type WikiLink } from '../../../shared/text/wikiLinks'

export interface NoteLinks {
  body: string
  links: WikiLink[]
  /** Pandoc citations (`[@key]`): links of kind 'citation', to the paper with that key. */
  citations: Citation[]
}

/** The index key of a citation of `key` (keys are compared without case). */
export function citationLinkKey(key: string): string {
  return `cite:${key.toLowerCase()}`
}

export class LinkIndex {
  private readonly byNote = new Map<string, NoteLinks>()
  /** Target key (`paper:ID`, `note:ID`, `title:…`) -> ids of notes with such a link. */
  private readonly notesByKey = new Map<string, Set<string>>()

  /** Records the links of a note's body; `undefined` forgets the note (trashed, gone). */
  setNote(noteId: string, body: string | undefined): void {
    const known = this.byNote.get(noteId)
    if (known !== undefined && known.body === body) return
    if (known !== undefined) {
      for (const key of targetKeys(known)) this.unlink(key, noteId)
      this.byNote.delete(noteId)
    }
    if (body === undefined) return
    const noteLinks: NoteLinks = {
      body,
      links: parseWikiLinks(body),
      citations: parseCitations(body),
    }
    this.byNote.set(noteId, noteLinks)
    for (const key of targetKeys(noteLinks)) {
      let notes = this.notesByKey.get(key)
      if (notes === undefined) {
        notes = new Set()
        this.notesByKey.set(key, notes)
      }
      notes.add(noteId)
    }
  }

  /** Ids of the notes holding a link under any of `keys`. */
  notesLinkingTo(keys: readonly string[]): Set<string> {
    const result = new Set<string>()
    for (const key of keys) for (const noteId of this.notesByKey.get(key) ?? []) result.add(noteId)
    return result
  }

  linksOf(noteId: string): NoteLinks | undefined {
    return this.byNote.get(noteId)
  }

  private unlink(key: string, noteId: string): void {
    const notes = this.notesByKey.get(key)
    if (notes === undefined) return
    notes.delete(noteId)
    if (notes.size === 0) this.notesByKey.delete(key)
  }
}

/** Every index key a note's links and citations fall under. */
function targetKeys(noteLinks: NoteLinks): string[] {
  return [
    ...noteLinks.links.map((link) => wikiLinkTargetKey(link.target)),
    ...noteLinks.citations.flatMap((citation) =>
      citation.items.map((item) => citationLinkKey(item.key)),
    ),
  ]
}
