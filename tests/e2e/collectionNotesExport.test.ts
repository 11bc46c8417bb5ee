// "Export notes of collection…" in the window: a collection's context menu
// saves the notes of its papers as one .zip, holding exactly the files the
// CLI's `export-note --collection` writes (markdown with pandoc citations,
// one references.bib of exactly the cited papers), and pandoc --citeproc
// formats those files to the references Offprint shows. The papers are the
// style guides' own examples (see tests/unit/citations.test.ts).
import { execFile } from 'node:child_process'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run'
import { Library } from '../../src/main/core/library'
import { guideBibtex } from '../support/styleGuideExamples'
import { appSession } from './harness/appSession'
import { sidebarRow } from './harness/sidebar'

const session = appSession()
const run = promisify(execFile)
const STYLES = resolve(__dirname, '../../resources/csl')

const PAYNE = 'Wavelength-switched passively coupled single-mode optical network'
/** The title as a file name: the colon, which some file systems refuse, left out. */
const MCCAULEY =
  'Language learning as language use A crosslinguistic model of child language development'

/**
 * A library of the three guide papers: "Optics" holds Payne and McCauley,
 * whose notes cite McCauley, and Sapolsky with a page; Sapolsky's own note
 * (not in the collection) cites Payne, which the export must leave out.
 */
async function libraryWithCollection(dir: string): Promise<void> {
  const library = await Library.open(dir)
  try {
    await library.api.importText({
      text: guideBibtex('mccauley2019', 'sapolsky2017', 'payne1985'),
      fileName: 'guides.bib',
    })
    const idOf = async (key: string): Promise<string> =>
      (await library.api.suggestCitations({ query: key, limit: 1 }))[0]?.paperId ?? ''
    const [payne, mccauley, sapolsky] = await Promise.all(
      ['payne1985', 'mccauley2019', 'sapolsky2017'].map(idOf),
    )
    await library.api.saveNote({ paperId: payne ?? '', body: 'Builds on [@mccauley2019].\n' })
    await library.api.saveNote({
      paperId: mccauley ?? '',
      body: 'Language is use [see @sapolsky2017, p. 12].\n',
    })
    await library.api.saveNote({ paperId: sapolsky ?? '', body: 'Not exported [@payne1985].\n' })
    await library.api.createCollection({ name: 'Optics' })
    const optics = (await library.api.listExportCollections({}))[0]?.id ?? ''
    await library.api.addToCollection({
      collectionId: optics,
      paperIds: [payne ?? '', mccauley ?? ''],
    })
  } finally {
    await library.close()
  }
}

/** Every file below `dir`, by its path there, with its text. */
async function filesIn(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const name of (await readdir(dir)).sort()) {
    files[name] = await readFile(join(dir, name), 'utf8')
  }
  return files
}

describe('a collection’s notes exported from the window', () => {
  it('saves the same documents and references.bib as the CLI, which pandoc formats to the references shown', async () => {
    const scratch = await session.scratchDir()
    const libraryDir = join(scratch, 'library')
    await libraryWithCollection(libraryDir)
    const cliDir = join(scratch, 'cli')
    const printed: string[] = []
    const code = await runCli(
      ['export-note', '--collection', 'Optics', '--out', cliDir, '--library', libraryDir],
      { out: (s) => printed.push(s), err: (s) => printed.push(s), env: {} },
    )
    expect({ code, printed }).toEqual({
      code: 0,
      printed: [`Exported 3 files to ${cliDir} (2 cited papers)`],
    })
    const fromCli = await filesIn(cliDir)

    const { page } = await session.launch({ libraryDir })
    await sidebarRow(page, 'Optics').click({ button: 'right' })
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Export notes of collection…' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('Optics.zip')
    const zipped = join(scratch, 'Optics.zip')
    await download.saveAs(zipped)
    const fromWindow: Record<string, string> = {}
    for (const [path, bytes] of Object.entries(unzipSync(await readFile(zipped)))) {
      fromWindow[path] = strFromU8(bytes)
    }
    expect(Object.keys(fromWindow).sort()).toEqual([
      `Optics/${MCCAULEY}.md`,
      `Optics/${PAYNE}.md`,
      'Optics/references.bib',
    ])
    expect(fromWindow[`Optics/${PAYNE}.md`]).toContain('Builds on [@mccauley2019].')
    // Exactly the cited papers: McCauley and Sapolsky, not Payne (cited only
    // outside), in the order of the notes (their ids, random), so sorted here.
    expect(fromWindow['Optics/references.bib']?.match(/^@\w+\{[^,]+/gm)?.sort()).toEqual([
      '@article{mccauley2019',
      '@book{sapolsky2017',
    ])
    expect(
      Object.fromEntries(
        Object.entries(fromWindow).map(([path, text]) => [path.replace(/^Optics\//, ''), text]),
      ),
    ).toEqual(fromCli)

    // The round trip: pandoc --citeproc over the saved files, in APA.
    const unpacked = join(scratch, 'unpacked')
    await mkdir(unpacked)
    for (const [path, text] of Object.entries(fromCli)) await writeFile(join(unpacked, path), text)
    const { stdout } = await run(
      'pandoc',
      [
        '--citeproc',
        '--bibliography',
        'references.bib',
        '--csl',
        join(STYLES, 'apa.csl'),
        '-t',
        'plain',
        '--wrap=none',
        `${MCCAULEY}.md`,
      ],
      { cwd: unpacked },
    )
    expect(stdout.trim().split('\n').filter(Boolean)).toEqual([
      'Language is use (see Sapolsky, 2017, p. 12).',
      'Sapolsky, R. M. (2017). Behave: The biology of humans at our best and worst. Penguin Books.',
    ])
  })
})
