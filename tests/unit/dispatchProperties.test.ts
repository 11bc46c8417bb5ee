// Property-based test of the one door into the library: thousands of random
// and malformed calls, through the very dispatcher Electron's ipc.ts and the
// browser harness use. Every call must end in { ok: true, value } or in a
// clear error (a known code, a one-line message), the dispatcher must never
// throw, and a rejected call must leave the library (files and memory) as it was.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiMethods } from '../../src/shared/api'
import type { ApiErrorCode, ApiMethod, ApiResponse } from '../../src/shared/api'
import { apiArgs } from '../../src/shared/api/schemas'
import { createDispatcher } from '../../src/main/core/kernel/dispatch'
import type { ApiDispatch } from '../../src/main/core/kernel/dispatch'
import { Library } from '../../src/main/core/library'
import { folderFingerprint } from './support/libraryFolder'
import { syntheticListing } from '../support/syntheticListing'

const SAMPLE = resolve(__dirname, '../../resources/sample-daily-papers.txt')
/** Runs × calls per run: the number of calls thrown at the dispatcher. */
const RUNS = Number(process.env['OFFPRINT_FUZZ_RUNS'] ?? 120)
const CALLS_PER_RUN = 25

// Record<…, true>: a code added to ApiErrorCode must be added here (the compiler checks).
const ERROR_CODES = Object.keys({
  'invalid-arguments': true,
  'unknown-method': true,
  'not-found': true,
  'bad-input': true,
  storage: true,
  cancelled: true,
  internal: true,
} satisfies Record<ApiErrorCode, true>)

/**
 * Methods that only read. Every other method may change the library when it
 * succeeds (a method added later counts as one that writes until listed here).
 */
const READ_ONLY = new Set<string>([
  'getLibraryInfo',
  'listPapers',
  'getPaper',
  'getNote',
  'listPaperIds',
  'getSidebar',
  'listTrash',
  'getPaperCollections',
  'summarizeSelection',
  'getUndoState',
  'indexOfPaper',
  'getSettings',
  'cancelTask',
  'listBackups',
  'getPaperMatches',
  'getLookupQueue',
  'findDuplicates',
  'listExportCollections',
  'listNotes',
  'getNoteById',
  'suggestLinkTargets',
  'resolveLinkTargets',
  'getBacklinks',
  'getRelatedPapers',
  'listRelations',
  'listCitationStyles',
  'formatCitations',
  'citePapers',
  'suggestCitations',
  'getCitationKey',
  'getSyncStatus',
  'listFeeds',
  'listInbox',
  'getTodayStatus',
  'listAttachments',
  'getPdf',
  'getPdfTextStatus',
  'getPdfMatches',
  'listHighlights',
  'getHighlight',
  'getLocalGraph',
] satisfies ApiMethod[])

function mayWrite(method: unknown): boolean {
  return !READ_ONLY.has(String(method))
}

let dir: string
let library: Library
let dispatch: ApiDispatch
/** Real ids, so that some random calls get past validation and reach the core. */
const knownIds: string[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-fuzz-'))
  // Calls that reach the online services (a title lookup of a real paper id)
  // go to a closed port on 127.0.0.1: no test touches the internet.
  const nowhere = 'http://127.0.0.1:9'
  library = await Library.open(dir, {
    samplePath: SAMPLE,
    environment: {
      OFFPRINT_HF_API: nowhere,
      OFFPRINT_ARXIV_API: nowhere,
      OFFPRINT_ARXIV_RSS: nowhere,
    },
  })
  dispatch = createDispatcher(library.api)
  const { addedIds } = await library.api.importText({ text: syntheticListing(6, 'Fuzzed paper ') })
  knownIds.push(...addedIds)
  await library.api.saveNote({ paperId: addedIds[0] ?? '', body: '# A note' })
  knownIds.push((await library.api.createBackup({})).backup.id)
})

afterAll(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

// ---------------------------------------------------------------------------
// What gets thrown at the dispatcher

const awkwardString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    ' ',
    '\n',
    'a\r\nb',
    '\u2028',
    '\u0000',
    '../../../etc/passwd',
    '..\\..\\windows\\system32',
    '/etc/passwd',
    'C:\\Windows',
    '__proto__',
    'constructor',
    'prototype',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '2026-11-26T03-10-00Z',
    '2026-11-26T03-10-00Z/../..',
    'x'.repeat(201),
    'é'.repeat(5000),
    '\uD800',
  ),
)

const awkwardNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 1, 0.5, 1e300, -0, NaN, Infinity, -Infinity, 2 ** 53, 1001),
)

/** Values for one argument field: wrong types, edge values, and sometimes a real id. */
const fieldValue = fc.oneof(
  { weight: 3, arbitrary: awkwardString },
  { weight: 2, arbitrary: awkwardNumber },
  { weight: 2, arbitrary: fc.nat().map((n) => knownIds[n % knownIds.length] ?? 'none') },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom('published', 'title', 'upvotes', 'added', 'random') },
  {
    weight: 1,
    arbitrary: fc.record(
      { backupIntervalHours: awkwardNumber, backupsKept: awkwardNumber, theme: awkwardString },
      { requiredKeys: [] },
    ),
  },
)

function fieldsOf(method: ApiMethod): string[] {
  const schema = apiArgs[method] as unknown as { shape?: Record<string, unknown> }
  return Object.keys(schema.shape ?? {})
}

