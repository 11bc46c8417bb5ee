// A sigma program's instanced layout made flat: the constant attributes become
// per-vertex ones, and an item's values are copied to each of its vertices
// followed by that vertex's constants (flatPrograms.ts uses these; pure, so
// they are tested without WebGL).
import type { InstancedProgramDefinition, ProgramDefinition } from 'sigma/rendering'

/** The definition with its constant attributes made per-vertex ones (no instancing). */
export function flatDefinition(
  definition: ProgramDefinition | InstancedProgramDefinition,
): ProgramDefinition {
  if (!('CONSTANT_ATTRIBUTES' in definition)) return definition
  const { VERTICES, VERTEX_SHADER_SOURCE, FRAGMENT_SHADER_SOURCE, METHOD, UNIFORMS } = definition
  return {
    VERTICES,
    VERTEX_SHADER_SOURCE,
    FRAGMENT_SHADER_SOURCE,
    METHOD,
    UNIFORMS,
    ATTRIBUTES: [...definition.ATTRIBUTES, ...definition.CONSTANT_ATTRIBUTES],
  }
}

/**
 * Copies an item's values (`itemCount` floats written at `start`) to each of its vertices,
 * each followed by that vertex's constants, in place.
 */
export function spreadToVertices(
  array: Float32Array,
  start: number,
  itemCount: number,
  constants: readonly (readonly number[])[],
): void {
  const perVertex = itemCount + (constants[0]?.length ?? 0)
  // From the last vertex back: the item's values at `start` are read before vertex 0 is written.
  for (let vertex = constants.length - 1; vertex >= 0; vertex--) {
    const at = start + vertex * perVertex
    if (vertex > 0) array.copyWithin(at, start, start + itemCount)
    array.set(constants[vertex] ?? [], at + itemCount)
  }
}
