import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileLogger } from '../../src/main/app/logging/fileLogger'
import {
  formatLogLine,
  needsRotation,
  rotatedName,
  rotationPlan,
} from '../../src/main/app/logging/logRotation'

describe('rotation policy', () => {
  const policy = { maxBytes: 100, keep: 2 }

  it('rotates only when a write would pass the limit, and never an empty file', () => {
    expect(needsRotation(60, 40, policy)).toBe(false)
    expect(needsRotation(61, 40, policy)).toBe(true)
    expect(needsRotation(0, 500, policy)).toBe(false) // one huge line still goes in
  })

  it('names generations before the extension', () => {
    expect(rotatedName('offprint.log', 0)).toBe('offprint.log')
    expect(rotatedName('offprint.log', 3)).toBe('offprint.3.log')
    expect(rotatedName('log', 1)).toBe('log.1')
  })

  it('drops the oldest, then shifts the rest up, oldest first', () => {
    expect(rotationPlan('offprint.log', policy)).toEqual({
      remove: 'offprint.2.log',
      renames: [
        { from: 'offprint.1.log', to: 'offprint.2.log' },
        { from: 'offprint.log', to: 'offprint.1.log' },
      ],
    })
  })

  it('formats one line per entry, details indented below it', () => {
    const at = new Date('2026-03-01T10:00:00.000Z')
    expect(formatLogLine(at, 'info', 'opened\nlibrary')).toBe(
      '2026-03-01T10:00:00.000Z INFO  opened library\n',
    )
    expect(formatLogLine(at, 'error', 'failed', 'Error: x\n  at f')).toBe(
      '2026-03-01T10:00:00.000Z ERROR failed\n    Error: x\n      at f\n',
    )
  })
})

describe('FileLogger', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'offprint-log-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('creates its folder, appends lines, and rotates by size keeping two old files', async () => {
    const path = join(dir, 'logs', 'offprint.log')
    const at = new Date('2026-03-01T10:00:00.000Z')
    const logger = new FileLogger(path, { maxBytes: 200, keep: 2 }, () => at)
    // Each line is 49 bytes (time, level, "message number NN", newline): four fit in 200.
    for (let i = 0; i < 14; i++) logger.info(`message number ${String(i).padStart(2, '0')}`)
    expect((await readdir(join(dir, 'logs'))).sort()).toEqual([
      'offprint.1.log',
      'offprint.2.log',
      'offprint.log',
    ])
    const lines = async (name: string) =>
      (await readFile(join(dir, 'logs', name), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => l.slice(-2))
    expect(await lines('offprint.2.log')).toEqual(['04', '05', '06', '07']) // 00-03 dropped
    expect(await lines('offprint.1.log')).toEqual(['08', '09', '10', '11'])
    expect(await lines('offprint.log')).toEqual(['12', '13'])
  })

  it('continues an existing file and logs errors with their stack', async () => {
    const path = join(dir, 'offprint.log')
    await writeFile(path, 'earlier line\n')
    const logger = new FileLogger(path)
    logger.error('save failed', new Error('disk full'))
    const text = await readFile(path, 'utf8')
    expect(text.startsWith('earlier line\n')).toBe(true)
    expect(text).toMatch(/ERROR save failed\n {4}Error: disk full\n {5,}at /)
  })
})
