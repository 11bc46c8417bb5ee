// Sigma's disc and edge programs drawn without instancing (flatPrograms.ts):
// each vertex carries its item's values and then its own constants, so the
// same shaders draw the same picture in one plain draw call.
import { describe, expect, it } from 'vitest'
import {
  flatDefinition,
  spreadToVertices,
} from '../../src/renderer/src/features/graph/flatVertices'

const FLOAT = 5126
const UNSIGNED_BYTE = 5121

describe('a graph program drawn without instancing', () => {
  it('gives each of a disc’s three corners the node’s position, size, colour and id, then its own angle', () => {
    // One node written as sigma writes an instance (x, y, size, colour, id), then room for its corners.
    const array = new Float32Array(3 * 6).fill(-1)
    array.set([0.25, 0.75, 4, 11, 7], 0)
    spreadToVertices(array, 0, 5, [[0], [2.094], [4.189]])
    expect([...array].map((value) => Math.round(value * 1000) / 1000)).toEqual([
      0.25, 0.75, 4, 11, 7, 0, 0.25, 0.75, 4, 11, 7, 2.094, 0.25, 0.75, 4, 11, 7, 4.189,
    ])
  })

  it('leaves the items before and after the one it spreads as they were', () => {
    // Two-float items with two-float constants over two vertices: 8 floats an item.
    const array = Float32Array.from([1, 1, 1, 1, 1, 1, 1, 1, 5, 6, 0, 0, 0, 0, 0, 0, 9, 9])
    spreadToVertices(array, 8, 2, [
      [0, 1],
      [1, -1],
    ])
    expect([...array]).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 5, 6, 0, 1, 5, 6, 1, -1, 9, 9])
  })

  it('makes the constant attributes per-vertex ones, after the item’s own', () => {
    const definition = flatDefinition({
      VERTICES: 6,
      VERTEX_SHADER_SOURCE: 'v',
      FRAGMENT_SHADER_SOURCE: 'f',
      METHOD: 4,
      UNIFORMS: ['u_matrix'],
      ATTRIBUTES: [
        { name: 'a_positionStart', size: 2, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
      ],
      CONSTANT_ATTRIBUTES: [{ name: 'a_positionCoef', size: 1, type: FLOAT }],
      CONSTANT_DATA: [[0], [0], [1], [1], [0], [1]],
    })
    expect(definition.ATTRIBUTES.map((attribute) => attribute.name)).toEqual([
      'a_positionStart',
      'a_color',
      'a_positionCoef',
    ])
    expect('CONSTANT_ATTRIBUTES' in definition).toBe(false)
    expect('CONSTANT_DATA' in definition).toBe(false)
    expect(definition.VERTICES).toBe(6)
  })
})
