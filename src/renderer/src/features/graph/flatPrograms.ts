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
  type ProgramAttributeSpecification,
  type ProgramDefinition,
  type ProgramInfo,
} from 'sigma/rendering'
import type { RenderParams } from 'sigma/types'
import { drawsWithSigma, edgesDeferred, joinSlices, type SliceableEdges } from './edgeSlices'
import { flatDefinition, spreadToVertices } from './flatVertices'

/** What of a sigma program the flattening and the edge slices read and override. */
interface InstancedProgram {
  array: Float32Array
  capacity: number
  renderer: Sigma
  normalProgram: ProgramInfo
  ATTRIBUTES: ProgramAttributeSpecification[]
  VERTICES: number
  STRIDE: number
  METHOD: number
  getDefinition(): ProgramDefinition | InstancedProgramDefinition
  processVisibleItem(index: number, start: number, ...rest: unknown[]): void
  process(index: number, offset: number, ...rest: unknown[]): void
  render(params: RenderParams): void
  setUniforms(params: RenderParams, info: ProgramInfo): void
  bindAttribute(attribute: ProgramAttributeSpecification, info: ProgramInfo, offset: number): number
  unbindProgram(info: ProgramInfo): void
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

/**
 * An edge program drawn flat, whose edges wait for the slices (edgeSlices.ts) after sigma's
 * first draw: what sigma hands it for each edge is kept, and written out slice by slice.
 */
function sliced(Base: ProgramClass): ProgramClass {
  return class Sliced extends Base implements SliceableEdges {
    /** By offset, the arguments of each edge sigma handed over while the slices are pending. */
    private waiting: ([number, ...unknown[]] | undefined)[] = []
    constructor(
      gl: WebGLRenderingContext,
      pickingBuffer: WebGLFramebuffer | null,
      renderer: Sigma,
    ) {
      super(gl, pickingBuffer, renderer)
      joinSlices(renderer, this)
    }
    override process(index: number, offset: number, ...rest: unknown[]): void {
      if (edgesDeferred(this.renderer)) this.waiting[offset] = [index, ...rest]
      else super.process(index, offset, ...rest)
    }
    override render(params: RenderParams): void {
      if (drawsWithSigma(this.renderer, params)) super.render(params)
    }
    count(): number {
      return this.capacity
    }
    context(): WebGLRenderingContext | WebGL2RenderingContext {
      return this.normalProgram.gl
    }
    drawSlice(params: RenderParams, from: number, to: number, upload: boolean): void {
      if (to <= from) return
      const info = this.normalProgram
      const gl = info.gl
      gl.viewport(0, 0, params.width * params.pixelRatio, params.height * params.pixelRatio)
      for (let item = from; item < to; item++) {
        const waiting = this.waiting[item]
        if (waiting === undefined) continue
        const [index, ...rest] = waiting
        super.process(index, item, ...rest)
        this.waiting[item] = undefined
      }
      gl.bindBuffer(gl.ARRAY_BUFFER, info.buffer)
      let offset = 0
      for (const attribute of this.ATTRIBUTES) offset += this.bindAttribute(attribute, info, offset)
      // Room for every edge with the first slice; each slice sends its own part.
      if (upload) gl.bufferData(gl.ARRAY_BUFFER, this.array.byteLength, gl.DYNAMIC_DRAW)
      gl.bufferSubData(
        gl.ARRAY_BUFFER,
        from * this.STRIDE * Float32Array.BYTES_PER_ELEMENT,
        this.array.subarray(from * this.STRIDE, to * this.STRIDE),
      )
      gl.bindBuffer(gl.ARRAY_BUFFER, null)
      gl.enable(gl.BLEND)
      gl.useProgram(info.program)
      this.setUniforms(params, info)
      gl.bindFramebuffer(gl.FRAMEBUFFER, info.frameBuffer)
      gl.drawArrays(this.METHOD, from * this.VERTICES, (to - from) * this.VERTICES)
      this.unbindProgram(info)
    }
  }
}

const flatNode = (Base: NodeProgramType): NodeProgramType =>
  flat(Base as unknown as ProgramClass) as unknown as NodeProgramType
const flatEdge = (Base: EdgeProgramType): EdgeProgramType =>
  sliced(flat(Base as unknown as ProgramClass)) as unknown as EdgeProgramType

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
