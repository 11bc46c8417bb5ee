import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DurableJsonFile, UnreadableFileError } from '../../src/main/core/store/durableJsonFile'
import { LibraryVersionError, StorageError } from '../../src/main/core/kernel/errors'

interface Doc {
  items: string[]
}

function parseDoc(value: unknown): Doc {
  if (
    typeof value === 'object' &&
    value !== null &&
    'items' in value &&
    Array.isArray(value.items) &&
    value.items.every((item) => typeof item === 'string')
  ) {
    return { items: value.items }
  }
  throw new Error('expected { items: string[] }')
}

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-durable-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('DurableJsonFile', () => {
  it('round-trips a document through Low', async () => {
    const path = join(dir, 'doc.json')
    const low = new Low<Doc>(new DurableJsonFile(path, parseDoc), { items: [] })
    low.data.items.push('naïve — “quoted” 📄', 'second')
    await low.write()

    const again = new Low<Doc>(new DurableJsonFile(path, parseDoc), { items: [] })
    await again.read()
    expect(again.data).toEqual({ items: ['naïve — “quoted” 📄', 'second'] })
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(again.data)
  })

  it('reads a missing file as null', async () => {
    const file = new DurableJsonFile(join(dir, 'missing.json'), parseDoc)
    expect(await file.read()).toBeNull()
  })

  it('reports a file that is not JSON as unreadable, with its path and why', async () => {
    const path = join(dir, 'doc.json')
    await writeFile(path, '{"items": ["a", ')
    const error = await new DurableJsonFile(path, parseDoc).read().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnreadableFileError)
    expect(error).toBeInstanceOf(StorageError)
    const unreadable = error as UnreadableFileError
    expect(unreadable.path).toBe(path)
    expect(unreadable.reason).not.toBe('')
    expect(unreadable.message).toContain(path)
  })

  it('reports invalid UTF-8 and an unexpected shape as unreadable', async () => {
    const path = join(dir, 'doc.json')
    await writeFile(path, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))
    await expect(new DurableJsonFile(path, parseDoc).read()).rejects.toBeInstanceOf(
      UnreadableFileError,
    )
    await writeFile(path, '{"items": [1, 2]}')
    await expect(new DurableJsonFile(path, parseDoc).read()).rejects.toThrow(
      /expected \{ items: string\[\] \}/,
    )
  })

  it('accepts a byte-order mark in front of the JSON', async () => {
    const path = join(dir, 'doc.json')
    await writeFile(path, '\uFEFF{"items": ["a"]}')
    expect(await new DurableJsonFile(path, parseDoc).read()).toEqual({ items: ['a'] })
  })

  it('lets a LibraryError from the parser through unchanged', async () => {
    const path = join(dir, 'doc.json')
    await writeFile(path, '{"schemaVersion": 9}')
    const file = new DurableJsonFile<Doc>(path, () => {
      throw new LibraryVersionError(path, 9, 1)
    })
    await expect(file.read()).rejects.toBeInstanceOf(LibraryVersionError)
  })

  it('leaves no temporary files behind after writes', async () => {
    const path = join(dir, 'doc.json')
    const file = new DurableJsonFile(path, parseDoc)
    for (let i = 0; i < 5; i++) await file.write({ items: [String(i)] })
    expect(await readdir(dir)).toEqual(['doc.json'])
    expect(await file.read()).toEqual({ items: ['4'] })
  })

  it('keeps the permissions of the file it replaces', async () => {
    const path = join(dir, 'doc.json')
    const file = new DurableJsonFile(path, parseDoc)
    await file.write({ items: ['a'] })
    await chmod(path, 0o600)
    await file.write({ items: ['b'] })
    expect((await stat(path)).mode & 0o777).toBe(0o600)
  })

  it('rejects a write whose folder is a file and leaves that file intact', async () => {
    // No permissions involved, so root (as in CI) sees the same failure: the
    // document's folder is an existing file, so no temporary file can be made in it.
    const path = join(dir, 'doc.json')
    const file = new DurableJsonFile(path, parseDoc)
    await file.write({ items: ['old'] })
    const before = await readFile(path)
    const underFile = new DurableJsonFile(join(path, 'inner.json'), parseDoc)
    const error = await underFile.write({ items: ['new'] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StorageError)
    expect((error as StorageError).message).toContain(
      `Could not save ${join(path, 'inner.json')}: ENOTDIR: not a directory, open '${join(path, '.inner.json.')}`,
    )
    expect(await readFile(path)).toEqual(before)
    expect(await readdir(dir)).toEqual(['doc.json'])
  })

  it('rejects a write into a folder that is gone and does not make it again', async () => {
    // A library on a drive that was unplugged: the folder is no longer there.
    const folder = join(dir, 'library')
    await mkdir(folder)
    const file = new DurableJsonFile(join(folder, 'doc.json'), parseDoc)
    await file.write({ items: ['old'] })
    await rm(folder, { recursive: true })
    await expect(file.write({ items: ['new'] })).rejects.toBeInstanceOf(StorageError)
    expect(await readdir(dir)).toEqual([])
  })

  it('rejects a write whose temporary file cannot be created and leaves the old file intact', async () => {
    // Works for root too: a name near the 255-byte limit leaves no room for the
    // temp file's longer name, so the write fails before the rename.
    const path = join(dir, `${'d'.repeat(230)}.json`)
    await writeFile(path, '{"items":["old"]}')
    const before = await readFile(path)
    const file = new DurableJsonFile(path, parseDoc)
    await expect(file.write({ items: ['new'] })).rejects.toBeInstanceOf(StorageError)
    expect(await readFile(path)).toEqual(before)
    expect(await readdir(dir)).toEqual([`${'d'.repeat(230)}.json`])
  })

  it('rejects a write whose target is a folder and cleans up its temporary file', async () => {
    const path = join(dir, 'doc.json')
    await mkdir(path)
    await writeFile(join(path, 'inside.txt'), 'keep me')
    const file = new DurableJsonFile(path, parseDoc)
    await expect(file.write({ items: ['new'] })).rejects.toThrow(/Could not save .*doc\.json/)
    expect(await readdir(dir)).toEqual(['doc.json'])
    expect(await readFile(join(path, 'inside.txt'), 'utf8')).toBe('keep me')
  })

  it('fails loudly, without calling it unreadable, when the file cannot be opened', async () => {
    const path = join(dir, 'doc.json')
    await mkdir(path)
    const error = await new DurableJsonFile(path, parseDoc).read().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StorageError)
    expect(error).not.toBeInstanceOf(UnreadableFileError)
  })
})
