import { describe, expect, it } from 'vitest'
import type { SmartView } from '../../src/shared/model'
import { fixturePerTest, listedIds, TODAY } from './support/organizeFixture'
import { steppingClock } from './support/steppingClock'

let clock: Date
// A settable clock: the "recently added" view depends on today.
const fx = fixturePerTest(() => {
  clock = TODAY
  const step = steppingClock()
  return () => (clock === TODAY ? step() : clock)
})
const id = fx.id

async function view(name: SmartView): Promise<string[]> {
  return listedIds(fx().library, { scope: { kind: 'view', view: name } })
}

describe('status, stars and smart views', () => {
  it('sets status and stars on many papers, and each view lists and counts what it should', async () => {
    const { library } = fx()
    expect(await library.api.setStatus({ paperIds: [id(0), id(1)], status: 'reading' })).toEqual({
      label: 'Mark 2 papers as reading',
      changed: 2,
    })
    await library.api.setStatus({ paperIds: [id(2)], status: 'read' })
    expect(await library.api.setStarred({ paperIds: [id(1), id(3)], starred: true })).toEqual({
      label: 'Star 2 papers',
      changed: 2,
    })
    await library.api.saveNote({ paperId: id(4), body: 'Some thoughts' })
    await library.api.saveNote({ paperId: id(5), body: '   ' })

    expect(new Set(await view('reading'))).toEqual(new Set([id(0), id(1)]))
    expect(await view('unread')).toHaveLength(50)
    expect(new Set(await view('starred'))).toEqual(new Set([id(1), id(3)]))
    expect(await view('has-notes')).toEqual([id(4)])
    expect(await view('recent')).toHaveLength(53)

    const sidebar = await library.api.getSidebar({})
    expect(sidebar.views).toEqual({
      unread: 50,
      reading: 2,
      starred: 2,
      recent: 53,
      'has-notes': 1,
    })
    const row = (await library.api.listPapers({ offset: 0, limit: 100 })).items.find(
      (paper) => paper.id === id(1),
    )
    expect(row).toMatchObject({ status: 'reading', starred: true, tags: [] })

    // Eight days later nothing is recent any more.
    clock = new Date(TODAY.getTime() + 8 * 24 * 3600 * 1000)
    expect(await view('recent')).toEqual([])
  })

  it('marks a paper read by itself (the setting) without making it an undo step', async () => {
    const { library } = fx()
    await library.api.setStarred({ paperIds: [id(0)], starred: true })
    expect(await library.api.markRead({ id: id(0) })).toBe(true)
    expect(await library.api.markRead({ id: id(0) })).toBe(false)
    expect((await library.api.getPaper({ id: id(0) })).status).toBe('read')
    expect(await library.api.getUndoState({})).toEqual({ undo: 'Star 1 paper' })
    // Undoing the star leaves the paper read: the two changes touched different fields.
    await library.api.undo({})
    expect(await library.api.getPaper({ id: id(0) })).toMatchObject({
      starred: false,
      status: 'read',
    })
  })
})