/** An object shaped like the method's arguments, with each field possibly wrong or missing. */
function nearlyValidArgs(method: ApiMethod): fc.Arbitrary<unknown> {
  const fields = fieldsOf(method)
  const shaped = fc.record(Object.fromEntries(fields.map((field) => [field, fieldValue])), {
    requiredKeys: [],
  })
  return fc.oneof(
    shaped,
    // One field too many.
    fc.tuple(shaped, awkwardString, fieldValue).map(([args, key, value]) => ({
      ...args,
      [key === '' ? 'extra' : key]: value,
    })),
  )
}

/** Prototype pollution attempts and objects that are not plain data. */
const hostileArgs = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  Object.create(null),
  Object.assign(Object.create(null), { id: 'x', paperId: 'x', body: 'x' }),
  new Map([['id', 'x']]),
  new Date(0),
  /regex/,
  new Uint8Array(8),
  [{ offset: 0, limit: 1 }],
  'a string',
  42,
  Symbol('s'),
  () => 'a function',
  new Proxy(
    {},
    {
      get() {
        throw new Error('a getter that throws')
      },
      ownKeys() {
        throw new Error('ownKeys that throws')
      },
    },
  ),
)

const methodName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<string>(...apiMethods) },
  { weight: 1, arbitrary: awkwardString },
  { weight: 1, arbitrary: fc.constantFrom('hasOwnProperty', 'toString', 'then', 'valueOf') },
)

const call = methodName.chain((method) =>
  fc.tuple(
    fc.constant<unknown>(method),
    fc.oneof(
      {
        weight: 6,
        arbitrary: (apiMethods as readonly string[]).includes(method)
          ? nearlyValidArgs(method as ApiMethod)
          : fc.anything(),
      },
      { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true }) },
      { weight: 1, arbitrary: hostileArgs },
    ),
  ),
)

const weirdMethod = fc.oneof(
  fc.anything(),
  fc.constantFrom<unknown>(Symbol('method'), Object.create(null), () => 'x'),
)

// ---------------------------------------------------------------------------
// What every answer must look like

function expectWellFormed(method: unknown, response: ApiResponse<unknown>): void {
  expect(typeof response).toBe('object')
  if (response.ok) {
    // Whatever succeeds must be able to cross the IPC boundary.
    expect(() => structuredClone(response.value)).not.toThrow()
    return
  }
  const { code, message } = response.error
  expect(ERROR_CODES).toContain(code)
  expect(typeof message).toBe('string')
  expect(message.trim()).not.toBe('')
  expect(message).not.toMatch(/[\r\n\u2028\u2029]/)
  expect(message.length).toBeLessThanOrEqual(500)
  if (code === 'invalid-arguments')
    expect(message).toMatch(`Invalid arguments for ${String(method)}:`)
  if (code === 'unknown-method') expect(message).toMatch(/^Unknown API method/)
}

/** The library as a user would see it: everything the read methods return. */
async function visibleState(): Promise<string> {
  const [info, page, settings, backups, sidebar, trash, undo] = await Promise.all([
    library.api.getLibraryInfo({}),
    library.api.listPapers({ offset: 0, limit: 1000 }),
    library.api.getSettings({}),
    library.api.listBackups({}),
    library.api.getSidebar({}),
    library.api.listTrash({}),
    library.api.getUndoState({}),
  ])
  const notes = await Promise.all(
    page.items.map((item) => library.api.getNote({ paperId: item.id })),
  )
  return JSON.stringify({ info, page, settings, backups, sidebar, trash, undo, notes })
}

describe('the dispatcher under random and malformed calls', () => {
  it(`answers ${RUNS * CALLS_PER_RUN} calls with a result or a clear error, and rejected calls change nothing`, async () => {
    const counts = { calls: 0, ok: 0, rejected: 0, reachedTheCore: 0 }
    await fc.assert(
      fc.asyncProperty(
        fc.array(call, { minLength: CALLS_PER_RUN, maxLength: CALLS_PER_RUN }),
        async (calls) => {
          // The folder's fingerprint (any write changes a file's inode, size or
          // modification time, or adds or removes a file) after every call that
          // could write; what the read methods show, at the end of the run.
          let state = await visibleState()
          let fingerprint = await folderFingerprint(dir)
          for (const [method, args] of calls) {
            const response = await dispatch(method as string, args)
            counts.calls++
            expectWellFormed(method, response)
            if (response.ok) counts.ok++
            else counts.rejected++
            if (
              response.ok ||
              !['invalid-arguments', 'unknown-method'].includes(response.error.code)
            ) {
              counts.reachedTheCore++
            }
            if (!mayWrite(method)) continue
            if (response.ok) {
              // An accepted change: the new state is the baseline for what follows.
              await library.flush()
              state = await visibleState()
              fingerprint = await folderFingerprint(dir)
            } else {
              expect(await folderFingerprint(dir)).toEqual(fingerprint)
            }
          }
          // Read-only methods and rejected calls changed nothing.
          expect(await folderFingerprint(dir)).toEqual(fingerprint)
          expect(await visibleState()).toBe(state)
        },
      ),
      { numRuns: RUNS },
    )
    expect(counts.calls).toBe(RUNS * CALLS_PER_RUN)
    // The generators reach past validation too, not only into it.
    expect(counts.reachedTheCore).toBeGreaterThan(counts.calls / 20)
    expect(counts.rejected).toBeGreaterThan(counts.calls / 2)
  }, 240_000)

  it('answers a method "name" of any type without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(weirdMethod, fc.anything(), async (method, args) => {
        const response = await dispatch(method as string, args)
        expect(response).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
        expectWellFormed(method, response)
      }),
      { numRuns: 300 },
    )
  })

  it('never lets an argument pollute Object.prototype', () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})
