// Which of the window's queries a change from main makes it fetch again (see
// src/renderer/src/data/changeInvalidation.ts): each key says what its answer
// depends on, and a change refetches exactly those, told as a user sees it.
import { QueryObserver, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { EVERYTHING_CHANGED, type LibraryChange, type PaperPage } from '../../src/shared/model'

// The renderer's API client is built from the preload bridge when it loads.
vi.stubGlobal('window', { offprint: {} })
const { libraryQueries } = await import('../../src/renderer/src/data/libraryQueries')
const { createQueryClient } = await import('../../src/renderer/src/data/queryClient')
const { invalidateForChange } = await import('../../src/renderer/src/data/changeInvalidation')

const A = 'paper-a'
const B = 'paper-b'
const NOTE = 'note-1'
const OTHER_NOTE = 'note-2'
const listArgs = {
  offset: 0,
  limit: 200,
  sort: 'published',
  filter: { scope: { kind: 'library' } },
} as const

/** The window's queries, by what a user would call them. */
const shown = {
  'the paper list': libraryQueries.paperPage(listArgs),
  "the list's id order": libraryQueries.paperIds('published', { scope: { kind: 'library' } }),
  'the sidebar counts': libraryQueries.sidebar(),
  'the notes list': libraryQueries.notes(),
  'a search of the notes': libraryQueries.notes('diffusion'),
  'the Trash': libraryQueries.trash(),
  'the undo state': libraryQueries.undoState(),
  'the lookup banner': libraryQueries.lookupQueue(),
  'the library info': libraryQueries.libraryInfo(),
  'paper A': libraryQueries.paper(A),
  'paper B': libraryQueries.paper(B),
  "paper A's search marks": libraryQueries.paperMatches(A, 'diffusion'),
  "paper A's collections": libraryQueries.paperCollections(A),
  'the selection summary': libraryQueries.selectionSummary([A, B]),
  "paper A's note": libraryQueries.paperNote(A),
  "paper B's note": libraryQueries.paperNote(B),
  'the standalone note': libraryQueries.note(NOTE),
  'another standalone note': libraryQueries.note(OTHER_NOTE),
  "paper A's backlinks": libraryQueries.backlinks('paper', A),
  "paper A's relations": libraryQueries.relations(A),
  "paper A's similar papers": libraryQueries.similarPapers(A),
  "a note's link targets": libraryQueries.linkTargets([{ kind: 'paper', id: A }]),
}
type Shown = keyof typeof shown

let client: QueryClient
beforeAll(() => {
  client = createQueryClient()
})

/** The queries a change makes stale, out of all of the above (each answered once before). */
async function refetchedAfter(change: LibraryChange): Promise<Shown[]> {
  client.clear()
  for (const { queryKey } of Object.values(shown)) {
    client.setQueryData(queryKey as QueryKey, 'answered', { updatedAt: 1 })
  }
  await invalidateForChange(client, change)
  return (Object.keys(shown) as Shown[]).filter(
    (name) => client.getQueryState(shown[name].queryKey as QueryKey)?.isInvalidated === true,
  )
}

describe('a change from main refetches what it touched, and only that', () => {
  it('starring a paper refetches its row and the sidebar counts but not the notes list', async () => {
    const refetched = await refetchedAfter({
      topics: ['papers', 'history'],
      paperIds: [A],
      noteIds: [],
    })
    expect(refetched).toEqual(
      expect.arrayContaining(['the paper list', 'the sidebar counts', 'paper A', 'the undo state']),
    )
    expect(refetched).not.toContain('the notes list')
    expect(refetched).not.toContain('paper B')
    expect(refetched).not.toContain("paper B's note")
    expect(refetched).not.toContain('the standalone note')
    expect(refetched).not.toContain('the lookup banner')
  })

  it("typing in a paper's note refetches that note (and the links and counts that read notes), not another paper's note, nor the undo state", async () => {
    const refetched = await refetchedAfter({
      topics: ['notes'],
      paperIds: [A],
      noteIds: ['note-of-a'],
    })
    expect(refetched).toEqual(
      expect.arrayContaining([
        "paper A's note",
        "paper A's backlinks",
        "a note's link targets",
        'the paper list', // the row's "has a note" mark
        'the sidebar counts',
      ]),
    )
    expect(refetched).not.toContain("paper B's note")
    expect(refetched).not.toContain('the undo state')
    expect(refetched).not.toContain('paper A') // its record did not change
    expect(refetched).not.toContain("paper A's relations")
  })

  it('renaming a standalone note refetches it and the notes list, but no paper and no other note', async () => {
    const refetched = await refetchedAfter({ topics: ['notes'], paperIds: [], noteIds: [NOTE] })
    expect(refetched).toEqual(
      expect.arrayContaining(['the standalone note', 'the notes list', 'a search of the notes']),
    )
    expect(refetched).not.toContain('another standalone note')
    expect(refetched).not.toContain("paper A's note")
    expect(refetched).not.toContain('paper A')
  })

  it("moving a paper to the Trash refetches its note too (a trashed paper shows its note read-only), not another paper's", async () => {
    const refetched = await refetchedAfter({
      topics: ['papers', 'history'],
      paperIds: [A],
      noteIds: [],
    })
    expect(refetched).toContain("paper A's note")
    expect(refetched).toContain("paper A's similar papers")
    expect(refetched).not.toContain("paper B's note")
  })

  it("filing papers in a collection refetches the list, the counts and the paper's collection chips, not the paper itself", async () => {
    const refetched = await refetchedAfter({
      topics: ['collections', 'history'],
      paperIds: [],
      noteIds: [],
    })
    expect(refetched).toEqual(
      expect.arrayContaining([
        'the paper list',
        "the list's id order",
        'the sidebar counts',
        "paper A's collections",
        'the selection summary',
        'the undo state',
      ]),
    )
    expect(refetched).not.toContain('paper A')
    expect(refetched).not.toContain('the notes list')
  })

  it('relating two papers refetches the relations shown, not the similar papers', async () => {
    const refetched = await refetchedAfter({
      topics: ['relations', 'history'],
      paperIds: [],
      noteIds: [],
    })
    expect(refetched).toContain("paper A's relations")
    expect(refetched).not.toContain("paper A's similar papers")
    expect(refetched).not.toContain('the paper list')
  })

  it('undo and redo refresh the undo buttons', async () => {
    expect(await refetchedAfter({ topics: ['history'], paperIds: [], noteIds: [] })).toEqual([
      'the undo state',
    ])
  })

  it('the lookup banner refetches when the lookup queue changes, and nothing else does', async () => {
    expect(await refetchedAfter({ topics: ['lookup-queue'] })).toEqual(['the lookup banner'])
  })

  it("a library problem (or a failed backup) refreshes the library's banner and count only", async () => {
    expect(await refetchedAfter({ topics: ['library'] })).toEqual(['the library info'])
  })

  it('an import too large to name its papers refetches every paper, but no standalone note', async () => {
    const refetched = await refetchedAfter({ topics: ['papers', 'lookup-queue'] })
    expect(refetched).toEqual(
      expect.arrayContaining([
        'paper A',
        'paper B',
        "paper A's note",
        'the lookup banner',
        'the library info',
      ]),
    )
    expect(refetched).not.toContain('the standalone note')
    expect(refetched).not.toContain('the undo state')
  })

  it('after a restore from a backup, everything shown is refetched', async () => {
    expect(await refetchedAfter(EVERYTHING_CHANGED)).toEqual(Object.keys(shown))
  })

  it('what is on screen is fetched again at once: every page of the list that was loaded', async () => {
    client.clear()
    const fetched: number[] = []
    const observers = [0, 200, 400].map(
      (offset) =>
        new QueryObserver(client, {
          ...libraryQueries.paperPage({ ...listArgs, offset }),
          queryFn: async (): Promise<PaperPage> => {
            fetched.push(offset)
            return { total: 600, offset, items: [], ranked: false }
          },
        }),
    )
    const stop = observers.map((observer) => observer.subscribe(() => undefined))
    await vi.waitFor(() =>
      expect(observers.every((observer) => observer.getCurrentResult().isSuccess)).toBe(true),
    )
    await invalidateForChange(client, { topics: ['papers'], paperIds: [A] })
    expect(fetched.sort((x, y) => x - y)).toEqual([0, 0, 200, 200, 400, 400])
    await invalidateForChange(client, { topics: ['relations'] })
    expect(fetched).toHaveLength(6)
    for (const unsubscribe of stop) unsubscribe()
  })
})
