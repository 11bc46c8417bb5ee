// The papers the inbox's ranking learns from, kept level paper by paper (a
// keep adds one, an untagged paper leaves) instead of being built again: the
// same best matches, with the same likeness, as a subset built from scratch.
import { describe, expect, it } from 'vitest'
import { RelatedPapersIndex } from '../../src/main/core/related/relatedPapers'
import type { PaperSubset, TextVector } from '../../src/main/core/related/relatedPapers'

const PAPERS: Record<string, [string, string]> = {
  grasp: [
    'Robot grasping',
    'A robot arm learns grasping of household objects from tactile sensing.',
  ],
  dexterous: [
    'Dexterous hands',
    'Dexterous robot hands learn grasping with tactile sensing and vision.',
  ],
  tools: ['ToolRL', 'Language models learn tool retrieval and tool calling with rewards.'],
  toolgen: ['ToolGen', 'Tool retrieval as generation: language models call tools by tokens.'],
  proteins: ['Protein folding', 'Protein structure prediction with attention over residues.'],
  enzymes: ['Enzyme design', 'Protein design of enzymes with structure prediction and diffusion.'],
  weather: ['Weather models', 'Global weather forecasting with graph networks over the sphere.'],
  climate: [
    'Climate emulators',
    'Climate emulators forecast weather extremes with graph networks.',
  ],
}

async function library(): Promise<RelatedPapersIndex> {
  const index = new RelatedPapersIndex()
  for (const [id, [title, abstract]] of Object.entries(PAPERS)) index.set(id, title, abstract)
  await index.ready()
  return index
}

function matches(subset: PaperSubset, query: TextVector): { id: string; score: string }[] {
  return subset.similarTo(query, 3).map(({ id, score }) => ({ id, score: score.toFixed(4) }))
}

describe('the papers the ranking learns from, kept level', () => {
  it('find the same papers, as alike, after a paper joins and another leaves as a subset built again', async () => {
    const index = await library()
    const weights = index.weights()
    const kept = index.subset(['grasp', 'tools', 'proteins', 'weather', 'climate'], weights)
    kept.add(
      'toolgen',
      index.paperVector('toolgen', weights) ?? {
        termIds: new Int32Array(),
        weights: new Float32Array(),
      },
    )
    kept.remove('climate')
    const built = index.subset(['grasp', 'tools', 'proteins', 'weather', 'toolgen'], weights)

    expect(kept.size).toBe(5)
    expect([...kept.members()].sort()).toEqual(['grasp', 'proteins', 'toolgen', 'tools', 'weather'])
    for (const text of [
      'Tool retrieval for language models',
      'Grasping with tactile robot hands',
      'Weather forecasting with graph networks',
    ]) {
      const query = index.textVector(text, '', 24, weights)
      expect(matches(kept, query)).toEqual(matches(built, query))
    }
    const toolQuery = index.textVector('Tool retrieval for language models', '', 24, weights)
    expect(
      kept
        .similarTo(toolQuery, 2)
        .map((match) => match.id)
        .sort(),
    ).toEqual(['toolgen', 'tools'])
  })

  it('keep using the weights they were built with after the library changes', async () => {
    const index = await library()
    const weights = index.weights()
    index.set(
      'more',
      'Tool retrieval benchmark',
      'A benchmark of tool retrieval for language models.',
    )
    const vector = index.paperVector('more', weights)
    expect(vector?.termIds.length).toBeGreaterThan(0)
    const kept = index.subset(['grasp', 'tools'], weights)
    kept.add('more', vector ?? { termIds: new Int32Array(), weights: new Float32Array() })
    const query = index.textVector('Tool retrieval', '', 24, weights)
    expect(
      kept
        .similarTo(query, 2)
        .map((match) => match.id)
        .sort(),
    ).toEqual(['more', 'tools'])
  })
})
