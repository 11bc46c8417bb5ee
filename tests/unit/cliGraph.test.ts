// `offprint graph ID --depth N --json` and `graph --all --json`, on a library
// whose links and relation the test writes through the core (the CLI has no
// note command of its own here).
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import type { GraphEdge } from '../../src/shared/model'
import { formatWikiLink } from '../../src/shared/text/wikiLinks'
import { runCliOn } from './support/cliRun'
import type { CliRun } from './support/cliRun'
import { allPapers } from './support/libraryPapers'

const FIXTURE = resolve(__dirname, '../fixtures/hf-daily-papers.txt')
const TOOLGEN = 'ToolGen: Unified Tool Retrieval and Calling via Generation'
const COMPLETENESS = 'Towards Completeness-Oriented Tool Retrieval for Large Language Models'
const VECTOR = 'Efficient and Scalable Estimation of Tool Representations in Vector Space'
const GRASP = 'Learning to Grasp Anything by Playing with Random Toys'

interface GraphJson {
  center?: string
  depth?: number
  nodes: { id: string; kind: string; title: string; depth?: number }[]
  edges: GraphEdge[]
  clusters?: { terms: string[]; nodeIds: string[] }[]
}

let dir: string
let ids: Map<string, string>
/** A standalone note only Completeness's note links to: two steps from ToolGen. */
let outlineId: string

const cli = (...args: string[]): Promise<CliRun> => runCliOn(dir, ...args)

function idOf(title: string): string {
  const id = ids.get(title)
  if (id === undefined) throw new Error(`no paper titled ${title}`)
  return id
}

async function graphJson(...args: string[]): Promise<GraphJson> {
  const run = await cli('graph', ...args, '--json')
  expect(run.stderr).toEqual([])
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout.join('\n')) as GraphJson
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-cli-graph-'))
  const library = await Library.open(dir)
  await library.api.importText({ text: await readFile(FIXTURE, 'utf8') })
  ids = new Map((await allPapers(library)).map((paper) => [paper.title, paper.id]))
  const link = (title: string): string => formatWikiLink('paper', idOf(title), title)
  await library.api.saveNote({ paperId: idOf(TOOLGEN), body: `Builds on ${link(COMPLETENESS)}.` })
  const outline = await library.api.createNote({ title: 'Survey outline' })
  outlineId = outline.id
  await library.api.saveNote({
    paperId: idOf(COMPLETENESS),
    body: `See ${link(VECTOR)} and ${formatWikiLink('note', outline.id, 'Survey outline')}.`,
  })
  await library.api.addRelation({ fromId: idOf(TOOLGEN), toId: idOf(GRASP), label: 'contrasts' })
  await library.close()
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('CLI: graph', () => {
  it('prints a paper’s neighbours to depth 2 as JSON: nodes with id, kind and title, edges with kind and label or strength', async () => {
    const graph = await graphJson(idOf(TOOLGEN), '--depth', '2')
    expect(graph.center).toBe(idOf(TOOLGEN))
    expect(graph.depth).toBe(2)
    const byId = new Map(graph.nodes.map((node) => [node.id, node]))
    expect(byId.get(idOf(TOOLGEN))).toEqual({
      id: idOf(TOOLGEN),
      kind: 'paper',
      title: TOOLGEN,
      depth: 0,
    })
    expect(byId.get(idOf(COMPLETENESS))?.depth).toBe(1)
    expect(byId.get(outlineId)).toEqual({
      id: outlineId,
      kind: 'note',
      title: 'Survey outline',
      depth: 2,
    })
    expect(graph.edges).toContainEqual({
      source: idOf(TOOLGEN),
      target: idOf(COMPLETENESS),
      kind: 'wiki-link',
    })
    expect(graph.edges).toContainEqual({
      source: idOf(TOOLGEN),
      target: idOf(GRASP),
      kind: 'relation',
      label: 'contrasts',
    })
    const similar = graph.edges.filter((edge) => edge.kind === 'similar')
    expect(similar.length).toBeGreaterThan(0)
    for (const edge of similar) expect(edge.strength).toBeGreaterThan(0)
  })

  it('stops at depth 1 when asked', async () => {
    const graph = await graphJson(idOf(TOOLGEN), '--depth', '1')
    expect(graph.nodes.map((node) => node.id)).not.toContain(outlineId)
    expect(graph.nodes.map((node) => node.id)).toContain(idOf(COMPLETENESS))
  })

  it('prints the whole library with --all', async () => {
    const graph = await graphJson('--all')
    expect(graph.nodes).toHaveLength(ids.size + 1)
    expect(graph.edges).toContainEqual({
      source: idOf(COMPLETENESS),
      target: idOf(VECTOR),
      kind: 'wiki-link',
    })
    expect(graph.clusters?.some((cluster) => cluster.terms.includes('robot'))).toBe(true)
  })

  it('refuses a depth outside 1–3 and an unknown id, changing nothing', async () => {
    const deep = await cli('graph', idOf(TOOLGEN), '--depth', '4')
    expect(deep.code).not.toBe(0)
    expect(deep.stderr.join('\n')).toMatch('--depth must be a whole number from 1 to 3')
    const unknown = await cli('graph', 'nope', '--json')
    expect(unknown.code).not.toBe(0)
    expect(unknown.stderr.join('\n')).toMatch('no paper or note with id "nope" in this library')
  })
})
