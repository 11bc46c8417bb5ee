import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  decideSecondLaunch,
  filesToOpen,
  IMPORT_DIALOG_OPTIONS,
  isOpenable,
  readOpenedFile,
} from '../../src/main/app/openedFiles'
import { IMPORT_FILE_ACCEPT } from '../../src/shared/model'

describe('files handed to Offprint on its command line', () => {
  it('takes .bib, .ris and .txt paths, resolved against the working folder', () => {
    expect(
      filesToOpen(
        ['.', 'refs.bib', '/home/a/Zotero Export.RIS', 'page.txt', 'paper.pdf', 'refs.bib'],
        '/home/a',
      ),
    ).toEqual(['/home/a/refs.bib', '/home/a/Zotero Export.RIS', '/home/a/page.txt'])
  })

  it('skips options and the folder given to --library', () => {
    expect(
      filesToOpen(['--library', 'lib.txt', '--library=x.bib', '--inspect', 'a.ris'], '/w'),
    ).toEqual(['/w/a.ris'])
  })

  it('decodes the file: URIs a Linux file manager passes for %U, and skips other URIs', () => {
    expect(
      filesToOpen(
        [
          'file:///home/a/My%20Papers/refs%C3%A9.bib',
          'file://localhost/tmp/x.ris',
          'file://otherhost/share/y.bib',
          'https://example.org/z.bib',
          'file:///home/a/My%20Papers/refs%C3%A9.bib',
        ],
        '/w',
      ),
    ).toEqual(['/home/a/My Papers/refsé.bib', '/tmp/x.ris'])
  })

  it('knows which files it opens', () => {
    expect(isOpenable('x.BIB')).toBe(true)
    expect(isOpenable('x.bibx')).toBe(false)
    expect(isOpenable('bib')).toBe(false)
  })
})

describe('File > Import…', () => {
  it('opens several files at once, the formats Offprint reads first, any file on request', () => {
    expect(IMPORT_DIALOG_OPTIONS.properties).toEqual(['openFile', 'multiSelections'])
    const [formats, all] = IMPORT_DIALOG_OPTIONS.filters ?? []
    expect(formats?.extensions).toEqual(
      expect.arrayContaining(['bib', 'ris', 'json', 'xml', 'atom', 'txt']),
    )
    // Every file the OS may hand over is offered too, and the in-page picker offers the same.
    for (const extension of ['.bib', '.ris', '.txt']) {
      expect(formats?.extensions).toContain(extension.slice(1))
      expect(isOpenable(`x${extension}`)).toBe(true)
    }
    expect(IMPORT_FILE_ACCEPT.split(',')).toEqual(
      expect.arrayContaining((formats?.extensions ?? []).map((extension) => `.${extension}`)),
    )
    expect(all).toEqual({ name: 'All files', extensions: ['*'] })
  })
})

describe('a second launch', () => {
  it('brings the window forward, with or without files to import', () => {
    expect(decideSecondLaunch(['/opt/Offprint/offprint'], '/')).toEqual({
      focusWindow: true,
      filesToImport: [],
    })
    expect(
      decideSecondLaunch(
        ['/opt/Offprint/offprint', '--allow-file-access-from-files', 'refs.bib', 'photo.png'],
        '/home/a',
      ),
    ).toEqual({ focusWindow: true, filesToImport: ['/home/a/refs.bib'] })
  })
})

describe('reading a file the user asked to open', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'offprint-open-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('gives the text to import', async () => {
    await writeFile(join(dir, 'feb-9.txt'), 'Daily Papers\n')
    expect(await readOpenedFile(join(dir, 'feb-9.txt'))).toEqual({
      ok: true,
      text: 'Daily Papers\n',
    })
  })

  it('turns a missing, binary or folder "file" into a message, never an exception', async () => {
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x81]))
    await mkdir(join(dir, 'folder.bib'))
    const outcomes = await Promise.all(
      ['missing.ris', 'binary.txt', 'folder.bib'].map((name) => readOpenedFile(join(dir, name))),
    )
    expect(outcomes).toEqual([
      { ok: false, message: expect.stringMatching(/ENOENT/) as string },
      { ok: false, message: 'it is not UTF-8 text' },
      { ok: false, message: 'it is not a file' },
    ])
  })
})
