// `offprint graph ID [--depth N] [--json]`: the local graph of a paper or note;
// `offprint graph --all [--json]`: the whole library's. JSON: nodes (id, kind,
// title) and edges (source, target, kind, label or strength).
import type { GraphEdge, GraphNode } from '../../../shared/model'
import type { Command } from '../commandLine'
import { oneLine, printJson } from '../io'
import { withExistingLibrary } from '../session'
import { noOperands, oneOperand } from './operands'
import { forPaperOrNote } from './paperOrNote'

export const graphCommand: Command = async (line, io) => {
  if (line.all) {
    noOperands(line, 'graph --all', 'operand')
    return withExistingLibrary(line, io, async (session) => {
      const map = await session.call('getLibraryMap', {})
      const graph = {
        nodes: map.nodes.map(nodeJson),
        edges: map.edges.map(edgeJson),
        clusters: map.clusters.map(({ terms, nodeIds }) => ({ terms, nodeIds })),
      }
      if (line.json) printJson(io, graph)
      else printLines(io, graph.nodes, graph.edges)
      return 0
    })
  }
  const id = oneOperand(line, 'graph', 'id')
  return withExistingLibrary(line, io, async (session) => {
    const depth = line.depth ?? 2
    const local = await forPaperOrNote(id, (kind) =>
      session.request('getLocalGraph', { kind, id, depth }),
    )
    const { center, nodes, edges } = local
    const graph = { center, depth, nodes: nodes.map(nodeJson), edges: edges.map(edgeJson) }
    if (line.json) printJson(io, graph)
    else printLines(io, graph.nodes, graph.edges)
    return 0
  })
}

interface NodeJson {
  id: string
  kind: GraphNode['kind']
  title: string
  depth?: number
}

function nodeJson(node: GraphNode): NodeJson {
  const json: NodeJson = { id: node.id, kind: node.kind, title: node.title }
  if (node.depth !== undefined) json.depth = node.depth
  return json
}

function edgeJson(edge: GraphEdge): GraphEdge {
  const json: GraphEdge = { source: edge.source, target: edge.target, kind: edge.kind }
  if (edge.label !== undefined) json.label = edge.label
  if (edge.strength !== undefined) json.strength = edge.strength
  return json
}

/** "paper  Title  (id)" per node, then "source -kind-> target" per edge (with its label or strength). */
function printLines(
  io: Parameters<Command>[1],
  nodes: readonly NodeJson[],
  edges: readonly GraphEdge[],
): void {
  const titles = new Map(nodes.map((node) => [node.id, oneLine(node.title)]))
  for (const node of nodes) io.out(`${node.kind}  ${oneLine(node.title)}  (${node.id})`)
  for (const edge of edges) {
    const extra = edge.label ?? (edge.strength === undefined ? '' : edge.strength.toFixed(2))
    io.out(
      `${titles.get(edge.source) ?? edge.source}  -${edge.kind}${extra === '' ? '' : ` ${extra}`}->  ${titles.get(edge.target) ?? edge.target}`,
    )
  }
}
