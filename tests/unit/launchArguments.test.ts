import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decideSecondLaunch, filesToOpen } from '../../src/main/launch/launchArguments'
import { readOpenedFile } from '../../src/main/launch/openedFile'

describe('files named on a command line', () => {
  it('takes importable files, resolved against the launching folder, in order, once each', () => {
    expect(
      filesToOpen({
        argv: ['/opt/Offprint/offprint', 'feb-9.txt', '/data/Feb-10.TXT', 'feb-9.txt'],
        cwd: '/home/me/papers',
        isPackaged: true,
      }),
    ).toEqual(['/home/me/papers/feb-9.txt', '/data/Feb-10.TXT'])
  })

  it('skips the executable, the app folder (unpackaged), options, --library and other files', () => {
    expect(
      filesToOpen({
        argv: [
          '/usr/lib/electron/electron',
          '/home/me/offprint', // the app folder in development
          '--allow-file-access-from-files', // Chromium adds switches of its own
          '--library',
          'notes.txt', // a folder that happens to end in .txt: the library, not a file
          '--library=/x',
          'photo.png',
          'README',
          'listing.txt',
        ],
        cwd: '/tmp',
        isPackaged: false,
      }),
    ).toEqual(['/tmp/listing.txt'])
  })

  it('a second launch brings the window forward, with or without files', () => {
    expect(decideSecondLaunch({ argv: ['/opt/offprint'], cwd: '/', isPackaged: true })).toEqual({
      focusWindow: true,
      filesToImport: [],
    })
    expect(
      decideSecondLaunch({ argv: ['/opt/offprint', 'a.txt'], cwd: '/w', isPackaged: true }),
    ).toEqual({ focusWindow: true, filesToImport: ['/w/a.txt'] })
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

  it('gives the text to import, named by its file name', async () => {
    await writeFile(join(dir, 'feb-9.txt'), 'Daily Papers\n')
    expect(await readOpenedFile(join(dir, 'feb-9.txt'))).toEqual({
      type: 'open-file',
      fileName: 'feb-9.txt',
      content: { ok: true, text: 'Daily Papers\n' },
    })
  })

  it('turns a missing, binary or folder "file" into a message, never an exception', async () => {
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x81]))
    await mkdir(join(dir, 'folder.txt'))
    const outcomes = await Promise.all(
      ['missing.txt', 'binary.txt', 'folder.txt'].map((name) => readOpenedFile(join(dir, name))),
    )
    expect(outcomes).toEqual([
      {
        type: 'open-file',
        fileName: 'missing.txt',
        content: { ok: false, message: expect.stringMatching(/ENOENT/) as string },
      },
      {
        type: 'open-file',
        fileName: 'binary.txt',
        content: { ok: false, message: 'it is not UTF-8 text' },
      },
      {
        type: 'open-file',
        fileName: 'folder.txt',
        content: { ok: false, message: 'it is not a file' },
      },
    ])
  })
})
