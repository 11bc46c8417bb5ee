// Which library paper a feed item already is, while the keys of a large
// library are built a slice at a time: papers changed meanwhile are found as
// they are now, not as they were when the build began.
import { describe, expect, it } from 'vitest'
import type { FeedItem, Paper } from '../../src/shared/model'
import { LibraryKeys } from '../../src/main/core/feeds/libraryKeys'
import type { LibraryKernel } from '../../src/main/core/kernel/kernel'
import type { CommittedChange } from '../../src/main/core/kernel/service'

function paper(n: number, title = `Sparse attention for long documents, part ${n}`): Paper {
  return {
    id: `p${n}`,
    title,
    abstract: '',
    authors: [],
    published: '2025-03-01',
    ...(n % 2 === 0 ? { arxivId: `2503.${String(10000 + n)}` } : {}),
  } as unknown as Paper
}

function item(fields: Partial<Paper>): FeedItem {
  return { fields: { title: '', abstract: '', authors: [], ...fields } } as FeedItem
}

function change(put: Paper[], remove: string[] = []): CommittedChange {
  return {
    changes: { papers: { put, remove } },
    before: { papers: new Map(), notes: new Map() },
    trashMoved: new Set(),
  }
}

describe('an item already in the library', () => {
  it('is found by arXiv id or by title and year while the keys are still being built, as the papers are now', async () => {
    const papers = new Map(Array.from({ length: 5000 }, (_, n) => [`p${n}`, paper(n)]))
    const keys = new LibraryKeys({ store: { papers } } as unknown as LibraryKernel)
    const built = keys.build()
    // After the first slice: a paper not keyed yet is trashed, another retitled; a keyed one deleted.
    await new Promise((resolve) => setImmediate(resolve))
    const trashed = { ...paper(4000), trashedAt: '2026-06-12T10:00:00.000Z' }
    const retitled = paper(4501, 'Dense retrieval, revisited')
    papers.set(trashed.id, trashed)
    papers.set(retitled.id, retitled)
    papers.delete('p10')
    keys.committed(change([trashed, retitled], ['p10']))
    await built

    expect(keys.paperOf(item({ arxivId: '2503.13000v2' }))).toBe('p3000')
    expect(keys.paperOf(item({ title: paper(3001).title, published: '2025' }))).toBe('p3001')
    expect(keys.paperOf(item({ arxivId: '2503.14000' }))).toBeUndefined()
    expect(keys.paperOf(item({ title: 'DENSE retrieval — revisited', published: '2025-03' }))).toBe(
      'p4501',
    )
    expect(keys.paperOf(item({ title: paper(4501).title, published: '2025' }))).toBeUndefined()
    expect(keys.paperOf(item({ arxivId: '2503.10010' }))).toBeUndefined()
  })

  it('is found at once when asked before the build has begun', () => {
    const papers = new Map([['p7', paper(7)]])
    const keys = new LibraryKeys({ store: { papers } } as unknown as LibraryKernel)
    expect(keys.paperOf(item({ title: paper(7).title, published: '2025-03-01' }))).toBe('p7')
  })
})
