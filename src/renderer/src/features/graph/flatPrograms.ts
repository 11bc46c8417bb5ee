// Sigma's own node and edge programs, drawn without instancing. Sigma 3 draws
// each node and edge as an instance of a few constant vertices; SwiftShader
// (WebGL in software, a machine without a GPU) pays about 20 µs per instance,
// so 10,000 nodes and 31,000 edges took 1.5 s a frame. The same shaders fed
// every vertex as its own (the constant values written beside each copy) draw
// the same picture in one plain draw call.
import type Sigma from 'sigma'
import {
  NodeCircleProgram,
  EdgeRectangleProgram,
  createEdgeArrowHeadProgram,
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
  getAttributesItemsCount,
  type EdgeProgramType,
  type InstancedProgramDefinition,
  type NodeProgramType,
  type ProgramDefinition,
} from 'sigma/rendering'
import { flatDefinition, spreadToVertices } from './flatVertices'

/** What of a sigma program the flattening reads and overrides. */
interface InstancedProgram {
  array: Float32Array
  getDefinition(): ProgramDefinition | InstancedProgramDefinition
  processVisibleItem(index: number, start: number, ...rest: unknown[]): void
}
type ProgramClass = new (
  gl: WebGLRenderingContext,
  pickingBuffer: WebGLFramebuffer | null,
  renderer: Sigma,
) => InstancedProgram

function flat(Base: ProgramClass): ProgramClass {
  let instanced: { itemCount: number; constants: number[][] } | undefined
  return class Flat extends Base {
    override getDefinition(): ProgramDefinition {
      return flatDefinition(super.getDefinition())
    }
    override processVisibleItem(index: number, start: number, ...rest: unknown[]): void {
      super.processVisibleItem(index, start, ...rest)
      if (instanced === undefined) {
        const definition = super.getDefinition()
        instanced = {
          itemCount: getAttributesItemsCount(definition.ATTRIBUTES),
          constants: 'CONSTANT_DATA' in definition ? definition.CONSTANT_DATA : [],
        }
      }
      if (instanced.constants.length > 0) {
        spreadToVertices(this.array, start, instanced.itemCount, instanced.constants)
      }
    }
  }
}

const flatNode = (Base: NodeProgramType): NodeProgramType =>
  flat(Base as unknown as ProgramClass) as unknown as NodeProgramType
const flatEdge = (Base: EdgeProgramType): EdgeProgramType =>
  flat(Base as unknown as ProgramClass) as unknown as EdgeProgramType

/** Sigma's default programs (disc nodes; edges as lines or arrows), each drawn without instancing. */
export const FLAT_PROGRAMS = {
  nodeProgramClasses: { circle: flatNode(NodeCircleProgram) },
  edgeProgramClasses: {
    line: flatEdge(EdgeRectangleProgram),
    arrow: createEdgeCompoundProgram([
      flatEdge(createEdgeClampedProgram()),
      flatEdge(createEdgeArrowHeadProgram()),
    ]),
  },
}
