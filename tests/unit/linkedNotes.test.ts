// Standalone notes, wiki-link resolution and backlinks, on the real core over
// a temporary library folder.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatWikiLink } from '../../src/shared/text/wikiLinks'
import { BadInputError, NotFoundError } from '../../src/main/core/kernel/errors'
import { Library } from '../../src/main/core/library'
import { allPapers } from './support/libraryPapers'
import { steppingClock } from './support/steppingClock'

const FIXTURE = resolve(__dirname, '../fixtures/hf-daily-papers.txt')
const TOOLRL = 'ToolRL: Reward is All Tool Learning Needs'
const TOOLGEN = 'ToolGen: Unified Tool Retrieval and Calling via Generation'

let dir: string
let library: Library
let ids: Map<string, string>

function idOf(title: string): string {
  const id = ids.get(title)
  if (id === undefined) throw new Error(`no paper titled ${title}`)
  return id
}

async function open(): Promise<Library> {
  return Library.open(dir, { now: steppingClock() })
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-links-'))
  library = await open()
  await library.api.importText({ text: await readFile(FIXTURE, 'utf8') })
  ids = new Map((await allPapers(library)).map((paper) => [paper.title, paper.id]))
})

afterEach(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

describe('standalone notes', () => {
  it('creates, renames, edits, searches, trashes and restores, and keeps them across a reopen', async () => {
    const plan = await library.api.createNote({
      title: '  Reading   plan ',
      body: 'Week one: tools.',
    })
    expect(plan).toMatchObject({ title: 'Reading plan', body: 'Week one: tools.' })
    expect(plan.paperId).toBeUndefined()
    const survey = await library.api.createNote({ title: 'Survey of robot learning' })

    const renamed = await library.api.updateNote({ id: plan.id, title: 'Tool learning plan' })
    expect(renamed.title).toBe('Tool learning plan')
    await library.api.updateNote({ id: survey.id, body: 'Grasping and **manipulation** papers.' })

    expect((await library.api.listNotes({})).map((note) => note.title)).toEqual([
      'Survey of robot learning',
      'Tool learning plan',
    ])
    // Title matches first, then body matches; case and punctuation do not matter.
    expect((await library.api.listNotes({ query: 'TOOL' })).map((note) => note.title)).toEqual([
      'Tool learning plan',
    ])
    const byBody = await library.api.listNotes({ query: 'manipulation' })
    expect(byBody.map((note) => [note.title, note.excerpt])).toEqual([
      ['Survey of robot learning', 'Grasping and manipulation papers.'],
    ])

    await library.api.moveToTrash({ noteIds: [survey.id] })
    expect((await library.api.listNotes({})).map((note) => note.title)).toEqual([
      'Tool learning plan',
    ])
    expect((await library.api.listTrash({})).notes.map((note) => note.title)).toEqual([
      'Survey of robot learning',
    ])
    await expect(library.api.updateNote({ id: survey.id, body: 'x' })).rejects.toThrow(
      BadInputError,
    )
    await library.close()

    library = await open()
    expect((await library.api.listTrash({})).notes.map((note) => note.id)).toEqual([survey.id])
    await library.api.restoreFromTrash({ noteIds: [survey.id] })
    expect((await library.api.listNotes({})).map((note) => note.title).sort()).toEqual([
      'Survey of robot learning',
      'Tool learning plan',
    ])
  })

  it('refuses a blank title, renaming a paper note, and unknown ids', async () => {
    const note = await library.api.createNote({ title: '' })
    expect(note.title).toBe('Untitled')
    await expect(library.api.updateNote({ id: note.id, title: '   ' })).rejects.toThrow(
      BadInputError,
    )
    const paperNote = await library.api.saveNote({ paperId: idOf(TOOLRL), body: 'hi' })
    await expect(library.api.updateNote({ id: paperNote.id, title: 'Mine' })).rejects.toThrow(
      BadInputError,
    )
    await expect(library.api.getNoteById({ id: 'nope' })).rejects.toThrow(NotFoundError)
    expect((await library.api.getNoteById({ id: paperNote.id })).paperId).toBe(idOf(TOOLRL))
  })
})

describe('wiki-links', () => {
  it('resolve by id to the current title, so a rename never breaks them', async () => {
    const target = await library.api.createNote({ title: 'Reward shaping' })
    const link = formatWikiLink('note', target.id, target.title)
    const source = await library.api.createNote({ title: 'Index', body: `See ${link}.` })
    await library.api.updateNote({ id: target.id, title: 'Reward design, revisited' })

    expect(
      await library.api.resolveLinkTargets({ targets: [{ kind: 'note', id: target.id }] }),
    ).toEqual([{ kind: 'note', id: target.id, title: 'Reward design, revisited' }])
    // The body is not rewritten; the backlink still finds the note under its new name.
    expect((await library.api.getNoteById({ id: source.id })).body).toBe(`See ${link}.`)
    const backlinks = await library.api.getBacklinks({ kind: 'note', id: target.id })
    expect(backlinks.map((backlink) => backlink.noteTitle)).toEqual(['Index'])
    expect(backlinks[0]?.contexts).toEqual([
      { before: 'See ', link: 'Reward design, revisited', after: '.' },
    ])
  })

  it('resolve hand-typed titles, ignoring case and punctuation, papers before notes', async () => {
    const note = await library.api.createNote({ title: 'My reading plan' })
    const resolved = await library.api.resolveLinkTargets({
      targets: [
        { kind: 'title', title: 'toolrl reward is all tool learning needs' },
        { kind: 'title', title: 'My Reading Plan!' },
        { kind: 'title', title: 'No such thing' },
        { kind: 'paper', id: 'missing-id' },
      ],
    })
    expect(resolved).toEqual([
      { kind: 'paper', id: idOf(TOOLRL), title: TOOLRL, published: '2025-04-16' },
      { kind: 'note', id: note.id, title: 'My reading plan' },
      null,
      null,
    ])
  })

  it('read as broken once the target is trashed, and whole again once restored', async () => {
    const paperId = idOf(TOOLGEN)
    const note = await library.api.createNote({ title: 'x' })
    const targets = [
      { kind: 'paper', id: paperId },
      { kind: 'note', id: note.id },
    ] as const
    await library.api.moveToTrash({ paperIds: [paperId] })
    await library.api.moveToTrash({ noteIds: [note.id] })
    expect(await library.api.resolveLinkTargets({ targets: [...targets] })).toEqual([null, null])
    await library.api.restoreFromTrash({ paperIds: [paperId] })
    await library.api.restoreFromTrash({ noteIds: [note.id] })
    expect(
      (await library.api.resolveLinkTargets({ targets: [...targets] })).map((t) => t?.title),
    ).toEqual([TOOLGEN, 'x'])
  })

  it('read as broken once the target is deleted for good, the linking text left as written', async () => {
    const paperId = idOf(TOOLGEN)
    const target = await library.api.createNote({ title: 'Retrieval ideas' })
    const body = `Compare ${formatWikiLink('paper', paperId, TOOLGEN)} and ${formatWikiLink('note', target.id, target.title)}, or [[${TOOLGEN}]].`
    const source = await library.api.createNote({ title: 'Index', body })
    expect(
      (await library.api.getBacklinks({ kind: 'paper', id: paperId })).map((b) => b.noteTitle),
    ).toEqual(['Index'])

    await library.api.moveToTrash({ paperIds: [paperId], noteIds: [target.id] })
    await library.api.deleteForever({ paperIds: [paperId], noteIds: [target.id] })
    expect((await allPapers(library)).some((paper) => paper.id === paperId)).toBe(false)
    // Nothing rewrote the note that links to them: its links now lead nowhere.
    expect((await library.api.getNoteById({ id: source.id })).body).toBe(body)
    expect(
      await library.api.resolveLinkTargets({
        targets: [
          { kind: 'paper', id: paperId },
          { kind: 'note', id: target.id },
          { kind: 'title', title: TOOLGEN },
        ],
      }),
    ).toEqual([null, null, null])
    // Deleting the linking note for good takes its backlinks with it.
    const toolRl = idOf(TOOLRL)
    const linking = await library.api.createNote({
      title: 'Gone soon',
      body: formatWikiLink('paper', toolRl, TOOLRL),
    })
    expect((await library.api.getBacklinks({ kind: 'paper', id: toolRl })).length).toBe(1)
    await library.api.moveToTrash({ noteIds: [linking.id] })
    await library.api.deleteForever({ noteIds: [linking.id] })
    expect(await library.api.getBacklinks({ kind: 'paper', id: toolRl })).toEqual([])

    // The same holds after the library is opened again.
    await library.close()
    library = await open()
    expect((await library.api.getNoteById({ id: source.id })).body).toBe(body)
    expect(
      await library.api.resolveLinkTargets({ targets: [{ kind: 'paper', id: paperId }] }),
    ).toEqual([null])
  })

  it('suggest papers and notes by fuzzy title, best first', async () => {
    await library.api.createNote({ title: 'Tool retrieval reading list' })
    const titles = async (query: string, kind?: 'paper' | 'note'): Promise<string[]> =>
      (await library.api.suggestLinkTargets({ query, limit: 3, ...(kind ? { kind } : {}) })).map(
        (target) => target.title,
      )
    expect((await titles('toolrl'))[0]).toBe(TOOLRL)
    // Letters in order across words: "tlgn" finds ToolGen.
    expect(await titles('tlgn', 'paper')).toContain(TOOLGEN)
    expect((await titles('retrieval list'))[0]).toBe('Tool retrieval reading list')
    expect(await titles('tool retrieval', 'paper')).toEqual(
      expect.arrayContaining([
        'Towards Completeness-Oriented Tool Retrieval for Large Language Models',
      ]),
    )
    expect(await titles('zzqx')).toEqual([])
    // No query: the latest notes, then the newest papers.
    expect((await titles(''))[0]).toBe('Tool retrieval reading list')
  })
})

describe('backlinks', () => {
  it('follow note edits: added, moved to another sentence, removed', async () => {
    const paperId = idOf(TOOLRL)
    const link = formatWikiLink('paper', paperId, TOOLRL)
    const note = await library.api.createNote({
      title: 'Reward design',
      body: `# Reward design\n\nGRPO is fine. The rewards in ${link} are fine-grained! Other text.`,
    })
    const contextsOf = async (): Promise<unknown> =>
      (await library.api.getBacklinks({ kind: 'paper', id: paperId })).map((b) => [
        b.noteTitle,
        b.contexts,
      ])
    expect(await contextsOf()).toEqual([
      ['Reward design', [{ before: 'The rewards in ', link: TOOLRL, after: ' are fine-grained!' }]],
    ])

    await library.api.updateNote({
      id: note.id,
      body: `- first item\n- compare ${link} with PPO\n`,
    })
    expect(await contextsOf()).toEqual([
      ['Reward design', [{ before: 'compare ', link: TOOLRL, after: ' with PPO' }]],
    ])

    await library.api.updateNote({ id: note.id, body: 'No links any more.' })
    expect(await contextsOf()).toEqual([])
  })

  it('come from paper notes and standalone notes, by id and by title, newest first', async () => {
    const paperId = idOf(TOOLGEN)
    await library.api.saveNote({
      paperId: idOf(TOOLRL),
      body: `Unlike [[toolgen: unified tool retrieval and calling via generation]], it uses RL.`,
    })
    await library.api.createNote({
      title: 'Retrieval',
      body: `Two mentions: ${formatWikiLink('paper', paperId, 'old title')} here.\n\nAnd [[paper:${paperId}]] there.`,
    })
    const backlinks = await library.api.getBacklinks({ kind: 'paper', id: paperId })
    expect(backlinks.map((b) => [b.noteTitle, b.paperId, b.contexts.length])).toEqual([
      ['Retrieval', undefined, 2],
      [TOOLRL, idOf(TOOLRL), 1],
    ])
    expect(backlinks[1]?.contexts[0]).toEqual({
      before: 'Unlike ',
      link: TOOLGEN,
      after: ', it uses RL.',
    })
  })

  it('disappear when the linking note or its paper is trashed, and return on restore', async () => {
    const paperId = idOf(TOOLGEN)
    const link = formatWikiLink('paper', paperId, TOOLGEN)
    const standalone = await library.api.createNote({ title: 'Standalone', body: link })
    await library.api.saveNote({ paperId: idOf(TOOLRL), body: link })
    const sources = async (): Promise<string[]> =>
      (await library.api.getBacklinks({ kind: 'paper', id: paperId }))
        .map((b) => b.noteTitle)
        .sort()
    expect(await sources()).toEqual(['Standalone', TOOLRL])
    await library.api.moveToTrash({ noteIds: [standalone.id] })
    await library.api.moveToTrash({ paperIds: [idOf(TOOLRL)] })
    expect(await sources()).toEqual([])
    await library.api.restoreFromTrash({ noteIds: [standalone.id] })
    await library.api.restoreFromTrash({ paperIds: [idOf(TOOLRL)] })
    expect(await sources()).toEqual(['Standalone', TOOLRL])
  })

  it('stay through a star, a tag or a status change of either paper, which change no note', async () => {
    const paperId = idOf(TOOLGEN)
    const link = formatWikiLink('paper', paperId, TOOLGEN)
    await library.api.saveNote({ paperId: idOf(TOOLRL), body: link })
    const titles = async (query: string): Promise<string[]> =>
      (await library.api.suggestLinkTargets({ query, kind: 'paper' })).map((target) => target.title)
    expect(await titles('toolgen')).toContain(TOOLGEN)
    for (const id of [paperId, idOf(TOOLRL)]) {
      await library.api.setStarred({ paperIds: [id], starred: true })
      await library.api.tagPapers({ paperIds: [id], add: ['tools'] })
      await library.api.setStatus({ paperIds: [id], status: 'reading' })
    }
    expect((await library.api.getNote({ paperId: idOf(TOOLRL) }))?.body).toBe(link)
    expect(
      (await library.api.getBacklinks({ kind: 'paper', id: paperId })).map((b) => b.noteTitle),
    ).toEqual([TOOLRL])
    expect(await titles('toolgen')).toContain(TOOLGEN)
  })

  it('are rebuilt from note bodies when the library is opened again', async () => {
    const paperId = idOf(TOOLGEN)
    await library.api.createNote({
      title: 'Kept',
      body: `about ${formatWikiLink('paper', paperId, 'x')}`,
    })
    await library.close()
    library = await open()
    expect(
      (await library.api.getBacklinks({ kind: 'paper', id: paperId })).map((b) => b.noteTitle),
    ).toEqual(['Kept'])
  })

  it('ignore links in code, and a paper note linking to its own paper', async () => {
    const paperId = idOf(TOOLGEN)
    const link = formatWikiLink('paper', paperId, TOOLGEN)
    await library.api.createNote({ title: 'Code', body: `\`${link}\`\n\n\`\`\`\n${link}\n\`\`\`` })
    await library.api.saveNote({ paperId, body: `This is ${link}.` })
    expect(await library.api.getBacklinks({ kind: 'paper', id: paperId })).toEqual([])
  })
})
