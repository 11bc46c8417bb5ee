import { describe, expect, it } from 'vitest'
import { NotFoundError } from '../../src/main/core/kernel/errors'
import { listedIds, fixturePerTest } from './support/organizeFixture'

const fx = fixturePerTest()
const id = fx.id

async function tagsOf(index: number): Promise<string[]> {
  return (await fx().library.api.getPaper({ id: id(index) })).tags
}

describe('tags', () => {
  it('adds and removes tags on many papers, keeping the library’s spelling', async () => {
    const { library } = fx()
    expect(
      await library.api.tagPapers({ paperIds: [id(0), id(1)], add: ['#RL', ' tool  use '] }),
    ).toEqual({ label: 'Tag 2 papers “RL”, “tool use”', changed: 2 })
    // "rl" is the same tag as "RL": it is not added twice and keeps the first spelling.
    await library.api.tagPapers({ paperIds: [id(1), id(2)], add: ['rl'] })
    expect(await tagsOf(1)).toEqual(['RL', 'tool use'])
    expect(await tagsOf(2)).toEqual(['RL'])
    expect((await library.api.getSidebar({})).tags).toEqual([
      { tag: 'RL', count: 3 },
      { tag: 'tool use', count: 2 },
    ])
    expect(await library.api.tagPapers({ paperIds: [id(0), id(2)], remove: ['rl'] })).toEqual({
      label: 'Remove “RL” from 2 papers',
      changed: 2,
    })
    expect(await tagsOf(0)).toEqual(['tool use'])
    expect(await tagsOf(2)).toEqual([])
    await expect(library.api.tagPapers({ paperIds: [id(0)], add: [' # '] })).rejects.toThrow(
      'A tag cannot be empty',
    )
  })

  it('filters by several tags: all must match, within any scope', async () => {
    const { library } = fx()
    await library.api.tagPapers({ paperIds: [id(0), id(1), id(2)], add: ['agents'] })
    await library.api.tagPapers({ paperIds: [id(1), id(2), id(3)], add: ['benchmark'] })
    const c = await library.api.createCollection({ name: 'C', paperIds: [id(2), id(3)] })
    expect(new Set(await listedIds(library, { tags: ['agents'] }))).toEqual(
      new Set([id(0), id(1), id(2)]),
    )
    expect(new Set(await listedIds(library, { tags: ['AGENTS', 'benchmark'] }))).toEqual(
      new Set([id(1), id(2)]),
    )
    expect(
      await listedIds(library, { scope: { kind: 'collection', id: c.id }, tags: ['agents'] }),
    ).toEqual([id(2)])
    expect(await listedIds(library, { tags: ['agents', 'nothing-has-this'] })).toEqual([])
  })

  it('renames a tag everywhere, and merges it into an existing one', async () => {
    const { library } = fx()
    await library.api.tagPapers({ paperIds: [id(0), id(1)], add: ['llm'] })
    await library.api.tagPapers({ paperIds: [id(1), id(2)], add: ['LLMs'] })
    expect(await library.api.renameTag({ from: 'llm', to: 'language models' })).toEqual({
      label: 'Rename tag “llm” to “language models”',
      changed: 2,
    })
    expect(await tagsOf(0)).toEqual(['language models'])
    // Merge: paper 1 had both and now has the survivor once; its place in the list is kept.
    expect(await library.api.renameTag({ from: 'language models', to: 'llms' })).toEqual({
      label: 'Merge tag “language models” into “LLMs”',
      changed: 2,
    })
    expect(await tagsOf(0)).toEqual(['LLMs'])
    expect(await tagsOf(1)).toEqual(['LLMs'])
    expect(await tagsOf(2)).toEqual(['LLMs'])
    expect((await library.api.getSidebar({})).tags).toEqual([{ tag: 'LLMs', count: 3 }])
    // A change of case is a rename.
    await library.api.renameTag({ from: 'LLMs', to: 'llms' })
    expect(await tagsOf(2)).toEqual(['llms'])
    await expect(library.api.renameTag({ from: 'absent', to: 'x' })).rejects.toBeInstanceOf(
      NotFoundError,
    )
  })

  it('deletes a tag from every paper', async () => {
    const { library } = fx()
    await library.api.tagPapers({ paperIds: [id(0), id(1)], add: ['draft', 'keep'] })
    expect(await library.api.deleteTag({ tag: 'DRAFT' })).toEqual({
      label: 'Delete tag “draft”',
      changed: 2,
    })
    expect(await tagsOf(0)).toEqual(['keep'])
    expect((await library.api.getSidebar({})).tags).toEqual([{ tag: 'keep', count: 2 }])
    await expect(library.api.deleteTag({ tag: 'draft' })).rejects.toThrow(
      'No paper has the tag “draft”',
    )
  })
})
