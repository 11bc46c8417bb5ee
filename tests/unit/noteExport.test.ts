// A note exported as a document: markdown whose citations stay in pandoc
// syntax beside a .bib of exactly the cited papers, which pandoc --citeproc
// (Debian's pandoc, installed by .ci/run) formats to the same references as
// Offprint's own rendering; the rendered markdown and HTML; and the CLI's
// `cite` and `export-note`.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run'
import type { CliIo } from '../../src/main/cli/run'
import { Library } from '../../src/main/core/library'
import { guideBibtex } from '../support/styleGuideExamples'

const run = promisify(execFile)
const STYLES = resolve(__dirname, '../../resources/csl')
const PAPERS = `${guideBibtex('mccauley2019', 'sapolsky2017', 'payne1985')}@book{uncited2020, author={Nobody, Ann}, title={Never cited here}, publisher={Nowhere}, year={2020}}
`
const BODY = [
  'Language is use [see @mccauley2019, p. 12]. @sapolsky2017 disagrees.',
  '',
  'Networks came first [@payne1985], as [[Never cited here]] says.',
  '',
].join('\n')

let dir: string
let libraryDir: string
let noteId: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-note-export-'))
  libraryDir = join(dir, 'library')
  const library = await Library.open(libraryDir)
  try {
    await library.api.importText({ text: PAPERS, fileName: 'refs.bib' })
    const note = await library.api.createNote({ title: 'Related work' })
    await library.api.updateNote({ id: note.id, body: BODY })
    noteId = note.id
  } finally {
    await library.close()
  }
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = []
  const stderr: string[] = []
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), env: {} }
}

async function cli(args: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const captured = io()
  const code = await runCli([...args, '--library', libraryDir], captured)
  return { code, stdout: captured.stdout, stderr: captured.stderr }
}

/** pandoc --citeproc over the exported markdown, as plain text. */
async function pandoc(file: string, style: string): Promise<string> {
  const { stdout } = await run(
    'pandoc',
    ['--citeproc', '--csl', join(STYLES, `${style}.csl`), '-t', 'plain', '--wrap=none', file],
    { cwd: dir },
  )
  return stdout
}

