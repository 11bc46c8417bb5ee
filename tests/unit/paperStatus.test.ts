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
    for (const sort of ['published', 'added', 'title', 'upvotes'] as const) {
      const rows = (await library.api.listPapers({ offset: 0, limit: 100, sort })).items
      const index = rows.findIndex((row) => row.title === syntheticTitle(17))
      expect(index).toBeGreaterThanOrEqual(0)
      expect(await library.api.indexOfPaper({ id: rows[index]?.id ?? '', sort })).toBe(index)
    }
    expect(await library.api.indexOfPaper({ id: 'missing' })).toBe(-1)
    // Within a filtered list (the sidebar's choice), the row is counted in that list.
    const rows = (await library.api.listPapers({ offset: 0, limit: 100, sort: 'title' })).items
    const [first, second] = [rows[20]?.id ?? '', rows[5]?.id ?? '']
    await library.api.tagPapers({ paperIds: [first, second], add: ['pair'] })
    const filter = { tags: ['pair'] }
    expect(await library.api.indexOfPaper({ id: first, sort: 'title', filter })).toBe(1)
    expect(await library.api.indexOfPaper({ id: rows[7]?.id ?? '', sort: 'title', filter })).toBe(
      -1,
    )
    await library.close()
  })
})
