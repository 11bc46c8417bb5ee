import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run'
import type { CliIo } from '../../src/main/cli/run'
import { collection, writeCollections } from './libraryFixture'
import { Library } from '../../src/main/core/library'
import type { Backlink, Paper, RelatedPaper } from '../../src/shared/model'
import { formatWikiLink } from '../../src/shared/text/wikiLinks'
import { allPapers } from './support/libraryPapers'

const FIXTURE = resolve(__dirname, '../fixtures/hf-daily-papers.txt')

const PAPER_FIELDS: (keyof Paper)[] = [
  'id',
  'title',
  'abstract',
  'authors',
  'links',
  'upvotes',
  'tags',
  'status',
  'starred',
  'addedAt',
  'updatedAt',
  'source',
]

let dir: string
let library: string

interface Captured extends CliIo {
  stdout: string[]
  stderr: string[]
}

function io(env: NodeJS.ProcessEnv = {}): Captured {
  const stdout: string[] = []
  const stderr: string[] = []
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), env }
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-cli-'))
  library = join(dir, 'library')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('runCli', () => {
  it('imports the listing and lists every paper as JSON with all fields', async () => {
    const run = io()
    expect(await runCli(['import', FIXTURE, '--library', library], run)).toBe(0)
    expect(run.stdout).toEqual([
      'Imported hf-daily-papers.txt: 53 added, 0 already present, 0 skipped',
      '  read as a Hugging Face Daily Papers page',
    ])
    expect(run.stderr).toEqual([])

    const list = io()
    expect(await runCli(['list', '--json', `--library=${library}`], list)).toBe(0)
    const papers = JSON.parse(list.stdout.join('\n')) as Paper[]
    expect(papers).toHaveLength(53)
    for (const paper of papers) {
      for (const field of PAPER_FIELDS) expect(paper).toHaveProperty(field)
      expect(paper.source.format).toBe('hf-daily-papers')
    }
    expect(papers.filter((paper) => paper.published !== undefined)).toHaveLength(52)
  })

  it('lists one line per paper: date, upvotes, title', async () => {
    await runCli(['import', FIXTURE, '--library', library], io())
    const again = io()
    await runCli(['import', FIXTURE, '--library', library], again)
    expect(again.stdout[0]).toBe(
      'Imported hf-daily-papers.txt: 0 added, 53 already present, 0 skipped',
    )

    const list = io({ OFFPRINT_LIBRARY: library })
    expect(await runCli(['list'], list)).toBe(0)
    expect(list.stdout).toHaveLength(53)
    // The page says "Feb 9" without a year; the CLI reads it as of the real today.
    expect(list.stdout[0]).toMatch(/^\d{4}-01-29 +2 {2}Spotlighting Task-Relevant Features/)
    expect(list.stdout[52]).toMatch(/^no date /)
  })

  it('searches with the app’s query language and ranking, as lines or JSON', async () => {
    await runCli(['import', FIXTURE, '--library', library], io())
    const json = io()
    expect(await runCli(['search', 'tool retrieval', '--library', library, '--json'], json)).toBe(0)
    const papers = JSON.parse(json.stdout.join('\n')) as Paper[]
    expect(new Set(papers.slice(0, 3).map((paper) => paper.title))).toEqual(
      new Set([
        'ToolGen: Unified Tool Retrieval and Calling via Generation',
        'Towards Completeness-Oriented Tool Retrieval for Large Language Models',
        'Data-Efficient Massive Tool Retrieval: A Reinforcement Learning Approach for Query-Tool Alignment with Language Models',
      ]),
    )
    for (const field of PAPER_FIELDS) expect(papers[0]).toHaveProperty(field)

    // Unquoted words and exclusions need no quoting on the command line.
    const lines = io()
    expect(
      await runCli(['search', 'title:tool', 'learning', '-survey', '--library', library], lines),
    ).toBe(0)
    expect(lines.stdout.length).toBeGreaterThan(2)
    expect(lines.stdout.join('\n')).not.toContain('A Survey')
    expect(lines.stdout.every((line) => /tool/i.test(line))).toBe(true)

    const none = io()
    expect(await runCli(['search', 'is:starred', '--library', library, '--json'], none)).toBe(0)
    expect(JSON.parse(none.stdout.join('\n'))).toEqual([])
  })

  it('refuses a search without a query or without a library', async () => {
    const empty = io()
    expect(await runCli(['search', '--library', library], empty)).toBe(2)
    expect(empty.stderr[0]).toMatch(/^offprint: search takes a query/)
    const missing = io()
    expect(await runCli(['search', 'tool', '--library', join(dir, 'nope')], missing)).toBe(1)
    expect(missing.stderr[0]).toMatch(/no library folder/)
  })

  it('reports skipped entries under the summary', async () => {
    const file = join(dir, 'partial.txt')
    const listing = [
      'Daily Papers',
      '',
      'A Title Without Its Abstract',
      '',
      'Working Paper Title',
      '',
      'An abstract long enough to be one, ending with a period.',
      '',
      '  • 2 authors',
      '·',
      'Jan 5, 2026 3',
    ]
    await writeFile(file, listing.join('\n'))
    const run = io()
    expect(await runCli(['import', file, '--library', library], run)).toBe(0)
    expect(run.stdout[0]).toBe('Imported partial.txt: 1 added, 0 already present, 1 skipped')
    expect(run.stdout[1]).toMatch(/^ {2}line 3: /)
  })

  it('fails with exit 1 and one line on stderr for a file that is not a listing', async () => {
    const binary = join(dir, 'photo.jpg')
    await writeFile(
      binary,
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]),
    )
    const prose = join(dir, 'prose.txt')
    await writeFile(prose, 'Dear diary.\n\nToday nothing happened at all, again.\n')
    for (const file of [binary, prose, join(dir, 'missing.txt')]) {
      const run = io()
      expect(await runCli(['import', file, '--library', library], run)).toBe(1)
      expect(run.stdout).toEqual([])
      expect(run.stderr).toHaveLength(1)
      expect(run.stderr[0]).toMatch(/^offprint: \S/)
      expect(run.stderr[0]).not.toMatch(/\n/)
    }
    // Nothing was imported.
    const listed = io()
    expect(await runCli(['list', '--json', '--library', library], listed)).toBe(0)
    expect(JSON.parse(listed.stdout.join('\n'))).toEqual([])
  })

  it('needs a library folder, and says how to give one', async () => {
    const run = io({})
    expect(await runCli(['import', FIXTURE], run)).toBe(2)
    expect(run.stderr).toHaveLength(1)
    expect(run.stderr[0]).toMatch(/^offprint: .*--library DIR.*OFFPRINT_LIBRARY/)

    const empty = io({})
    expect(await runCli(['list', '--library'], empty)).toBe(2)
    expect(empty.stderr[0]).toMatch(/--library needs a folder/)
  })

  it('refuses to list a folder that does not exist rather than creating it', async () => {
    const run = io()
    expect(await runCli(['list', '--library', join(dir, 'typo')], run)).toBe(1)
    expect(run.stderr[0]).toMatch(/^offprint: no library folder at /)
    expect(await readdir(dir)).toEqual([])
  })

  it('prints related papers and backlinks, as JSON and as lines', async () => {
    await runCli(['import', FIXTURE, '--library', library], io())
    const core = await Library.open(library)
    const ids = new Map((await allPapers(core)).map((paper) => [paper.title, paper.id]))
    const oxe = ids.get(
      'OXE-AugE: A Large-Scale Robot Augmentation of OXE for Scaling Cross-Embodiment Policy Learning',
    )
    const shortcut = ids.get(
      'Shortcut Learning in Generalist Robot Policies: The Role of Dataset Diversity and Fragmentation',
    )
    if (oxe === undefined || shortcut === undefined) throw new Error('fixture papers missing')
    const note = await core.api.createNote({
      title: 'Robot data',
      body: `Augmenting OXE: ${formatWikiLink('paper', oxe, 'OXE-AugE')} helps.`,
    })
    await core.close()

    const related = io()
    expect(await runCli(['related', oxe, '--library', library, '--json'], related)).toBe(0)
    const papers = JSON.parse(related.stdout.join('\n')) as RelatedPaper[]
    expect(papers).toHaveLength(5)
    expect(papers[0]?.paper.id).toBe(shortcut)

    const lines = io()
    expect(await runCli(['related', oxe, '--limit', '2', '--library', library], lines)).toBe(0)
    expect(lines.stdout).toHaveLength(2)
    expect(lines.stdout[0]).toMatch(
      /^0\.\d\d {2}Shortcut Learning in Generalist Robot Policies.*\(.+\)$/,
    )

    const backlinks = io()
    expect(await runCli(['backlinks', oxe, '--library', library, '--json'], backlinks)).toBe(0)
    const found = JSON.parse(backlinks.stdout.join('\n')) as Backlink[]
    expect(found.map((b) => [b.noteId, b.noteTitle, b.contexts])).toEqual([
      [
        note.id,
        'Robot data',
        [
          {
            before: 'Augmenting OXE: ',
            link: 'OXE-AugE: A Large-Scale Robot Augmentation of OXE for Scaling Cross-Embodiment Policy Learning',
            after: ' helps.',
          },
        ],
      ],
    ])
    const text = io()
    expect(await runCli(['backlinks', oxe, '--library', library], text)).toBe(0)
    expect(text.stdout).toEqual([
      `Robot data  (note ${note.id})`,
      '  Augmenting OXE: [OXE-AugE: A Large-Scale Robot Augmentation of OXE for Scaling Cross-Embodiment Policy Learning] helps.',
    ])
    // A note id works too; an unknown id is one clear line and exit 1.
    expect(await runCli(['backlinks', note.id, '--library', library, '--json'], io())).toBe(0)
    const unknown = io()
    expect(await runCli(['backlinks', 'nope', '--library', library], unknown)).toBe(1)
    expect(unknown.stderr).toEqual(['offprint: no paper or note with id "nope" in this library'])
    const bad = io()
    expect(await runCli(['related', oxe, '--limit', 'many', '--library', library], bad)).toBe(2)
  })

  it('prints help, and rejects unknown commands and options with exit 2', async () => {
    const help = io()
    expect(await runCli(['help'], help)).toBe(0)
    expect(help.stdout.join('\n')).toMatch(/import FILE/)
    for (const argv of [[], ['frobnicate'], ['list', '--verbose'], ['import'], ['related']]) {
      const run = io({ OFFPRINT_LIBRARY: library })
      expect(await runCli(argv, run)).toBe(2)
      expect(run.stderr.length).toBeGreaterThan(0)
    }
  })
})

