// The organizing methods through the dispatcher, as the window and the CLI call them.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { ApiErrorCode } from '../../src/shared/api'
import { createDispatcher } from '../../src/main/core/kernel/dispatch'
import { folderSnapshot } from './support/libraryFolder'
import { FIXTURE, fixturePerTest } from './support/organizeFixture'

const fx = fixturePerTest()

describe('organizing through the dispatcher', () => {
  it('rejects malformed arguments with a clear message and changes nothing', async () => {
    const dispatch = createDispatcher(fx().library.api)
    const paper = fx().ids[0] ?? ''
    const cases: [string, unknown, ApiErrorCode, RegExp][] = [
      [
        'addToCollection',
        { collectionId: 'x', paperIds: [] },
        'invalid-arguments',
        /paperIds.*at least one paper/,
      ],
      ['createCollection', { name: '' }, 'invalid-arguments', /name/],
      ['createCollection', { name: 'x'.repeat(201) }, 'invalid-arguments', /name/],
      ['moveCollection', { id: 'x' }, 'invalid-arguments', /parentId/],
      ['tagPapers', { paperIds: [paper] }, 'invalid-arguments', /name a tag to add or remove/],
      ['tagPapers', { paperIds: [paper], add: [''] }, 'invalid-arguments', /add/],
      ['setStatus', { paperIds: [paper], status: 'skimmed' }, 'invalid-arguments', /status/],
      ['moveToTrash', {}, 'invalid-arguments', /name at least one paper, note or collection/],
      [
        'listPapers',
        { offset: 0, limit: 5, filter: { scope: { kind: 'folder' } } },
        'invalid-arguments',
        /filter/,
      ],
      [
        'listPapers',
        { offset: 0, limit: 5, filter: { tags: ['a'], extra: 1 } },
        'invalid-arguments',
        /extra/,
      ],
      ['updateSettings', { patch: { sort: 'random' } }, 'invalid-arguments', /sort/],
      [
        'updateSettings',
        { patch: { markReadAfterSeconds: -1 } },
        'invalid-arguments',
        /markReadAfterSeconds/,
      ],
      [
        'addToCollection',
        { collectionId: 'nope', paperIds: [paper] },
        'not-found',
        /No collection with id "nope"/,
      ],
      [
        'setStarred',
        { paperIds: [paper, 'nope'], starred: true },
        'not-found',
        /No paper with id "nope"/,
      ],
      ['renameTag', { from: 'absent', to: 'b' }, 'not-found', /No paper has the tag/],
    ]
    await fx().library.flush()
    const before = await folderSnapshot(fx().dir)
    for (const [method, args, code, message] of cases) {
      const response = await dispatch(method, args)
      expect(response, `${method} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code },
      })
      if (!response.ok) expect(response.error.message).toMatch(message)
    }
    await fx().library.flush()
    expect(await folderSnapshot(fx().dir)).toEqual(before)
    expect(await fx().library.api.getUndoState({})).toEqual({})
  })

  it('suggests a collection named after the imported page, and files the new papers there', async () => {
    const { library } = fx()
    const text = (await readFile(FIXTURE, 'utf8')).replace(
      'ToolRL: Reward is All Tool Learning Needs',
      'A Paper Only In The Second Import',
    )
    const report = await library.api.importText({ text, fileName: 'feb-9.txt' })
    expect(report).toMatchObject({ added: 1, suggestedCollection: 'Daily Papers 2026-02-09' })
    const collection = await library.api.createCollection({
      name: report.suggestedCollection ?? '',
      paperIds: report.addedIds,
    })
    expect((await library.api.getSidebar({})).collections).toEqual([
      expect.objectContaining({
        id: collection.id,
        name: 'Daily Papers 2026-02-09',
        paperCount: 1,
      }),
    ])
    expect(await library.api.getUndoState({})).toEqual({
      undo: 'New collection “Daily Papers 2026-02-09” with 1 paper',
    })
  })

  it('lists every id of a filtered view, and summarizes a selection', async () => {
    const { library, ids } = fx()
    const [a, b, c] = ids as [string, string, string]
    await library.api.tagPapers({ paperIds: [a, b], add: ['rl', 'agents'] })
    await library.api.tagPapers({ paperIds: [c], add: ['rl'] })
    await library.api.setStarred({ paperIds: [a], starred: true })
    await library.api.setStatus({ paperIds: [b], status: 'read' })
    const col = await library.api.createCollection({ name: 'Col', paperIds: [a, c] })
    expect(new Set(await library.api.listPaperIds({ filter: { tags: ['rl'] } }))).toEqual(
      new Set([a, b, c]),
    )
    const all = await library.api.listPaperIds({})
    expect(all).toHaveLength(53)
    expect(all).toEqual(
      (await library.api.listPapers({ offset: 0, limit: 100 })).items.map((p) => p.id),
    )
    expect(await library.api.summarizeSelection({ paperIds: [a, b, c] })).toEqual({
      count: 3,
      titles: expect.any(Array),
      status: { unread: 2, reading: 0, read: 1 },
      starred: 1,
      inTrash: 0,
      tags: [
        { tag: 'rl', count: 3 },
        { tag: 'agents', count: 2 },
      ],
      collections: [{ id: col.id, name: 'Col', path: ['Col'], count: 2 }],
    })
  })
})
