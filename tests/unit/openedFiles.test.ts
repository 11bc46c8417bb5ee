import { describe, expect, it } from 'vitest'
import { filesToOpen, isOpenable } from '../../src/main/openedFiles'

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

  it('knows which files it opens', () => {
    expect(isOpenable('x.BIB')).toBe(true)
    expect(isOpenable('x.bibx')).toBe(false)
    expect(isOpenable('bib')).toBe(false)
  })
})