describe('runCli import and export of bibliographies', () => {
  const BIB = resolve(__dirname, '../fixtures/formats/zotero-export.bib')

  it('imports BibTeX, exports every format, and re-imports its own export with 0 added', async () => {
    const run = io()
    expect(await runCli(['import', BIB, '--library', library], run)).toBe(0)
    expect(run.stdout[0]).toBe('Imported zotero-export.bib: 5 added, 0 already present, 2 skipped')
    expect(run.stdout[1]).toMatch(/^ {2}line 47: /)

    for (const [format, name] of [
      ['bibtex', 'out.bib'],
      ['csl-json', 'out.json'],
      ['ris', 'out.ris'],
    ]) {
      const out = join(dir, name ?? '')
      const exported = io()
      expect(
        await runCli(
          ['export', '--format', format ?? '', '--out', out, '--library', library],
          exported,
        ),
      ).toBe(0)
      expect(exported.stdout).toEqual([`Exported 5 papers to ${out}`])
      const again = io()
      expect(await runCli(['import', out, '--library', library], again)).toBe(0)
      expect(again.stdout[0]).toBe(`Imported ${name}: 0 added, 5 already present, 0 skipped`)
    }

    const vault = join(dir, 'vault')
    const md = io()
    expect(
      await runCli(['export', '--format=markdown', `--out=${vault}`, '--library', library], md),
    ).toBe(0)
    expect(md.stdout).toEqual([`Exported 5 papers to 5 files in ${vault}`])
    expect((await readdir(vault)).sort()).toContain('Attention Is All You Need.md')
  })

  it('exports one collection by name, and says which exist when the name is wrong', async () => {
    expect(await runCli(['import', BIB, '--library', library], io())).toBe(0)
    const listed = io()
    expect(await runCli(['list', '--json', '--library', library], listed)).toBe(0)
    const papers = JSON.parse(listed.stdout.join('\n')) as Paper[]
    const first = papers.find((paper) => paper.citationKey === 'vaswani2017attention')?.id ?? ''
    await writeCollections(library, [collection('c', 'Thesis', [first])])
    const out = join(dir, 'thesis.bib')
    const run = io()
    expect(
      await runCli(
        [
          'export',
          '--format',
          'bibtex',
          '--collection',
          'Thesis',
          '--out',
          out,
          '--library',
          library,
        ],
        run,
      ),
    ).toBe(0)
    expect(run.stdout).toEqual([`Exported 1 paper to ${out}`])
    expect(await readFile(out, 'utf8')).toMatch(/^@inproceedings\{vaswani2017attention,/)
    const wrong = io()
    expect(
      await runCli(
        [
          'export',
          '--format',
          'bibtex',
          '--collection',
          'Nope',
          '--out',
          out,
          '--library',
          library,
        ],
        wrong,
      ),
    ).toBe(1)
    expect(wrong.stderr).toEqual(['offprint: no collection named "Nope" (collections: Thesis)'])
  })

  it('rejects an export without --format or --out, or with an unknown format (exit 2)', async () => {
    for (const args of [
      ['export', '--out', 'x'],
      ['export', '--format', 'bibtex'],
      ['export', '--format', 'pdf', '--out', 'x'],
    ]) {
      const run = io()
      expect(await runCli([...args, '--library', library], run)).toBe(2)
      expect(run.stderr[0]).toMatch(/^offprint: (export needs|--format must be one of)/)
    }
  })
})
