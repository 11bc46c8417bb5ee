// A collection's path and the tree as a depth-first list: one builder
// (src/shared/model/collectionPaths.ts) for the core's records and the
// sidebar's nodes, safe on hand-edited files.
import { describe, expect, it } from 'vitest'
import {
  bySiblingOrder,
  collectionEntries,
  collectionPath,
  type CollectionLike,
} from '../../src/shared/model'

const tree: CollectionLike[] = [
  { id: 'survey', name: 'Surveys', position: 1 },
  { id: 'tools', name: 'Tool learning', position: 0 },
  { id: 'retrieval', name: 'Retrieval', parentId: 'tools', position: 0 },
  { id: 'dense', name: 'Dense', parentId: 'retrieval', position: 0 },
]
const byId = (collections: CollectionLike[]) => (id: string) =>
  collections.find((collection) => collection.id === id)

describe('a collection’s path', () => {
  it('names its ancestors from the top level down, itself last', () => {
    const dense = tree[3] as CollectionLike
    expect(collectionPath(dense, byId(tree))).toEqual(['Tool learning', 'Retrieval', 'Dense'])
  })

  it('stops at a parent that is missing, and at a parent loop in a hand-edited file', () => {
    const orphan: CollectionLike = { id: 'o', name: 'Orphan', parentId: 'gone' }
    expect(collectionPath(orphan, byId(tree))).toEqual(['Orphan'])
    const loop: CollectionLike[] = [
      { id: 'a', name: 'A', parentId: 'b' },
      { id: 'b', name: 'B', parentId: 'a' },
      { id: 'c', name: 'C', parentId: 'a' },
    ]
    expect(collectionPath(loop[2] as CollectionLike, byId(loop))).toEqual(['B', 'A', 'C'])
  })
})

describe('the collections as a list', () => {
  it('lists them depth-first in sibling order, each with its path and depth', () => {
    const entries = collectionEntries([...tree].sort(bySiblingOrder))
    expect(entries.map(({ id, path, depth }) => ({ id, path, depth }))).toEqual([
      { id: 'tools', path: ['Tool learning'], depth: 0 },
      { id: 'retrieval', path: ['Tool learning', 'Retrieval'], depth: 1 },
      { id: 'dense', path: ['Tool learning', 'Retrieval', 'Dense'], depth: 2 },
      { id: 'survey', path: ['Surveys'], depth: 0 },
    ])
  })

  it('keeps what each caller passed in (a sidebar node keeps its count)', () => {
    const [entry] = collectionEntries([{ id: 'x', name: 'X', position: 0, paperCount: 3 }])
    expect(entry).toEqual({ id: 'x', name: 'X', position: 0, paperCount: 3, path: ['X'], depth: 0 })
  })

  it('puts one whose parent is missing at the top level, and never hangs on a parent loop', () => {
    const damaged: CollectionLike[] = [
      { id: 'a', name: 'A', parentId: 'b' },
      { id: 'b', name: 'B', parentId: 'a' },
      { id: 'o', name: 'Orphan', parentId: 'gone' },
    ]
    expect(collectionEntries(damaged).map((entry) => entry.path)).toEqual([['Orphan']])
  })
})
