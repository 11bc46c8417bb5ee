// The `[[` autocomplete as a user types: each keystroke starts from the
// papers the last one matched. Whatever the path of keystrokes (letters
// added, a word added, a backspace, a pasted query), the answer is the one a
// fresh search for the same text gives.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Note, Paper } from '../../src/shared/model'
import { LinkTargets } from '../../src/main/core/links/linkTargets'
import { parseHfListing } from '../../src/main/core/imports/hfListing'

const FIXTURE = resolve(__dirname, '../fixtures/hf-daily-papers.txt')

let papers: Paper[]

function targetsOver(notes: Note[] = []): LinkTargets {
  return new LinkTargets({
    papers: () => papers.values(),
    notes: () => notes.values(),
    paper: (id) => papers.find((paper) => paper.id === id),
    note: (id) => notes.find((note) => note.id === id),
    newestPapers: () => papers,
  })
}

beforeAll(async () => {
  const listing = parseHfListing(await readFile(FIXTURE, 'utf8'), { today: '2026-02-10' })
  papers = listing.papers.map((entry, index) => ({
    id: `p${index}`,
    title: entry.title,
    abstract: entry.abstract,
    authors: [],
    links: [],
    tags: [],
    upvotes: 0,
    status: 'unread',
    starred: false,
    addedAt: '2026-02-10T00:00:00.000Z',
    updatedAt: '2026-02-10T00:00:00.000Z',
    source: { format: 'hf-daily-papers', importedAt: '2026-02-10T00:00:00.000Z' },
  }))
})

/** The titles offered after each of `typed`, one LinkTargets for the whole typing. */
function typing(targets: LinkTargets, typed: readonly string[]): string[][] {
  return typed.map((query) => targets.suggest(query, 8).map((target) => target.title))
}

describe('the [[ autocomplete, keystroke by keystroke', () => {
  it('offers what a fresh search offers, letter by letter, word by word, and after backspaces', () => {
    const typed = [
      't',
      'to',
      'too',
      'tool',
      'tool ',
      'tool r',
      'tool re',
      'tool ret',
      'tool retr',
      'tool ret',
      'tool',
      'tool l',
      'tool learning',
      'rl tool',
      'r',
      'ro',
      'rob',
      'robot pol',
      'oxe aug',
      'oxe augx',
      'oxe',
      'x',
      'xq',
      '',
    ]
    const live = typing(targetsOver(), typed)
    const fresh = typed.map((query) => typing(targetsOver(), [query])[0])
    expect(live).toEqual(fresh)
    const offered = (query: string): string[] => live[typed.indexOf(query)] ?? []
    expect(offered('tool retr')[0]).toBe(
      'ToolGen: Unified Tool Retrieval and Calling via Generation',
    )
    expect(offered('qzx')).toEqual([]) // no title has these letters in order
  })

  it('starts again from every paper once the titles change (forget)', () => {
    const targets = targetsOver()
    expect(targets.suggest('grokking', 8).map((target) => target.id)).toHaveLength(1)
    const [first] = papers
    if (first === undefined) throw new Error('the fixture has no papers')
    const before = first.title
    first.title = 'Grokking again: a renamed paper'
    targets.forget()
    expect(targets.suggest('grokking', 8)).toHaveLength(2)
    first.title = before
  })
})
