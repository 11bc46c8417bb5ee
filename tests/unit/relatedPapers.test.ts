// Related papers on the fixture, and manual relations between papers.
//
// The topical pairs below were chosen by reading the abstracts, not by copying
// the output: the robot papers all train or evaluate robot policies (grasping,
// manipulation, cross-embodiment data); the tool-retrieval papers all pick the
// right tools for an LLM out of a large set.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BadInputError, NotFoundError } from '../../src/main/core/kernel/errors'
import { Library } from '../../src/main/core/library'
import { allPapers } from './support/libraryPapers'

const FIXTURE = resolve(__dirname, '../fixtures/hf-daily-papers.txt')

const ROBOT = {
  spotlighting:
    'Spotlighting Task-Relevant Features: Object-Centric Representations for Better Generalization in Robotic Manipulation',
  grasp: 'Learning to Grasp Anything by Playing with Random Toys',
  objectVla: 'ObjectVLA: End-to-End Open-World Object Manipulation Without Demonstration',
  fmb: 'FMB: a Functional Manipulation Benchmark for Generalizable Robotic Learning',
  shortcut:
    'Shortcut Learning in Generalist Robot Policies: The Role of Dataset Diversity and Fragmentation',
  oxe: 'OXE-AugE: A Large-Scale Robot Augmentation of OXE for Scaling Cross-Embodiment Policy Learning',
  bridge: 'Bridge Data: Boosting Generalization of Robotic Skills with Cross-Domain Datasets',
}
const TOOL_RETRIEVAL = {
  toolGen: 'ToolGen: Unified Tool Retrieval and Calling via Generation',
  vectorSpace: 'Efficient and Scalable Estimation of Tool Representations in Vector Space',
  completeness: 'Towards Completeness-Oriented Tool Retrieval for Large Language Models',
  massive:
    'Data-Efficient Massive Tool Retrieval: A Reinforcement Learning Approach for Query-Tool Alignment with Language Models',
}
const NEW_ROBOT_TITLE = 'Diverse Robot Datasets Beat Shortcut Learning in Generalist Robot Policies'
const NEW_ROBOT_LISTING = [
  'Daily Papers',
  '',
  NEW_ROBOT_TITLE,
  '',
  'Generalist robot policies trained on Open X-Embodiment learn shortcuts when sub-datasets lack diversity; we study dataset fragmentation and diversity for robot policy generalization.',
  '',
  '  • 3 authors',
  '·',
  'Jan 5, 2026',
  '',
].join('\n')
const ROBOT_TITLES: string[] = Object.values(ROBOT)
const TOOL_RETRIEVAL_TITLES: string[] = Object.values(TOOL_RETRIEVAL)

let dir: string
let library: Library
let ids: Map<string, string>

function idOf(title: string): string {
  const id = ids.get(title)
  if (id === undefined) throw new Error(`no paper titled ${title}`)
  return id
}

async function relatedTitles(title: string): Promise<string[]> {
  return (await library.api.getRelatedPapers({ id: idOf(title) })).map(
    (related) => related.paper.title,
  )
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-related-'))
  library = await Library.open(dir)
  await library.api.importText({ text: await readFile(FIXTURE, 'utf8') })
  ids = new Map((await allPapers(library)).map((paper) => [paper.title, paper.id]))
})

