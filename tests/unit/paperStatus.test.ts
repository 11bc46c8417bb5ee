// Reading status (marked read after a delay, or by hand) and finding a paper's row.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { callApi } from '../../src/main/core/kernel/dispatch'
import { Library } from '../../src/main/core/library'
import { syntheticListing, syntheticTitle } from '../support/syntheticListing'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-status-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('reading status', () => {
  it('marks a paper read (by itself after a delay), durably, and the list shows it', async () => {
    const library = await Library.open(dir)
    const { addedIds } = await library.api.importText({ text: syntheticListing(3) })
    const id = addedIds[1] ?? ''
    let changes = 0
    library.onChange(() => changes++)
    expect(await library.api.markRead({ id })).toBe(true)
    const paper = await library.api.getPaper({ id })
    expect(paper.status).toBe('read')
    expect(paper.updatedAt >= paper.addedAt).toBe(true)
    expect(await library.api.markRead({ id })).toBe(false) // no change, no event
    expect((await library.api.setStatus({ paperIds: [id], status: 'read' })).changed).toBe(0)
    expect(changes).toBe(1)
    await library.close()

    const reopened = await Library.open(dir)
    const rows = (await reopened.api.listPapers({ offset: 0, limit: 10 })).items
    expect(rows.find((row) => row.id === id)?.status).toBe('read')
    expect(rows.filter((row) => row.status === 'unread')).toHaveLength(2)
    await reopened.close()
  })

  it('rejects an unknown paper and an unknown status', async () => {
    const library = await Library.open(dir)
    const unknown = await callApi(library.api, 'setStatus', { paperIds: ['nope'], status: 'read' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await callApi(library.api, 'markRead', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    const bad = await callApi(library.api, 'setStatus', {
      paperIds: ['x'],
      status: 'done',
    } as never)
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    await library.close()
  })
})

describe('indexOfPaper', () => {
  it('gives the row of a paper in each sort order, and -1 for an unknown id', async () => {
    const library = await Library.open(dir)
    await library.api.importText({ text: syntheticListing(30) })
    const all = (await library.api.listPapers({ offset: 0, limit: 100 })).items
    const idOf = (entry: number): string =>
      all.find((row) => row.title === syntheticTitle(entry))?.id ?? ''
    // Where "Synthetic Study 18" (entry 17 of 30) stands, worked out from the listing:
    // published newest first: only entries 23 (Dec 24, 2025) and 11 (Dec 12, 2025)
    // are newer than its Jun 18, 2025; added: the file's order; title: numbers
    // compare as numbers (Study 1, 2, … 18); upvotes: entry i has i, so 29 … 18 come first.
    const expected = { published: 2, added: 17, title: 17, upvotes: 12 } as const
    for (const sort of ['published', 'added', 'title', 'upvotes'] as const) {
      const index = await library.api.indexOfPaper({ id: idOf(17), sort })
      expect({ sort, index }).toEqual({ sort, index: expected[sort] })
      const listed = await library.api.listPapers({ offset: expected[sort], limit: 1, sort })
      expect(listed.items.map((row) => row.title)).toEqual([syntheticTitle(17)])
    }
    expect(await library.api.indexOfPaper({ id: 'missing' })).toBe(-1)
    // Within a filtered list (the sidebar's choice), the row is counted in that list:
    // of Study 6 and Study 21, by title, Study 21 is second; Study 8 is not in it.
    await library.api.tagPapers({ paperIds: [idOf(20), idOf(5)], add: ['pair'] })
    const filter = { tags: ['pair'] }
    expect(await library.api.indexOfPaper({ id: idOf(20), sort: 'title', filter })).toBe(1)
    expect(await library.api.indexOfPaper({ id: idOf(5), sort: 'title', filter })).toBe(0)
    expect(await library.api.indexOfPaper({ id: idOf(7), sort: 'title', filter })).toBe(-1)
    await library.close()
  })
})
