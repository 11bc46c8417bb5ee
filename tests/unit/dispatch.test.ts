import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_PAGE_SIZE } from '../../src/shared/api/limits'
import type { ApiErrorCode, ApiResponse } from '../../src/shared/api'
import { callApi, createDispatcher } from '../../src/main/core/kernel/dispatch'
import type { ApiDispatch } from '../../src/main/core/kernel/dispatch'
import { Library } from '../../src/main/core/library'
import { copyAsIfCrashed, folderSnapshot } from './support/libraryFolder'

const FIXTURE = resolve(__dirname, '../fixtures/hf-daily-papers.txt')

let dir: string
let library: Library
let dispatch: ApiDispatch
let paperId: string

function snapshot(): ReturnType<typeof folderSnapshot> {
  return folderSnapshot(dir)
}

function expectFailure(response: ApiResponse<unknown>, code: ApiErrorCode): string {
  expect(response).toMatchObject({ ok: false, error: { code } })
  if (response.ok) throw new Error('expected a failure')
  expect(response.error.message).not.toMatch(/[\r\n]/)
  return response.error.message
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-dispatch-'))
  library = await Library.open(dir)
  dispatch = createDispatcher(library.api)
  const report = await library.api.importText({ text: await readFile(FIXTURE, 'utf8') })
  paperId = report.addedIds[0] ?? ''
  await library.api.saveNote({ paperId, body: 'a note' })
})