afterEach(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

describe('related papers', () => {
  it('are dominated by robot papers for a robot-manipulation paper', async () => {
    for (const title of [ROBOT.spotlighting, ROBOT.grasp, ROBOT.objectVla, ROBOT.fmb]) {
      const related = await relatedTitles(title)
      expect(related).toHaveLength(5)
      const robots = related.filter((other) => ROBOT_TITLES.includes(other))
      expect(robots.length, `${title}: ${related.join(' | ')}`).toBeGreaterThanOrEqual(4)
      expect(related.filter((other) => TOOL_RETRIEVAL_TITLES.includes(other))).toEqual([])
    }
  })

  it('pair papers on the same robot dataset and the same manipulation question', async () => {
    // Both study generalist policies trained on Open X-Embodiment.
    expect((await relatedTitles(ROBOT.shortcut))[0]).toBe(ROBOT.oxe)
    expect((await relatedTitles(ROBOT.oxe))[0]).toBe(ROBOT.shortcut)
    // Both are about manipulation policies generalizing to unseen objects.
    expect(await relatedTitles(ROBOT.objectVla)).toContain(ROBOT.grasp)
    expect(await relatedTitles(ROBOT.grasp)).toContain(ROBOT.objectVla)
  })

  it('are dominated by tool-retrieval papers for a tool-retrieval paper', async () => {
    for (const title of TOOL_RETRIEVAL_TITLES) {
      const related = await relatedTitles(title)
      const others = TOOL_RETRIEVAL_TITLES.filter((other) => other !== title)
      expect(related, title).toEqual(expect.arrayContaining(others))
      expect(related.filter((other) => ROBOT_TITLES.includes(other))).toEqual([])
    }
  })

  it('take in a paper imported while they are first being computed', async () => {
    const first = library.api.getRelatedPapers({ id: idOf(ROBOT.shortcut) })
    const imported = library.api.importText({ text: NEW_ROBOT_LISTING })
    await Promise.all([first, imported])
    expect((await relatedTitles(ROBOT.shortcut))[0]).toBe(NEW_ROBOT_TITLE)
  })

  it('come with a similarity in (0, 1], best first, never the paper itself', async () => {
    const related = await library.api.getRelatedPapers({ id: idOf(ROBOT.grasp), limit: 10 })
    expect(related).toHaveLength(10)
    const scores = related.map((entry) => entry.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    for (const score of scores) expect(score > 0 && score <= 1).toBe(true)
    expect(related.map((entry) => entry.paper.id)).not.toContain(idOf(ROBOT.grasp))
  })

  it('follow the library: a trashed paper drops out, a new one comes in', async () => {
    expect(await relatedTitles(ROBOT.shortcut)).toContain(ROBOT.oxe)
    await library.api.moveToTrash({ paperIds: [idOf(ROBOT.oxe)] })
    expect(await relatedTitles(ROBOT.shortcut)).not.toContain(ROBOT.oxe)
    await library.api.importText({ text: NEW_ROBOT_LISTING })
    expect((await relatedTitles(ROBOT.shortcut))[0]).toBe(NEW_ROBOT_TITLE)
  })
})

describe('manual relations', () => {
  it('are shown on both papers, with their label and direction, and survive a reopen', async () => {
    const from = idOf(ROBOT.oxe)
    const to = idOf(ROBOT.bridge)
    const relation = await library.api.addRelation({ fromId: from, toId: to, label: ' extends ' })
    expect(relation).toMatchObject({ fromId: from, toId: to, label: 'extends' })

    expect(
      (await library.api.listRelations({ paperId: from })).map((v) => [v.direction, v.other.title]),
    ).toEqual([['outgoing', ROBOT.bridge]])
    expect(
      (await library.api.listRelations({ paperId: to })).map((v) => [v.direction, v.other.title]),
    ).toEqual([['incoming', ROBOT.oxe]])

    await library.api.updateRelation({ id: relation.id, label: 'contradicts' })
    await library.close()
    library = await Library.open(dir)
    const [view] = await library.api.listRelations({ paperId: to })
    expect(view?.relation).toEqual({ ...relation, label: 'contradicts' })

    // A blank label removes it.
    expect(
      (await library.api.updateRelation({ id: relation.id, label: ' ' })).label,
    ).toBeUndefined()
  })

  it('are removed from both papers', async () => {
    const relation = await library.api.addRelation({
      fromId: idOf(ROBOT.fmb),
      toId: idOf(ROBOT.grasp),
    })
    await library.api.removeRelation({ id: relation.id })
    expect(await library.api.listRelations({ paperId: idOf(ROBOT.fmb) })).toEqual([])
    expect(await library.api.listRelations({ paperId: idOf(ROBOT.grasp) })).toEqual([])
    await expect(library.api.removeRelation({ id: relation.id })).rejects.toThrow(NotFoundError)
  })

  it('leave no dangling link when a paper is trashed, and come back when it is restored', async () => {
    await library.api.addRelation({
      fromId: idOf(ROBOT.fmb),
      toId: idOf(ROBOT.grasp),
      label: 'uses',
    })
    await library.api.moveToTrash({ paperIds: [idOf(ROBOT.grasp)] })
    expect(await library.api.listRelations({ paperId: idOf(ROBOT.fmb) })).toEqual([])
    await expect(
      library.api.addRelation({ fromId: idOf(ROBOT.fmb), toId: idOf(ROBOT.grasp) }),
    ).rejects.toThrow(BadInputError)
    await library.api.restoreFromTrash({ paperIds: [idOf(ROBOT.grasp)] })
    expect(
      (await library.api.listRelations({ paperId: idOf(ROBOT.fmb) })).map((v) => v.relation.label),
    ).toEqual(['uses'])
  })

  it('refuse a paper related to itself, a pair related twice, and unknown papers', async () => {
    const a = idOf(ROBOT.fmb)
    const b = idOf(ROBOT.grasp)
    await expect(library.api.addRelation({ fromId: a, toId: a })).rejects.toThrow(BadInputError)
    await library.api.addRelation({ fromId: a, toId: b })
    await expect(library.api.addRelation({ fromId: b, toId: a })).rejects.toThrow(/already related/)
    await expect(library.api.addRelation({ fromId: a, toId: 'nope' })).rejects.toThrow(
      NotFoundError,
    )
  })
})

describe('paper trash', () => {
  it('hides a trashed paper from the list and its position, and restores it', async () => {
    const id = idOf(ROBOT.fmb)
    await library.api.moveToTrash({ paperIds: [id] })
    expect((await library.api.listPapers({ offset: 0, limit: 100 })).total).toBe(52)
    expect(await library.api.indexOfPaper({ id })).toBe(-1)
    await library.api.restoreFromTrash({ paperIds: [id] })
    const index = await library.api.indexOfPaper({ id, sort: 'title' })
    const page = await library.api.listPapers({ offset: index, limit: 1, sort: 'title' })
    expect(page.items[0]?.id).toBe(id)
  })
})
