// Exports: stable unique citation keys, scopes (library, collection with or
// without subcollections, selection), and the Markdown vault.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Paper } from '../../src/shared/model'
import { baseCitationKey, citationKeys } from '../../src/main/core/exports/citationKeys'
import { vaultFileName } from '../../src/main/core/exports/markdownVault'
import type { Library } from '../../src/main/core/library'
import {
  collection,
  importVia,
  makeDir,
  openAt,
  removeDir,
  writeCollections,
} from './libraryFixture'

function paper(id: string, fields: Partial<Paper>): Paper {
  return {
    id,
    title: 'Untitled',
    abstract: '',
    authors: [],
    links: [],
    upvotes: 0,
    tags: [],
    status: 'unread',
    starred: false,
    addedAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    source: { format: 'bibtex', importedAt: '2026-01-01T00:00:00Z' },
    ...fields,
  }
}

describe('citation keys', () => {
  it('are authorYEARword in ASCII, skipping small words', () => {
    expect(
      baseCitationKey({
        authors: ['Łukasz Kaiser'],
        published: '2017-12',
        title: 'The Attention Trick',
      }),
    ).toBe('kaiser2017attention')
    expect(baseCitationKey({ authors: ['Jan van der Berg'], title: 'Über Gradienten' })).toBe(
      'berguber',
    )
    expect(baseCitationKey({ authors: [], published: '2020', title: '???' })).toBe('anon2020')
  })

  it('are unique (a, b, … on clashes), keep imported keys, and do not depend on the subset', () => {
    const library = [
      paper('1', { authors: ['Ann Smith'], published: '2020', title: 'Deep Things' }),
      paper('2', { authors: ['Bob Smith'], published: '2020', title: 'Deep Thoughts' }),
      paper('3', {
        authors: ['Cy Smith'],
        published: '2020',
        title: 'Deep Water',
        citationKey: 'smith2020deep',
      }),
      paper('4', { authors: ['Di Smith'], published: '2020', title: 'Deep Sea' }),
    ]
    const keys = citationKeys(library)
    expect(library.map((p) => keys.get(p.id))).toEqual([
      'smith2020deepa',
      'smith2020deepb',
      'smith2020deep',
      'smith2020deepc',
    ])
    expect(citationKeys(library)).toEqual(keys)
  })
})

describe('vault file names', () => {
  it('drop characters file systems and Obsidian forbid', () => {
    expect(vaultFileName('ToolRL: Reward is All / Tool [Learning]? #1')).toBe(
      'ToolRL Reward is All Tool Learning 1',
    )
    expect(vaultFileName('...')).toBe('Untitled')
  })
})

describe('Library.exportPapers', () => {
  let dir: string
  let library: Library
  let ids: string[]

  beforeEach(async () => {
    dir = await makeDir()
    const seed = await openAt(dir)
    const { report } = await importVia(
      seed,
      [
        '@article{alpha, title = {Alpha: A First Paper}, author = {Smith, Ann}, year = 2020}',
        '@article{beta, title = {Beta Paper}, author = {Jones, Bob}, year = 2021}',
        '@article{gamma, title = {Gamma Paper}, author = {Lee, Cy}, year = 2022, keywords = {deep learning}}',
      ].join('\n'),
    )
    ids = report.addedIds
    await seed.api.saveNote({ paperId: ids[0] ?? '', body: 'Builds on [[Beta Paper]].\n' })
    await seed.close()
    await writeCollections(dir, [
      collection('top', 'Thesis', [ids[0] ?? '']),
      collection('sub', 'Chapter 2', [ids[1] ?? '', ids[0] ?? ''], 'top'),
      collection('other', 'Elsewhere', [ids[2] ?? '']),
    ])
    library = await openAt(dir)
  })
  afterEach(async () => {
    await library.close()
    await removeDir(dir)
  })

  const keysOf = (bib: string): string[] =>
    [...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1] ?? '')

  it('exports one collection, with or without its subcollections, each paper once', async () => {
    const shallow = await library.api.exportPapers({
      format: 'bibtex',
      scope: { kind: 'collection', collectionId: 'top', includeSubcollections: false },
    })
    expect(shallow).toMatchObject({ name: 'Offprint Thesis.bib', paperCount: 1 })
    expect(keysOf(shallow.files[0]?.text ?? '')).toEqual(['alpha'])
    const deep = await library.api.exportPapers({
      format: 'bibtex',
      scope: { kind: 'collection', collectionId: 'top', includeSubcollections: true },
    })
    expect(keysOf(deep.files[0]?.text ?? '')).toEqual(['alpha', 'beta'])
  })

  it('exports a selection in the given order, and refuses an unknown collection', async () => {
    const result = await library.api.exportPapers({
      format: 'ris',
      scope: { kind: 'selection', paperIds: [ids[2] ?? '', ids[0] ?? ''] },
    })
    expect(
      [...(result.files[0]?.text ?? '').matchAll(/^TI {2}- (.*)$/gm)].map((m) => m[1]),
    ).toEqual(['Gamma Paper', 'Alpha: A First Paper'])
    await expect(
      library.api.exportPapers({
        format: 'ris',
        scope: { kind: 'collection', collectionId: 'nope', includeSubcollections: true },
      }),
    ).rejects.toThrow('No collection with id "nope" in this library')
  })

  it('lists collections depth-first for the export dialog', async () => {
    // Siblings at the same position sort by name.
    expect(await library.api.listExportCollections({})).toEqual([
      { id: 'other', name: 'Elsewhere', depth: 0, paperCount: 1 },
      { id: 'top', name: 'Thesis', depth: 0, paperCount: 1 },
      { id: 'sub', name: 'Chapter 2', depth: 1, paperCount: 2 },
    ])
  })

  it('writes a Markdown vault: one file per paper, YAML front matter, the note with its wiki-links', async () => {
    const vault = await library.api.exportPapers({ format: 'markdown', scope: { kind: 'library' } })
    expect(vault.files.map((f) => f.path)).toEqual([
      'Alpha A First Paper.md',
      'Beta Paper.md',
      'Gamma Paper.md',
    ])
    expect(vault.files[0]?.text).toBe(
      [
        '---',
        'title: "Alpha: A First Paper"',
        'aliases: ["Alpha: A First Paper"]',
        'authors: ["Ann Smith"]',
        'published: "2020"',
        'citekey: "alpha"',
        'collections: ["Thesis", "Chapter 2"]',
        'status: "unread"',
        'starred: false',
        '---',
        '',
        'Builds on [[Beta Paper]].',
        '',
      ].join('\n'),
    )
    expect(vault.files[2]?.text).toContain('tags: ["deep-learning"]')
  })
})
