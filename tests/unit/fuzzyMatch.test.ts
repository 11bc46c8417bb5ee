// What a user sees after typing a few letters: the command palette (Ctrl/Cmd+K)
// and the `[[` link autocomplete rank titles with the one matcher of
// src/shared/text/fuzzyMatch.ts, over the real core and the Daily Papers page.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMAND_IDS, COMMANDS } from '../../src/shared/commands'
import { fuzzyMatch, fuzzyQuery } from '../../src/shared/text/fuzzyMatch'
import { Library } from '../../src/main/core/library'

const FIXTURE = resolve(__dirname, '../fixtures/hf-daily-papers.txt')
const TOOLRL = 'ToolRL: Reward is All Tool Learning Needs'
const TOOLGEN = 'ToolGen: Unified Tool Retrieval and Calling via Generation'
const MIGE =
  'MIGE: A Unified Framework for Multimodal Instruction-Based Image Generation and Editing'
const OXE =
  'OXE-AugE: A Large-Scale Robot Augmentation of OXE for Scaling Cross-Embodiment Policy Learning'

let dir: string
let library: Library

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-fuzzy-'))
  library = await Library.open(dir)
  await library.api.importText({ text: await readFile(FIXTURE, 'utf8') })
})

afterAll(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

/**
 * The palette's list for what was typed, as CommandPalette builds it: commands
 * and the window's own titles (collections by path, standalone notes) matched
 * in the renderer, paper titles matched in main, all ranked by one score.
 */
async function palette(typed: string, places: readonly string[] = []): Promise<string[]> {
  const wanted = fuzzyQuery(typed)
  const papers = (await library.api.findByTitle({ query: wanted, limit: 30 })).map((m) => m.title)
  const titles = [...COMMAND_IDS.map((id) => COMMANDS[id].title), ...places, ...papers]
  return titles
    .flatMap((title) => {
      const found = fuzzyMatch(wanted, title)
      return found === null ? [] : [{ title, score: found.score }]
    })
    .sort((a, b) => b.score - a.score)
    .map(({ title }) => title)
}

/** The `[[` autocomplete's list for what was typed after the brackets. */
async function afterBrackets(typed: string): Promise<string[]> {
  return (await library.api.suggestLinkTargets({ query: typed })).map((target) => target.title)
}

describe('typing a few letters of a title', () => {
  it("typing 'tool rl' offers ToolRL first, in the palette and after [[", async () => {
    expect((await palette('tool rl'))[0]).toBe(TOOLRL)
    expect((await afterBrackets('tool rl'))[0]).toBe(TOOLRL)
  })

  it("typing 'toolrl' as one word offers ToolRL first, in both places", async () => {
    expect((await palette('toolrl'))[0]).toBe(TOOLRL)
    expect((await afterBrackets('toolrl'))[0]).toBe(TOOLRL)
  })

  it("typing 'toolgen unif' or 'oxe aug' offers that paper first, in both places", async () => {
    for (const [typed, title] of [
      ['toolgen unif', TOOLGEN],
      ['oxe aug', OXE],
    ] as const) {
      expect((await palette(typed))[0]).toBe(title)
      expect((await afterBrackets(typed))[0]).toBe(title)
    }
  })

  it("typing 'mig' offers MIGE first in the palette, with those three letters marked", async () => {
    expect((await palette('mig'))[0]).toBe(MIGE)
    expect(fuzzyMatch(fuzzyQuery('mig'), MIGE)?.ranges).toEqual([{ start: 0, end: 3 }])
  })

  it("typing 'tlgn' finds ToolGen by letters in order, the G starting a word inside 'ToolGen'", async () => {
    expect((await afterBrackets('tlgn')).slice(0, 3)).toContain(TOOLGEN)
    expect((await palette('tlgn')).slice(0, 3)).toContain(TOOLGEN)
  })

  it('typing the words of a title in another order still finds it', () => {
    const title = 'Tool retrieval reading list'
    const ranges = (typed: string) => fuzzyMatch(fuzzyQuery(typed), title)?.ranges
    expect(ranges('list retrieval')).toEqual(ranges('retrieval list'))
    expect(ranges('retrieval list')).toEqual([
      { start: 5, end: 14 },
      { start: 23, end: 27 },
    ])
  })

  it('typing a letter the title does not hold finds nothing, and typing nothing offers no title', async () => {
    expect(await palette('zzqx')).toEqual([])
    expect(await afterBrackets('zzqx')).toEqual([])
    expect(await library.api.findByTitle({ query: '   ', limit: 5 })).toEqual([])
  })

  it("typing 'tlret' in the palette offers the collection 'Tool learning › Retrieval' before any paper", async () => {
    expect((await palette('tlret', ['Tool learning › Retrieval', 'Surveys']))[0]).toBe(
      'Tool learning › Retrieval',
    )
  })

  it("typing 'reading group' offers the note 'Reading group plan' before any paper", async () => {
    expect((await palette('reading group', ['Reading group plan']))[0]).toBe('Reading group plan')
  })

  it("typing 'theme dark' or 'keyboard shortcuts' offers that command first", async () => {
    expect((await palette('theme dark'))[0]).toBe('Theme: dark')
    expect((await palette('keyboard shortcuts'))[0]).toBe('Keyboard shortcuts')
  })

  it('between two titles matched alike, the shorter one comes first', () => {
    const short = fuzzyMatch('tool', 'Tool use')
    const long = fuzzyMatch('tool', 'Tool use in large language models')
    expect(short?.score).toBeGreaterThan(long?.score ?? Infinity)
  })
})
