// The graph of a library: a local graph around a paper or note, by edge kind
// and depth, and the library map with its clusters and saved layout. The
// library is the fixture's Daily Papers page with notes and relations written
// here, so every expected node and edge follows from what the test wrote.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { linkEdgeKind } from '../../src/main/core/graph/graphEdges'
import {
  GRAPH_LAYOUT_FILE,
  layoutKeyOf,
  wordsFingerprint,
} from '../../src/main/core/graph/layoutFile'
import { Library } from '../../src/main/core/library'
import type { GraphEdge, GraphEdgeKind, GraphNode, LocalGraph } from '../../src/shared/model'
import { formatWikiLink } from '../../src/shared/text/wikiLinks'
import { allPapers } from './support/libraryPapers'

const FIXTURE = resolve(__dirname, '../fixtures/hf-daily-papers.txt')
const TOOLGEN = 'ToolGen: Unified Tool Retrieval and Calling via Generation'
const COMPLETENESS = 'Towards Completeness-Oriented Tool Retrieval for Large Language Models'
const VECTOR = 'Efficient and Scalable Estimation of Tool Representations in Vector Space'
const MASSIVE =
  'Data-Efficient Massive Tool Retrieval: A Reinforcement Learning Approach for Query-Tool Alignment with Language Models'
const SHORTCUT =
  'Shortcut Learning in Generalist Robot Policies: The Role of Dataset Diversity and Fragmentation'
const OXE =
  'OXE-AugE: A Large-Scale Robot Augmentation of OXE for Scaling Cross-Embodiment Policy Learning'
const GRASP = 'Learning to Grasp Anything by Playing with Random Toys'

let dir: string
let library: Library
let ids: Map<string, string>
/** The standalone note "Reading plan", which links to ToolGen. */
let planId: string

function idOf(title: string): string {
  const id = ids.get(title)
  if (id === undefined) throw new Error(`no paper titled ${title}`)
  return id
}

function link(title: string): string {
  return formatWikiLink('paper', idOf(title), title)
}

async function graphOf(title: string, depth: number, kinds?: GraphEdgeKind[]): Promise<LocalGraph> {
  const args = { kind: 'paper' as const, id: idOf(title), depth }
  return library.api.getLocalGraph(kinds === undefined ? args : { ...args, kinds })
}

/** Titles of a graph's nodes, sorted, each with its depth. */
function nodesOf(graph: LocalGraph): string[] {
  return graph.nodes.map((node) => `${node.depth ?? '?'} ${node.title}`).sort()
}

function sorted(lines: string[]): string[] {
  return [...lines].sort()
}

/** "source title -kind label-> target title" for each edge, sorted. */
function edgesOf(graph: LocalGraph): string[] {
  const titles = new Map(graph.nodes.map((node) => [node.id, node.title]))
  return graph.edges
    .map((edge: GraphEdge) => {
      const extra = edge.label === undefined ? '' : ` ${edge.label}`
      return `${titles.get(edge.source)} -${edge.kind}${extra}-> ${titles.get(edge.target)}`
    })
    .sort()
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-graph-'))
  library = await Library.open(dir)
  await library.api.importText({ text: await readFile(FIXTURE, 'utf8') })
  ids = new Map((await allPapers(library)).map((paper) => [paper.title, paper.id]))
  // A chain of notes: ToolGen -> Completeness -> Vector -> Massive.
  await library.api.saveNote({ paperId: idOf(TOOLGEN), body: `Builds on ${link(COMPLETENESS)}.` })
  await library.api.saveNote({ paperId: idOf(COMPLETENESS), body: `See ${link(VECTOR)}.` })
  await library.api.saveNote({ paperId: idOf(VECTOR), body: `Then ${link(MASSIVE)}.` })
  const plan = await library.api.createNote({
    title: 'Reading plan',
    body: `Start with ${link(TOOLGEN)}.`,
  })
  planId = plan.id
  await library.api.addRelation({ fromId: idOf(TOOLGEN), toId: idOf(GRASP), label: 'contrasts' })
})

