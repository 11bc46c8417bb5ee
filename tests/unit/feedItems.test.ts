// How a check's papers become inbox items: one per paper, and a new version
// announced by arXiv updates the item the inbox has. The records are the real
// RSS feed of 28 Nov 2024, read by the importer's own reader.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mergeIntoItems } from '../../src/main/core/feeds/feedItems'
import { parseArxivFeed } from '../../src/main/core/imports/arxivFeed'
import type { Feed, FeedItem } from '../../src/shared/model'

const FEED: Feed = {
  id: 'feed-1',
  name: 'arXiv cs.AI',
  kind: 'arxiv',
  spec: 'arxiv:cs.AI',
  categories: 'cs.AI',
  everyHours: 6,
  createdAt: '2024-11-27T00:00:00.000Z',
  failures: 0,
}

function itemsOf(list: FeedItem[]) {
  const map = new Map(list.map((item) => [item.id, item]))
  return {
    size: map.size,
    get: (id: string) => map.get(id),
    has: (id: string) => map.has(id),
    values: () => map.values(),
  }
}

describe('a new version announced by arXiv', () => {
  it('updates the title, abstract and authors of the item the inbox has, and says it was replaced', async () => {
    const text = await readFile(
      resolve(__dirname, '../fixtures/formats/arxiv-rss-2024-11-28.xml'),
      'utf8',
    )
    const records = (await parseArxivFeed(text)).records
    const replacement = records.find((record) => record.replaces === true)
    if (replacement === undefined) throw new Error('the feed has replacements')
    // The inbox saw the earlier version a day before.
    const earlier = {
      ...replacement,
      title: 'An earlier title',
      abstract: 'An earlier abstract',
      authors: ['Someone'],
    }
    delete earlier.replaces
    const first = mergeIntoItems(
      itemsOf([]),
      new Map(),
      FEED,
      'arxiv-feed',
      [earlier],
      '2024-11-27T12:00:00.000Z',
    )
    expect(first.added).toBe(1)
    const [item] = first.put
    if (item === undefined) throw new Error('one item')

    const second = mergeIntoItems(
      itemsOf([item]),
      new Map([[item.key, item.id]]),
      FEED,
      'arxiv-feed',
      [replacement],
      '2024-11-28T12:00:00.000Z',
    )
    expect([second.added, second.updated]).toEqual([0, 1])
    expect(second.put[0]?.fields).toMatchObject({
      title: replacement.title,
      abstract: replacement.abstract,
      authors: replacement.authors,
    })
    expect(second.put[0]?.replacedAt).toBe('2024-11-28T12:00:00.000Z')
    expect(second.put[0]?.sources).toHaveLength(1)
  })

  it('of a paper the inbox never had is not a new item', async () => {
    const text = await readFile(
      resolve(__dirname, '../fixtures/formats/arxiv-rss-2024-11-28.xml'),
      'utf8',
    )
    const records = (await parseArxivFeed(text)).records
    const merged = mergeIntoItems(
      itemsOf([]),
      new Map(),
      FEED,
      'arxiv-feed',
      records,
      '2024-11-28T12:00:00.000Z',
    )
    expect([records.length, merged.added]).toEqual([1504, 935])
  })
})
