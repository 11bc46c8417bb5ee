import { describe, expect, it } from 'vitest'
import type { Paper, PaperSort } from '../../src/shared/model'
import { resortedAfter, sortPapers } from '../../src/main/core/papers/paperOrder'

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function paper(id: number, next: () => number): Paper {
  const day = 1 + Math.floor(next() * 20)
  return {
    id: `p${id}`,
    title: `Paper ${Math.floor(next() * 50)}`,
    abstract: '',
    authors: [],
    links: [],
    upvotes: Math.floor(next() * 5),
    tags: [],
    status: 'unread',
    starred: false,
    ...(next() < 0.9 ? { published: `2026-01-${String(day).padStart(2, '0')}` } : {}),
    addedAt: `2026-02-0${1 + Math.floor(next() * 3)}T00:00:00Z`,
    updatedAt: '2026-02-01T00:00:00Z',
    source: { format: 'hf-daily-papers', importedAt: '2026-02-01T00:00:00Z', line: id },
  }
}

describe('keeping a sorted list current', () => {
  it.each<PaperSort>(['published', 'added', 'title', 'upvotes'])(
    'gives the same order as sorting again, by %s, after edits, trashing, restoring and deleting',
    (sort) => {
      const next = random(7)
      let all = Array.from({ length: 400 }, (_, i) => paper(i, next))
      let sorted = sortPapers(
        all.filter((p) => p.trashedAt === undefined),
        sort,
      )
      for (let round = 0; round < 200; round++) {
        const put: Paper[] = []
        const removed: string[] = []
        for (let k = 0; k < 1 + Math.floor(next() * 5); k++) {
          const target = all[Math.floor(next() * all.length)]
          if (target === undefined || put.some((p) => p.id === target.id)) continue
          const roll = next()
          if (roll < 0.1) removed.push(target.id)
          else if (roll < 0.3) put.push({ ...target, trashedAt: '2026-02-05T00:00:00Z' })
          else if (roll < 0.5) {
            const back = { ...target }
            delete back.trashedAt
            put.push(back)
          } else
            put.push({
              ...target,
              upvotes: Math.floor(next() * 5),
              title: `Paper ${Math.floor(next() * 50)}`,
            })
        }
        const changed = new Map(put.map((p) => [p.id, p]))
        const before = new Map(all.map((p) => [p.id, p]))
        all = all.filter((p) => !removed.includes(p.id)).map((p) => changed.get(p.id) ?? p)
        // Found by binary search, or (told a wrong old version) by a scan: the same list.
        const misleading = (id: string): Paper | undefined => {
          const was = before.get(id)
          return was === undefined ? undefined : { ...was, id: `${id}-elsewhere` }
        }
        const scanned = resortedAfter(sorted, put, removed, sort, misleading) ?? []
        sorted = resortedAfter(sorted, put, removed, sort, (id) => before.get(id)) ?? []
        const expected = sortPapers(
          all.filter((p) => p.trashedAt === undefined),
          sort,
        )
        expect(sorted.map((p) => p.id)).toEqual(expected.map((p) => p.id))
        expect(scanned.map((p) => p.id)).toEqual(expected.map((p) => p.id))
      }
    },
  )

  it('asks for a full sort when a change touches a large share of the list', () => {
    const next = random(1)
    const all = Array.from({ length: 2000 }, (_, i) => paper(i, next))
    const sorted = sortPapers([...all], 'title')
    const byId = (id: string) => all.find((p) => p.id === id)
    expect(resortedAfter(sorted, all.slice(0, 500), [], 'title', byId)).toBeUndefined()
    expect(resortedAfter(sorted, all.slice(0, 10), [], 'title', byId)).toHaveLength(2000)
  })
})
