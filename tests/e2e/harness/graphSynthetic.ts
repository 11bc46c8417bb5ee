// A synthetic library for the graph views at scale: the bench's synthetic
// papers, each tenth with a note linking three papers further on, so the map
// has link edges beside its similar-paper edges.
import { formatWikiLink } from '../../../src/shared/text/wikiLinks'
import { synthesize, type SyntheticLibrary } from '../../bench/syntheticLibrary'

export function linkedSynthetic(count: number): SyntheticLibrary {
  const library = synthesize(count)
  const { papers } = library
  const notes = library.notes.map((note, i) => {
    const at = papers.findIndex((paper) => paper.id === note.paperId)
    const links = [1, 7, 31].map((step) => {
      const target = papers[(at + step * (i + 1)) % papers.length]
      return target === undefined ? '' : formatWikiLink('paper', target.id, target.title)
    })
    return { ...note, body: `${note.body}\nSee ${links.join(', ')}.\n` }
  })
  return { ...library, notes }
}
