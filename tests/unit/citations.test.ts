// Citations formatted by the bundled CSL styles, compared with the style
// guides' own published examples (each expected string is copied from the
// guide named beside it, not from the processor), and what the library does
// around them: keys, the `[@` autocomplete, backlinks, hostile fields, styles
// the user adds.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import CSL from 'citeproc'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Library } from '../../src/main/core/library'
import { parseCitations } from '../../src/shared/text/pandocCitations'
import { guideBibtex } from '../support/styleGuideExamples'

const GUIDE_EXAMPLES = guideBibtex(
  'mccauley2019',
  'sapolsky2017',
  'hampton2017',
  'wigner1965',
  'payne1985',
  'cheng2019',
  'babichev2002',
  'halpern2002',
  'grazer2015',
)

let dir: string
let library: Library
const ids = new Map<string, string>()

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-citations-'))
  let t = Date.parse('2026-02-10T12:00:00Z')
  library = await Library.open(dir, { now: () => new Date((t += 1000)) })
  await library.api.importText({ text: GUIDE_EXAMPLES, fileName: 'guides.bib' })
  ids.clear()
  for (const suggestion of await library.api.suggestCitations({ query: '', limit: 50 })) {
    ids.set(suggestion.key, suggestion.paperId)
  }
})

afterEach(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

function idOf(key: string): string {
  const id = ids.get(key)
  if (id === undefined) throw new Error(`no paper with key ${key}`)
  return id
}

/** The reference list entry of one paper, as plain text, without its number. */
async function reference(key: string, style: string): Promise<string> {
  const cited = await library.api.citePapers({
    paperIds: [idOf(key)],
    style,
    format: 'bibliography',
  })
  return cited.text.replace(/^(?:\[\d+\]|\d+\.)\s+/, '')
}

describe('references as the style guides print them', () => {
  it('APA 7: a journal article (Publication Manual, 7th ed., "Common references at a glance", Example 1)', async () => {
    expect(await reference('mccauley2019', 'apa')).toBe(
      'McCauley, S. M., & Christiansen, M. H. (2019). Language learning as language use: A crosslinguistic model of child language development. Psychological Review, 126(1), 1–51. https://doi.org/10.1037/rev0000126',
    )
  })

  it('APA 7: a book (apastyle.apa.org, "Book references")', async () => {
    expect(await reference('sapolsky2017', 'apa')).toBe(
      'Sapolsky, R. M. (2017). Behave: The biology of humans at our best and worst. Penguin Books.',
    )
  })

  it('APA 7: a preprint (apastyle.apa.org, "Preprint article references")', async () => {
    expect(await reference('hampton2017', 'apa')).toBe(
      'Hampton, S., Rabagliati, H., Sorace, A., & Fletcher-Watson, S. (2017). Autism and bilingualism: A qualitative interview study of parents’ perspectives and experiences. PsyArXiv.',
    )
  })

  it('IEEE: a journal article (IEEE reference guide, Periodicals, [4])', async () => {
    expect(await reference('wigner1965', 'ieee')).toBe(
      'E. P. Wigner, “Theory of traveling-wave optical laser,” Phys. Rev., vol. 134, pp. A635–A646, Dec. 1965.',
    )
  })

  it('IEEE: a conference paper (IEEE reference guide, Articles from Conference Proceedings, [6])', async () => {
    expect(await reference('payne1985', 'ieee')).toBe(
      'D. B. Payne and J. R. Stern, “Wavelength-switched passively coupled single-mode optical network,” in Proc. IOOC-ECOC, 1985, pp. 585–590.',
    )
  })

  it('Nature: a journal article with an article number (Nature formatting guide, References)', async () => {
    expect(await reference('cheng2019', 'nature')).toBe(
      'Cheng, F., Kovács, I. A. & Barabási, A.-L. Network-based prediction of drug combinations. Nat. Commun. 10, 1197 (2019).',
    )
  })

  it('Nature: an arXiv preprint (Nature formatting guide, References)', async () => {
    // The guide's address is http://arXiv.org/abs/quant-ph/0208066; a paper's
    // arXiv address is written https://arxiv.org/abs/ID, the form arXiv gives today.
    expect(await reference('babichev2002', 'nature')).toBe(
      'Babichev, S. A., Ries, J. & Lvovsky, A. I. Quantum scissors: teleportation of single-mode optical states by means of a nonlocal single photon. Preprint at https://arxiv.org/abs/quant-ph/0208066 (2002).',
    )
  })

  it('Vancouver: a journal article (NLM, "Samples of Formatted References for Authors of Journal Articles")', async () => {
    // NLM prints the page range with a hyphen; CSL processors set every range with an en dash.
    expect((await reference('halpern2002', 'vancouver')).replace(/–/g, '-')).toBe(
      'Halpern SD, Ubel PA, Caplan AL. Solid-organ transplantation in HIV-infected patients. N Engl J Med. 2002 Jul 25;347(4):284-7.',
    )
  })

  it('Chicago author-date: a book cited with a page (Chicago Manual of Style, author-date sample citations)', async () => {
    const formatted = await library.api.formatCitations({
      style: 'chicago-author-date',
      citations: [{ mode: 'normal', items: [{ key: 'grazer2015', locator: '12', label: 'page' }] }],
    })
    expect(formatted.citations[0]?.text).toBe('(Grazer and Fishman 2015, 12)')
  })
})

describe('a note citing three papers', () => {
  const citations = [
    {
      mode: 'normal' as const,
      items: [{ key: 'mccauley2019', prefix: 'see', locator: '12', label: 'page' }],
    },
    { mode: 'in-text' as const, items: [{ key: 'sapolsky2017' }] },
    { mode: 'normal' as const, items: [{ key: 'hampton2017' }, { key: 'mccauley2019' }] },
  ]

  it('reads in APA as author and year, with an alphabetical References list', async () => {
    const apa = await library.api.formatCitations({ style: 'apa', citations })
    expect(apa.citations.map((c) => c.text)).toEqual([
      '(see McCauley & Christiansen, 2019, p. 12)',
      'Sapolsky (2017)',
      '(Hampton et al., 2017; McCauley & Christiansen, 2019)',
    ])
    expect(apa.bibliography.text.map((entry) => entry.slice(0, 24))).toEqual([
      'Hampton, S., Rabagliati,',
      'McCauley, S. M., & Chris',
      'Sapolsky, R. M. (2017). ',
    ])
  })

  it('reads in IEEE as numbers in order of first citation, the in-text one with its author', async () => {
    const ieee = await library.api.formatCitations({ style: 'ieee', citations })
    expect(ieee.citations.map((c) => c.text)).toEqual([
      'see [1, p. 12]',
      'Sapolsky [2]',
      '[1], [3]',
    ])
    expect(ieee.bibliography.text.map((entry) => entry.slice(0, 20))).toEqual([
      '[1] S. M. McCauley a',
      '[2] R. M. Sapolsky, ',
      '[3] S. Hampton, H. R',
    ])
  })

  it('follows the chosen style when none is named, and marks keys the library does not have', async () => {
    await library.api.updateSettings({ patch: { citationStyle: 'ieee' } })
    const chosen = await library.api.formatCitations({
      citations: [{ mode: 'normal', items: [{ key: 'wigner1965' }, { key: 'nobody2020' }] }],
    })
    expect(chosen.style).toBe('ieee')
    expect(chosen.citations).toEqual([{ html: '[1]', text: '[1]', missing: ['nobody2020'] }])
  })
})

describe('notes formatted ahead of the user', () => {
  const DRAFT = 'Children learn [see @mccauley2019, p. 12], says @sapolsky2017.'
  const asked = (
    body: string,
  ): Array<Pick<ReturnType<typeof parseCitations>[number], 'mode' | 'items'>> =>
    parseCitations(body).map(({ mode, items }) => ({ mode, items }))

  it('open formatted, in the chosen style, once the library prepared them, and again after a change from outside or a new style', async () => {
    const draft = await library.api.createNote({ title: 'Draft' })
    await library.api.updateNote({ id: draft.id, body: DRAFT })
    await library.prepareCitations()
    const formatting = vi.spyOn(CSL.Engine.prototype, 'processCitationCluster')
    const opened = await library.api.formatCitations({ citations: asked(DRAFT) })
    expect(opened.citations.map((c) => c.text)).toEqual([
      '(see McCauley & Christiansen, 2019, p. 12)',
      'Sapolsky (2017)',
    ])
    expect(opened.bibliography.text.map((entry) => entry.slice(0, 16))).toEqual([
      'McCauley, S. M.,',
      'Sapolsky, R. M. ',
    ])
    expect(formatting).not.toHaveBeenCalled()

    // Rewritten from outside (sync, the CLI), more than a few citations
    // changed: formatted again, ahead. (A few changed are answered as an edit.)
    const review = ['wigner1965', 'payne1985', 'cheng2019', 'babichev2002', 'halpern2002']
      .flatMap((key, i) => [`Point ${i} [@${key}, p. ${i + 1}].`, `Again [@${key}, p. ${i + 20}].`])
      .join(' ')
    await library.api.updateNote({ id: draft.id, body: review })
    await library.citationsPrepared()
    formatting.mockClear()
    const reopened = await library.api.formatCitations({ citations: asked(review) })
    expect(reopened.citations.map((c) => c.text).slice(0, 3)).toEqual([
      '(Wigner, 1965, p. 1)',
      '(Wigner, 1965, p. 20)',
      '(Payne & Stern, 1985, p. 2)',
    ])
    expect(formatting).not.toHaveBeenCalled()

    // Another style chosen: the notes are formatted ahead in it.
    await library.api.updateSettings({ patch: { citationStyle: 'ieee' } })
    await library.citationsPrepared()
    formatting.mockClear()
    const numbered = await library.api.formatCitations({ citations: asked(review) })
    expect(numbered.citations.map((c) => c.text).slice(0, 3)).toEqual([
      '[1, p. 1]',
      '[1, p. 20]',
      '[2, p. 2]',
    ])
    expect(formatting).not.toHaveBeenCalled()
    formatting.mockRestore()
  })

  it('report a chosen style that cannot be read once, not once a note', async () => {
    await mkdir(join(dir, 'styles'), { recursive: true })
    await writeFile(join(dir, 'styles', 'broken.csl'), '<style>not a CSL style</style>')
    await library.api.updateSettings({ patch: { citationStyle: 'broken' } })
    for (const title of ['One', 'Two', 'Three']) {
      const written = await library.api.createNote({ title })
      await library.api.updateNote({ id: written.id, body: DRAFT })
    }
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await library.prepareCitations()
    expect(reported).toHaveBeenCalledTimes(1)
    expect(String(reported.mock.calls[0]?.[0])).toContain('ahead failed')
    reported.mockRestore()
  })
})

describe('citation keys', () => {
  it('suggest papers for [@ by key, title, author or year, best first', async () => {
    const found = await library.api.suggestCitations({ query: 'wign', limit: 3 })
    expect(found[0]).toEqual({
      paperId: idOf('wigner1965'),
      key: 'wigner1965',
      title: 'Theory of traveling-wave optical laser',
      authors: 'Wigner',
      year: '1965',
    })
    expect((await library.api.suggestCitations({ query: 'drug combinations' }))[0]?.key).toBe(
      'cheng2019',
    )
  })

  it('can be edited, stay unique, and the old key still cites the paper', async () => {
    const id = idOf('wigner1965')
    expect(await library.api.setCitationKey({ paperId: id, key: 'wigner-laser' })).toEqual({
      key: 'wigner-laser',
      aliases: ['wigner1965'],
    })
    await expect(library.api.setCitationKey({ paperId: id, key: 'Payne1985' })).rejects.toThrow(
      'The key "Payne1985" is already the key of "Wavelength-switched passively coupled single-mode optical network"',
    )
    await expect(library.api.setCitationKey({ paperId: id, key: 'two words' })).rejects.toThrow(
      'cannot be a citation key',
    )
    const old = await library.api.formatCitations({
      style: 'ieee',
      citations: [{ mode: 'normal', items: [{ key: 'wigner1965' }] }],
    })
    expect(old.citations[0]?.missing).toEqual([])
    expect(await library.api.getCitationKey({ paperId: id })).toEqual({
      key: 'wigner-laser',
      aliases: ['wigner1965'],
    })
  })
})

describe('citations as links', () => {
  it('list the citing note under the cited paper\'s "Linked from", with the sentence around it', async () => {
    const note = await library.api.createNote({ title: 'Related work' })
    await library.api.updateNote({
      id: note.id,
      body: 'Lasers came early [see @wigner1965, p. 3]. Networks came later.',
    })
    const backlinks = await library.api.getBacklinks({ kind: 'paper', id: idOf('wigner1965') })
    expect(backlinks.map((b) => [b.noteTitle, b.contexts])).toEqual([
      [
        'Related work',
        [
          {
            before: 'Lasers came early ',
            link: '[see @wigner1965, p. 3]',
            after: '.',
            kind: 'citation',
          },
        ],
      ],
    ])
    expect(await library.api.getBacklinks({ kind: 'paper', id: idOf('payne1985') })).toEqual([])
  })
})

describe('hostile keys and fields', () => {
  it('come out of the processor as escaped text, never as markup', async () => {
    await library.api.importText({
      text: String.raw`@article{evil, author={<img src=x onerror=alert(1)>, Eve}, title={<script>alert("t")</script> & friends}, journal={J. <b onclick=x>Bad</b>}, year={2020}}`,
      fileName: 'evil.bib',
    })
    const formatted = await library.api.formatCitations({
      style: 'apa',
      citations: [{ mode: 'normal', items: [{ key: 'evil', prefix: '<svg onload=alert(2)>' }] }],
    })
    const html = [...formatted.citations.map((c) => c.html), ...formatted.bibliography.html].join(
      '',
    )
    expect(html).not.toMatch(/<(?:img|script|svg|b )/i)
    expect(formatted.bibliography.text[0]).toContain('<script>alert(“t”)</script> & friends')
  })
})

describe('styles', () => {
  it('lists the six bundled styles by their own titles', async () => {
    const styles = await library.api.listCitationStyles({})
    expect(styles.map((s) => [s.id, s.title])).toEqual([
      ['apa', 'APA Style 7th edition'],
      ['ieee', 'IEEE Reference Guide version 11.29.2023'],
      ['chicago-author-date', 'Chicago Manual of Style 18th edition (author-date)'],
      ['nature', 'Nature'],
      ['acm', 'Association for Computing Machinery'],
      ['vancouver', 'NLM/Vancouver: Citing Medicine 2nd edition (citation-sequence)'],
    ])
  })

  it('takes a .csl file the user adds, keeps it in the library folder, and formats with it', async () => {
    const harvard = await readFile(resolve(__dirname, '../../resources/csl/nature.csl'), 'utf8')
    const mine = harvard.replace('<title>Nature</title>', '<title>My lab style</title>')
    expect(await library.api.addCitationStyle({ fileName: 'My Lab.csl', text: mine })).toEqual({
      id: 'My-Lab',
      title: 'My lab style',
      bundled: false,
    })
    expect(await readFile(join(dir, 'styles', 'My-Lab.csl'), 'utf8')).toBe(mine)
    expect(await reference('cheng2019', 'My-Lab')).toMatch(/^Cheng, F\., Kovács/)
    await expect(
      library.api.addCitationStyle({ fileName: 'broken.csl', text: '<html>not a style</html>' }),
    ).rejects.toThrow('broken.csl is not a CSL style')
  })

  it('refuses an unknown style for Quick Copy, naming the styles there are', async () => {
    await expect(
      library.api.citePapers({ paperIds: [idOf('cheng2019')], style: 'mla' }),
    ).rejects.toThrow(
      'No citation style "mla" (styles: apa, ieee, chicago-author-date, nature, acm, vancouver)',
    )
  })
})
