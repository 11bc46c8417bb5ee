// Links to highlights, `[[paper:ID#hl=HIGHLIGHT_ID|p. 12]]`: read as links to
// the paper that name the highlight, so the paper's backlinks count them.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import { formatHighlightLink, parseWikiLinks } from '../../src/shared/text/wikiLinks'
import { syntheticListing } from '../support/syntheticListing'

describe('links to highlights', () => {
  it('are links to the paper that carry the highlight’s id and the page as their text', () => {
    const link = formatHighlightLink('p-1', 'h-2', 'p. 12')
    expect(link).toBe('[[paper:p-1#hl=h-2|p. 12]]')
    const [parsed] = parseWikiLinks(`> quoted ${link}`)
    expect(parsed).toEqual({
      start: 9,
      end: 9 + link.length,
      target: { kind: 'paper', id: 'p-1', highlightId: 'h-2' },
      label: 'p. 12',
    })
  })

  it('are not links to a note (notes have no highlights): such text is a title', () => {
    expect(parseWikiLinks('[[note:n-1#hl=h-2]]')[0]?.target).toEqual({
      kind: 'title',
      title: 'note:n-1#hl=h-2',
    })
  })

  it('count as backlinks of the paper, the link shown by the paper’s title as other id links are', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'offprint-hl-links-'))
    const library = await Library.open(dir)
    try {
      await library.api.importText({ text: syntheticListing(2) })
      const [paperId = '', other = ''] = await library.api.listPaperIds({ sort: 'title' })
      const link = formatHighlightLink(paperId, 'h-2', 'p. 3')
      await library.api.saveNote({ paperId: other, body: `The key result ${link} matters.` })
      const backlinks = await library.api.getBacklinks({ kind: 'paper', id: paperId })
      expect(
        backlinks.map((b) => b.contexts.map((c) => `${c.before}[${c.link}]${c.after}`)),
      ).toEqual([
        ['The key result [Synthetic Study 1: Scaling tool learning with Sparse Experts] matters.'],
      ])
    } finally {
      await library.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