describe('export-note', () => {
  it('writes the note with pandoc citations and a .bib of exactly the cited papers', async () => {
    const done = await cli(['export-note', noteId, '--out', join(dir, 'related.md')])
    expect(done).toEqual({
      code: 0,
      stdout: [
        `Exported the note to ${join(dir, 'related.md')} and references.bib (3 cited papers)`,
      ],
      stderr: [],
    })
    expect(await readFile(join(dir, 'related.md'), 'utf8')).toBe(
      [
        '---',
        'title: "Related work"',
        'bibliography: references.bib',
        '---',
        '',
        'Language is use [see @mccauley2019, p. 12]. @sapolsky2017 disagrees.',
        '',
        'Networks came first [@payne1985], as Never cited here says.',
        '',
      ].join('\n'),
    )
    const bib = await readFile(join(dir, 'references.bib'), 'utf8')
    expect([...bib.matchAll(/^@(\w+)\{([^,]+),/gm)].map((m) => `${m[1]}:${m[2]}`)).toEqual([
      'article:mccauley2019',
      'book:sapolsky2017',
      'inproceedings:payne1985',
    ])
  })

  it('passes through pandoc --citeproc to the same text and references as Offprint renders (APA)', async () => {
    await cli(['export-note', noteId, '--out', join(dir, 'related.md'), '--style', 'apa'])
    await cli([
      'export-note',
      noteId,
      '--out',
      join(dir, 'rendered.md'),
      '--render',
      '--style',
      'apa',
    ])
    const ours = (await readFile(join(dir, 'rendered.md'), 'utf8'))
      .replace(/^---[\s\S]*?---\n\n/, '')
      .replace(/\*/g, '')
      .replace('## References\n\n', '')
    expect(await pandoc('related.md', 'apa')).toBe(ours)
    expect(ours).toBe(
      [
        'Language is use (see McCauley & Christiansen, 2019, p. 12). Sapolsky (2017) disagrees.',
        '',
        'Networks came first (Payne & Stern, 1985), as Never cited here says.',
        '',
        'McCauley, S. M., & Christiansen, M. H. (2019). Language learning as language use: A crosslinguistic model of child language development. Psychological Review, 126(1), 1–51. https://doi.org/10.1037/rev0000126',
        '',
        'Payne, D. B., & Stern, J. R. (1985). Wavelength-switched passively coupled single-mode optical network. Proc. IOOC-ECOC, 585–590.',
        '',
        'Sapolsky, R. M. (2017). Behave: The biology of humans at our best and worst. Penguin Books.',
        '',
      ].join('\n'),
    )
  })

  it('gives pandoc the same IEEE reference list as Offprint renders', async () => {
    await cli(['export-note', noteId, '--out', join(dir, 'related.md')])
    await cli([
      'export-note',
      noteId,
      '--out',
      join(dir, 'rendered.md'),
      '--render',
      '--style',
      'ieee',
    ])
    const references = (text: string) => text.slice(text.indexOf('[1] ')).trim()
    const ours = (await readFile(join(dir, 'rendered.md'), 'utf8')).replace(/\*/g, '')
    expect(references(await pandoc('related.md', 'ieee'))).toBe(references(ours))
    expect(references(ours).split('\n\n')).toEqual([
      '[1] S. M. McCauley and M. H. Christiansen, “Language learning as language use: A crosslinguistic model of child language development,” Psychological Review, vol. 126, no. 1, pp. 1–51, 2019, doi: 10.1037/rev0000126.',
      '[2] R. M. Sapolsky, Behave: The biology of humans at our best and worst. Penguin Books, 2017.',
      '[3] D. B. Payne and J. R. Stern, “Wavelength-switched passively coupled single-mode optical network,” in Proc. IOOC-ECOC, 1985, pp. 585–590.',
    ])
  })

  it("renders HTML with the references, the note's own markup shown as text", async () => {
    const library = await Library.open(libraryDir)
    try {
      await library.api.updateNote({ id: noteId, body: `${BODY}<script>alert(1)</script>\n` })
      const html = await library.api.exportNotes({
        scope: { kind: 'note', noteId },
        rendering: 'html',
        style: 'apa',
      })
      const text = html.files[0]?.text ?? ''
      expect(html.files.map((f) => f.path)).toEqual(['Related work.html'])
      expect(text).toContain('<h2>References</h2>')
      expect(text).toContain('<em>Psychological Review</em>, <em>126</em>(1), 1–51.')
      expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      expect(text).not.toContain('<script>')
    } finally {
      await library.close()
    }
  })
})

describe('export-note --collection', () => {
  it("writes the notes of a collection's papers, one document each, with one .bib", async () => {
    const library = await Library.open(libraryDir)
    try {
      const [payne, sapolsky] = await Promise.all(
        ['payne1985', 'sapolsky2017'].map(
          async (key) =>
            (await library.api.suggestCitations({ query: key, limit: 1 }))[0]?.paperId ?? '',
        ),
      )
      await library.api.saveNote({ paperId: payne ?? '', body: 'Builds on [@mccauley2019].' })
      await library.api.saveNote({
        paperId: sapolsky ?? '',
        body: 'Not in the collection [@payne1985].',
      })
      await library.api.createCollection({ name: 'Optics' })
      const optics = (await library.api.listExportCollections({}))[0]?.id ?? ''
      await library.api.addToCollection({ collectionId: optics, paperIds: [payne ?? ''] })
    } finally {
      await library.close()
    }
    const folder = join(dir, 'optics')
    expect(await cli(['export-note', '--collection', 'Optics', '--out', folder])).toEqual({
      code: 0,
      stdout: [`Exported 2 files to ${folder} (1 cited paper)`],
      stderr: [],
    })
    expect(
      await readFile(
        join(folder, 'Wavelength-switched passively coupled single-mode optical network.md'),
        'utf8',
      ),
    ).toContain('Builds on [@mccauley2019].')
    expect(await readFile(join(folder, 'references.bib'), 'utf8')).toMatch(
      /^@article\{mccauley2019,/,
    )
  })
})

describe('cite', () => {
  it('prints the papers as a bibliography in the style asked for, as text, HTML or BibTeX', async () => {
    const library = await Library.open(libraryDir)
    const ids = (await library.api.suggestCitations({ query: 'payne1985', limit: 1 })).map(
      (s) => s.paperId,
    )
    await library.close()
    expect(await cli(['cite', ...ids, '--style', 'ieee'])).toEqual({
      code: 0,
      stdout: [
        '[1] D. B. Payne and J. R. Stern, “Wavelength-switched passively coupled single-mode optical network,” in Proc. IOOC-ECOC, 1985, pp. 585–590.',
      ],
      stderr: [],
    })
    const html = await cli(['cite', ...ids, '--style', 'apa', '--format', 'html'])
    expect(html.stdout[0]).toContain('<i>Proc. IOOC-ECOC</i>, 585–590.</div>')
    // A numbered entry keeps its number on its line when pasted into a word processor.
    expect((await cli(['cite', ...ids, '--style', 'ieee', '--format', 'html'])).stdout).toEqual([
      '<div class="csl-bib-body">\n<div class="csl-entry">[1] D. B. Payne and J. R. Stern, “Wavelength-switched passively coupled single-mode optical network,” in <i>Proc. IOOC-ECOC</i>, 1985, pp. 585–590.</div>\n</div>',
    ])
    const bibtex = await cli(['cite', ...ids, '--format', 'bibtex'])
    expect(bibtex.stdout[0]).toMatch(/^@inproceedings\{payne1985,/)
  })

  it('refuses no ids, an unknown format and an unknown style', async () => {
    expect((await cli(['cite'])).code).toBe(2)
    const format = await cli(['cite', 'x', '--format', 'pdf'])
    expect([format.code, format.stderr]).toEqual([
      2,
      ['offprint: --format must be one of: text, html, bibtex'],
    ])
    const library = await Library.open(libraryDir)
    const ids = (await library.api.suggestCitations({ query: 'payne1985', limit: 1 })).map(
      (s) => s.paperId,
    )
    await library.close()
    const style = await cli(['cite', ...ids, '--style', 'mla'])
    expect(style.code).toBe(1)
    expect(style.stderr[0]).toMatch(/No citation style "mla"/)
  })
})