afterEach(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

describe('createDispatcher', () => {
  const malformed: {
    name: string
    method: string
    args: unknown
    code: ApiErrorCode
    mentions: RegExp
  }[] = [
    {
      name: 'a wrong type',
      method: 'listPapers',
      args: { offset: '0', limit: 10 },
      code: 'invalid-arguments',
      mentions: /listPapers.*offset/,
    },
    {
      name: 'a missing field',
      method: 'listPapers',
      args: { offset: 0 },
      code: 'invalid-arguments',
      mentions: /listPapers.*limit: missing/,
    },
    {
      name: 'an extra field',
      method: 'listPapers',
      args: { offset: 0, limit: 10, where: 'x' },
      code: 'invalid-arguments',
      mentions: /listPapers.*unexpected field "where"/,
    },
    {
      name: 'a huge limit',
      method: 'listPapers',
      args: { offset: 0, limit: 10_000_000 },
      code: 'invalid-arguments',
      mentions: new RegExp(`limit.*${MAX_PAGE_SIZE}`),
    },
    {
      name: 'a fractional offset',
      method: 'listPapers',
      args: { offset: 0.5, limit: 10 },
      code: 'invalid-arguments',
      mentions: /offset/,
    },
    {
      name: 'an unknown sort',
      method: 'listPapers',
      args: { offset: 0, limit: 10, sort: 'random' },
      code: 'invalid-arguments',
      mentions: /sort/,
    },
    {
      name: 'null args',
      method: 'getPaper',
      args: null,
      code: 'invalid-arguments',
      mentions: /getPaper.*expected object/,
    },
    {
      name: 'a number as id',
      method: 'getPaper',
      args: { id: 42 },
      code: 'invalid-arguments',
      mentions: /getPaper.*id/,
    },
    {
      name: 'a note without body',
      method: 'saveNote',
      args: { paperId: 'x' },
      code: 'invalid-arguments',
      mentions: /saveNote.*body: missing/,
    },
    {
      name: 'a note with an object body',
      method: 'saveNote',
      args: { paperId: 'x', body: { html: '<b>' } },
      code: 'invalid-arguments',
      mentions: /saveNote.*body/,
    },
    {
      name: 'an import without text',
      method: 'importText',
      args: { fileName: 'a.txt' },
      code: 'invalid-arguments',
      mentions: /importText.*text/,
    },
    {
      name: 'an array as args',
      method: 'getLibraryInfo',
      args: [],
      code: 'invalid-arguments',
      mentions: /getLibraryInfo/,
    },
    {
      name: 'a relation without its second paper',
      method: 'addRelation',
      args: { fromId: 'x', label: 'extends' },
      code: 'invalid-arguments',
      mentions: /addRelation.*toId: missing/,
    },
    {
      name: 'a link target of an unknown kind',
      method: 'resolveLinkTargets',
      args: { targets: [{ kind: 'collection', id: 'x' }] },
      code: 'invalid-arguments',
      mentions: /resolveLinkTargets.*targets/,
    },
    {
      name: 'a huge related-papers limit',
      method: 'getRelatedPapers',
      args: { id: 'x', limit: 1_000_000 },
      code: 'invalid-arguments',
      mentions: /getRelatedPapers.*limit/,
    },
    {
      name: 'a note title that is not text',
      method: 'createNote',
      args: { title: ['a'] },
      code: 'invalid-arguments',
      mentions: /createNote.*title/,
    },
    {
      name: 'an unknown method',
      method: 'deleteEverything',
      args: {},
      code: 'unknown-method',
      mentions: /deleteEverything/,
    },
    {
      name: 'a method name from Object.prototype',
      method: 'toString',
      args: {},
      code: 'unknown-method',
      mentions: /toString/,
    },
    {
      name: '__proto__ as method',
      method: '__proto__',
      args: {},
      code: 'unknown-method',
      mentions: /__proto__/,
    },
  ]

  it.each(malformed)('rejects $name, naming the problem, and changes nothing', async (bad) => {
    const files = await snapshot()
    const listed = await library.api.listPapers({ offset: 0, limit: 100 })
    const message = expectFailure(await dispatch(bad.method, bad.args), bad.code)
    expect(message).toMatch(bad.mentions)
    expect(await snapshot()).toEqual(files)
    expect(await library.api.listPapers({ offset: 0, limit: 100 })).toEqual(listed)
  })

  it('returns { ok: true, value } for valid calls', async () => {
    const page = await dispatch('listPapers', { offset: 0, limit: 5, sort: 'upvotes' })
    expect(page).toMatchObject({ ok: true, value: { total: 53, offset: 0 } })
    const paper = await dispatch('getPaper', { id: paperId })
    expect(paper).toMatchObject({ ok: true, value: { id: paperId } })
    const note = await dispatch('getNote', { paperId })
    expect(note).toMatchObject({ ok: true, value: { body: 'a note' } })
    expect(await dispatch('getLibraryInfo', {})).toMatchObject({
      ok: true,
      value: { paperCount: 53, noteCount: 1, schemaVersion: 2 },
    })
  })

  it('maps the errors of the core to their codes', async () => {
    expect(expectFailure(await dispatch('getPaper', { id: 'missing-id' }), 'not-found')).toMatch(
      /missing-id/,
    )
    expect(
      expectFailure(await dispatch('importText', { text: 'Hello there.' }), 'bad-input'),
    ).toMatch(/No papers found/)
    // This library was opened without a sample file: a configuration bug, not the user's.
    expectFailure(await dispatch('importSample', {}), 'internal')
  })

  it('saves through the dispatcher, and the change is on disk', async () => {
    const saved = await dispatch('saveNote', { paperId, body: 'edited' })
    expect(saved).toMatchObject({ ok: true, value: { paperId, body: 'edited' } })
    const survivor = await copyAsIfCrashed(dir)
    const reopened = await Library.open(survivor)
    expect((await reopened.api.getNote({ paperId }))?.body).toBe('edited')
    await reopened.close()
    await rm(survivor, { recursive: true, force: true })
  })
})

describe('callApi', () => {
  it('gives typed results through the same validation', async () => {
    const response = await callApi(library.api, 'listPapers', { offset: 0, limit: 3 })
    if (!response.ok) throw new Error(response.error.message)
    expect(response.value.items.map((item) => typeof item.title)).toEqual([
      'string',
      'string',
      'string',
    ])
    const invalid = await callApi(library.api, 'listPapers', { offset: -1, limit: 3 })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
  })
})
