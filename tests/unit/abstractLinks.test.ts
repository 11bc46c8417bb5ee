import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractLinks } from '../../src/main/core/imports/abstractLinks'

const fixture = readFileSync(new URL('../fixtures/hf-daily-papers.txt', import.meta.url), 'utf8')

const urls = (text: string): string[] => extractLinks(text).map((l) => l.url)

describe('extractLinks', () => {
  it('cuts glued LaTeX leftovers and the sentence period', () => {
    expect(
      extractLinks(
        'Our code will be available at https://github.com/deep-kaixun/GenAgent{this url}.',
      ),
    ).toEqual([
      {
        label: 'Code · github.com/deep-kaixun/GenAgent',
        url: 'https://github.com/deep-kaixun/GenAgent',
        kind: 'code',
      },
    ])
  })

  it('keeps one link when the same URL is glued to itself in braces', () => {
    expect(
      urls(
        'Our code is avaliable at: https://github.com/Rain-Bus/MSGCoOp{https://github.com/Rain-Bus/MSGCoOp}.',
      ),
    ).toEqual(['https://github.com/Rain-Bus/MSGCoOp'])
  })

  it('strips trailing punctuation of the sentence around the URL', () => {
    expect(urls('See https://a.org/x. Then https://b.org/y, and https://c.org/z;')).toEqual([
      'https://a.org/x',
      'https://b.org/y',
      'https://c.org/z',
    ])
    expect(urls('(code: https://d.org/p) and [https://e.org/q]: done')).toEqual([
      'https://d.org/p',
      'https://e.org/q',
    ])
    expect(urls('Really? https://f.org/r?! "https://g.org/s".')).toEqual([
      'https://f.org/r',
      'https://g.org/s',
    ])
  })

  it('keeps balanced parentheses that belong to the URL', () => {
    expect(
      urls('(see https://en.wikipedia.org/wiki/Transformer_(deep_learning_architecture)).'),
    ).toEqual(['https://en.wikipedia.org/wiki/Transformer_(deep_learning_architecture)'])
  })

  it('returns links in order of first appearance, de-duplicated', () => {
    expect(
      urls(
        'https://github.com/a/b then https://a.github.io/ then https://github.com/a/b. again https://a.github.io',
      ),
    ).toEqual(['https://github.com/a/b', 'https://a.github.io/'])
  })

  it('drops what does not parse as a URL and ignores other schemes', () => {
    expect(urls('broken https:// and https://. and ftp://x.org/file and https://-')).toEqual([])
    expect(extractLinks('no links here at all.')).toEqual([])
  })

  it('sorts links by kind and labels them with host and path', () => {
    const links = extractLinks(
      [
        'https://gitlab.com/g/p',
        'https://bitbucket.org/b/p/',
        'https://codeberg.org/c/p',
        'https://sourceforge.net/projects/s',
        'https://huggingface.co/spaces/org/demo',
        'https://arxiv.org/pdf/2401.00001',
        'https://example.org/papers/paper.PDF',
        'https://arxiv.org/abs/2401.00001',
        'https://doi.org/10.1000/182',
        'https://huggingface.co/datasets/org/data',
        'https://huggingface.co/papers/2401.00001',
        'https://huggingface.co/org/model',
        'https://lego-grasp.github.io/',
        'http://www.my-lab.edu/project/',
      ].join(' '),
    )
    expect(links.map((l) => [l.kind, l.label])).toEqual([
      ['code', 'Code · gitlab.com/g/p'],
      ['code', 'Code · bitbucket.org/b/p'],
      ['code', 'Code · codeberg.org/c/p'],
      ['code', 'Code · sourceforge.net/projects/s'],
      ['code', 'Code · huggingface.co/spaces/org/demo'],
      ['pdf', 'PDF · arxiv.org/pdf/2401.00001'],
      ['pdf', 'PDF · example.org/papers/paper.PDF'],
      ['other', 'Link · arxiv.org/abs/2401.00001'],
      ['other', 'Link · doi.org/10.1000/182'],
      ['other', 'Link · huggingface.co/datasets/org/data'],
      ['other', 'Link · huggingface.co/papers/2401.00001'],
      ['other', 'Link · huggingface.co/org/model'],
      ['project', 'Project page · lego-grasp.github.io'],
      ['project', 'Project page · www.my-lab.edu/project'],
    ])
  })

  it('finds exactly the 14 links written in the fixture, cleaned', () => {
    expect(urls(fixture)).toEqual([
      'https://github.com/deep-kaixun/GenAgent',
      'https://github.com/Eureka-Maggie/MIGE',
      'https://lucky-light-sun.github.io/proj/shortcut-learning-in-grps/',
      'https://github.com/SqueezeAILab/Tool2Vec',
      'https://lego-grasp.github.io/',
      'https://OXE-AugE.github.io/',
      'https://github.com/quchangle1/LLM-Tool-Survey',
      'https://github.com/JingMog/THOR',
      'https://github.com/Rain-Bus/MSGCoOp',
      'https://github.com/VITA-Group/GNT-MOVE',
      'https://github.com/dongguanting/Tool-Star',
      'https://github.com/shlomenu/symbolically_synthesized_networks',
      'https://github.com/duguodong7/pcb-merging',
      'https://functional-manipulation-benchmark.github.io',
    ])
  })

  // No clock here (timings are for `npm run bench`): trimming is one pass from
  // the end, with no regex that can backtrack; a blow-up would hit the timeout.
  it('reads a huge run of URL-like text whole, without its closing brackets and dots', () => {
    const path = 'a'.repeat(500_000)
    const text = `https://x.org/${path}${')'.repeat(200_000)}${'.'.repeat(200_000)}`
    expect(urls(text)).toEqual([`https://x.org/${path}`])
  })
})