afterEach(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

describe('the local graph', () => {
  it('follows wiki-links both ways at depth 1: the paper note’s link out and the standalone note’s link in', async () => {
    const graph = await graphOf(TOOLGEN, 1, ['wiki-link'])
    expect(graph.center).toBe(idOf(TOOLGEN))
    expect(nodesOf(graph)).toEqual(sorted([`0 ${TOOLGEN}`, `1 ${COMPLETENESS}`, '1 Reading plan']))
    expect(edgesOf(graph)).toEqual(
      sorted([`${TOOLGEN} -wiki-link-> ${COMPLETENESS}`, `Reading plan -wiki-link-> ${TOOLGEN}`]),
    )
    expect(graph.nodes.find((node) => node.id === planId)?.kind).toBe('note')
  })

  it('reaches one ring further at each depth, up to 3', async () => {
    expect(nodesOf(await graphOf(TOOLGEN, 2, ['wiki-link']))).toEqual(
      sorted([`0 ${TOOLGEN}`, `1 ${COMPLETENESS}`, '1 Reading plan', `2 ${VECTOR}`]),
    )
    const deepest = await graphOf(TOOLGEN, 3, ['wiki-link'])
    expect(nodesOf(deepest)).toEqual(
      sorted([
        `0 ${TOOLGEN}`,
        `1 ${COMPLETENESS}`,
        '1 Reading plan',
        `2 ${VECTOR}`,
        `3 ${MASSIVE}`,
      ]),
    )
    expect(edgesOf(deepest)).toContain(`${VECTOR} -wiki-link-> ${MASSIVE}`)
  })

  it('centres a standalone note, and a paper’s own note on its paper', async () => {
    const around = await library.api.getLocalGraph({
      kind: 'note',
      id: planId,
      depth: 1,
      kinds: ['wiki-link'],
    })
    expect(nodesOf(around)).toEqual([`0 Reading plan`, `1 ${TOOLGEN}`])
    const note = await library.api.getNote({ paperId: idOf(COMPLETENESS) })
    const ofNote = await library.api.getLocalGraph({
      kind: 'note',
      id: note?.id ?? '',
      depth: 1,
      kinds: ['wiki-link'],
    })
    expect(ofNote.center).toBe(idOf(COMPLETENESS))
    expect(nodesOf(ofNote)).toEqual(sorted([`0 ${COMPLETENESS}`, `1 ${TOOLGEN}`, `1 ${VECTOR}`]))
  })

  it('shows a manual relation with its label', async () => {
    const graph = await graphOf(GRASP, 1, ['relation'])
    expect(nodesOf(graph)).toEqual([`0 ${GRASP}`, `1 ${TOOLGEN}`])
    expect(edgesOf(graph)).toEqual([`${TOOLGEN} -relation contrasts-> ${GRASP}`])
  })

  it('shows similar papers with their strength, the closest as the similar-papers list has it', async () => {
    const graph = await graphOf(SHORTCUT, 1, ['similar'])
    const related = await library.api.getRelatedPapers({ id: idOf(SHORTCUT) })
    const oxe = graph.edges.find((edge) => [edge.source, edge.target].includes(idOf(OXE)))
    expect(oxe?.kind).toBe('similar')
    expect(oxe?.strength).toBe(Math.round((related[0]?.score ?? 0) * 1000) / 1000)
    expect(related[0]?.paper.title).toBe(OXE)
    // Only papers above the threshold are drawn, and none of the tool-retrieval ones.
    for (const edge of graph.edges) expect(edge.strength ?? 0).toBeGreaterThanOrEqual(0.12)
    expect(nodesOf(graph)).not.toContain(`1 ${TOOLGEN}`)
  })

  it('follows every kind when none is named, and only those named otherwise', async () => {
    const all = await graphOf(TOOLGEN, 1)
    const kinds = new Set(all.edges.map((edge) => edge.kind))
    expect([...kinds].sort()).toEqual(['relation', 'similar', 'wiki-link'])
    const linksOnly = await graphOf(TOOLGEN, 1, ['wiki-link'])
    expect(linksOnly.edges.every((edge) => edge.kind === 'wiki-link')).toBe(true)
  })

  it('reads a link recorded with the kind "citation" as a citation edge, any other kind as a wiki-link', () => {
    expect(linkEdgeKind('citation')).toBe('citation')
    expect(linkEdgeKind('wiki-link')).toBe('wiki-link')
    expect(linkEdgeKind('embed')).toBe('wiki-link')
  })

  it('leaves out a trashed paper, and what was reached only through it', async () => {
    await library.api.moveToTrash({ paperIds: [idOf(COMPLETENESS)] })
    expect(nodesOf(await graphOf(TOOLGEN, 3, ['wiki-link']))).toEqual([
      `0 ${TOOLGEN}`,
      '1 Reading plan',
    ])
  })

  it('counts each node’s edges', async () => {
    const graph = await graphOf(TOOLGEN, 1, ['wiki-link', 'relation'])
    expect(graph.nodes.find((node) => node.id === idOf(TOOLGEN))?.degree).toBe(3)
  })
})

describe('the library map', () => {
  it('holds every paper and standalone note, with clusters named by their words', async () => {
    const map = await library.api.getLibraryMap({})
    const papers = await allPapers(library)
    expect(map.nodes.filter((node) => node.kind === 'paper')).toHaveLength(papers.length)
    expect(map.nodes.filter((node) => node.kind === 'note').map((node) => node.title)).toEqual([
      'Reading plan',
    ])
    // The robot-manipulation papers fall in one cluster whose words say so.
    const robots = map.clusters.find((cluster) => cluster.nodeIds.includes(idOf(SHORTCUT)))
    expect(robots?.nodeIds).toContain(idOf(OXE))
    expect(robots?.terms).toContain('robot')
    const tools = map.clusters.find((cluster) => cluster.nodeIds.includes(idOf(TOOLGEN)))
    expect(tools?.nodeIds).toContain(idOf(COMPLETENESS))
    expect(tools?.terms.join(' ')).toMatch(/retrieval/)
  })

  it('keeps the layout in the library folder, current until the library changes', async () => {
    expect(await library.api.hasSavedMapLayout({})).toBe(false)
    const map = await library.api.getLibraryMap({})
    expect(map.layoutCurrent).toBe(false)
    expect(map.positions).toEqual({})
    const positions = Object.fromEntries(
      map.nodes.map((node, i): [string, [number, number]] => [node.id, [i, 2 * i]]),
    )
    expect(await library.api.saveGraphLayout({ layoutKey: map.layoutKey, positions })).toEqual({
      saved: true,
    })
    await library.close()
    library = await Library.open(dir)
    // The window asks this before preparing the map at idle: the map was laid out before.
    expect(await library.api.hasSavedMapLayout({})).toBe(true)
    const reopened = await library.api.getLibraryMap({})
    expect(reopened.layoutCurrent).toBe(true)
    expect(reopened.positions).toEqual(positions)
    const file = JSON.parse(await readFile(join(dir, GRAPH_LAYOUT_FILE), 'utf8')) as {
      layoutKey: string
    }
    expect(file.layoutKey).toBe(map.layoutKey)

    // A new link changes the map: the old positions still seed it, but it is not current.
    await library.api.saveNote({ paperId: idOf(MASSIVE), body: `Compare ${link(GRASP)}.` })
    const changed = await library.api.getLibraryMap({})
    expect(changed.layoutCurrent).toBe(false)
    expect(changed.layoutKey).not.toBe(map.layoutKey)
    expect(changed.positions[idOf(MASSIVE)]).toEqual(positions[idOf(MASSIVE)])
    // A layout of a map that is no more is not written.
    expect(await library.api.saveGraphLayout({ layoutKey: map.layoutKey, positions })).toEqual({
      saved: false,
    })
  })

  it('keeps a layout saved by the earlier build current: the same key and words’ fingerprint, now hashed in slices', async () => {
    // The values the one-piece hashing wrote (main before the slices): a saved layout whose
    // key changed would be laid out again from the start at the next opening.
    const nodes: GraphNode[] = [
      { id: 'p-2', kind: 'paper', title: 'B', degree: 1 },
      { id: 'p-1', kind: 'paper', title: 'A', degree: 2 },
      { id: 'n-1', kind: 'note', title: 'Plan', degree: 1 },
    ]
    const edges: GraphEdge[] = [
      { source: 'p-1', target: 'p-2', kind: 'similar', strength: 0.4 },
      { source: 'n-1', target: 'p-1', kind: 'wiki-link' },
    ]
    expect(await layoutKeyOf(nodes, edges)).toBe('4a0df3c0959948275f18454a5bd6c7bf')
    const papers = [
      { id: 'p-2', title: 'B', abstract: 'Beta.' },
      { id: 'p-1', title: 'A', abstract: 'Alpha.' },
    ]
    expect(await wordsFingerprint(papers, '3 0.12')).toBe('86515f8d389bd10f4c1081632c75849f')
  })

  it('answers a call made while the map is being prepared, and a note saved meanwhile is on the next map', async () => {
    const preparing = library.api.getLibraryMap({})
    const saving = library.api.saveNote({ paperId: idOf(MASSIVE), body: `Compare ${link(GRASP)}.` })
    const listed = library.api.listPapers({ sort: 'title', offset: 0, limit: 1 })
    await Promise.all([preparing, saving, listed])
    const next = await library.api.getLibraryMap({})
    expect(
      next.edges.filter(
        (edge) =>
          edge.kind === 'wiki-link' && edge.source === idOf(MASSIVE) && edge.target === idOf(GRASP),
      ),
    ).toHaveLength(1)
    // The note's link is a backlink of the paper it names, as before any map.
    const backlinks = await library.api.getBacklinks({ kind: 'paper', id: idOf(GRASP) })
    expect(backlinks.map((backlink) => backlink.paperId)).toContain(idOf(MASSIVE))
  })

  it('drops a trashed paper from the map and its saved positions', async () => {
    const map = await library.api.getLibraryMap({})
    await library.api.saveGraphLayout({
      layoutKey: map.layoutKey,
      positions: Object.fromEntries(map.nodes.map((node) => [node.id, [1, 2]])),
    })
    await library.api.moveToTrash({ paperIds: [idOf(GRASP)] })
    const after = await library.api.getLibraryMap({})
    expect(after.nodes.map((node) => node.id)).not.toContain(idOf(GRASP))
    expect(Object.keys(after.positions)).not.toContain(idOf(GRASP))
    expect(Object.keys(after.positions)).toHaveLength(after.nodes.length)
  })

  it('keeps its similar papers in the library folder until a paper’s words change', async () => {
    const first = await library.api.getLibraryMap({})
    const similar = first.edges.filter((edge) => edge.kind === 'similar')
    expect(similar.length).toBeGreaterThan(0)
    await library.close()
    // Mark the saved edges, so reading them back is seen.
    const path = join(dir, GRAPH_LAYOUT_FILE)
    const file = JSON.parse(await readFile(path, 'utf8')) as {
      similar: { edges: [string, string, number][] }
    }
    expect(file.similar.edges).toHaveLength(similar.length)
    for (const edge of file.similar.edges) edge[2] = 0.999
    await writeFile(path, JSON.stringify(file))
    library = await Library.open(dir)
    const reopened = await library.api.getLibraryMap({})
    const strengths = reopened.edges
      .filter((edge) => edge.kind === 'similar')
      .map((e) => e.strength)
    expect(new Set(strengths)).toEqual(new Set([0.999]))
    // A paper trashed: the papers' words changed, the edges are found again.
    await library.api.moveToTrash({ paperIds: [idOf(GRASP)] })
    const found = await library.api.getLibraryMap({})
    expect(found.edges.some((edge) => edge.kind === 'similar' && edge.strength !== 0.999)).toBe(
      true,
    )
  })

  it('keeps its clusters and their words in the library folder until the graph changes', async () => {
    const first = await library.api.getLibraryMap({})
    expect(first.clusters.length).toBeGreaterThan(0)
    await library.close()
    // Mark the saved words, so reading them back (not finding them again) is seen.
    const path = join(dir, GRAPH_LAYOUT_FILE)
    const file = JSON.parse(await readFile(path, 'utf8')) as {
      clusters: { list: { terms: string[]; nodeIds: string[] }[] }
    }
    expect(file.clusters.list.map((cluster) => cluster.nodeIds)).toEqual(
      first.clusters.map((cluster) => cluster.nodeIds),
    )
    for (const cluster of file.clusters.list) cluster.terms = ['saved words']
    await writeFile(path, JSON.stringify(file))
    library = await Library.open(dir)
    const reopened = await library.api.getLibraryMap({})
    expect(reopened.clusters.map((cluster) => cluster.terms)).toEqual(
      first.clusters.map(() => ['saved words']),
    )
    expect(reopened.clusters.map((cluster) => cluster.nodeIds)).toEqual(
      first.clusters.map((cluster) => cluster.nodeIds),
    )
    // A new link changes the graph: the clusters are found again, with their words.
    await library.api.saveNote({ paperId: idOf(MASSIVE), body: `Compare ${link(GRASP)}.` })
    const changed = await library.api.getLibraryMap({})
    const robots = changed.clusters.find((cluster) => cluster.nodeIds.includes(idOf(SHORTCUT)))
    expect(robots?.terms).toContain('robot')
  })
})
