// The sidebar's rows: where the standalone notes sit in the tree.
import { describe, expect, it } from 'vitest'
import type { FeedStatus, Sidebar } from '../../src/shared/model'
import { sidebarEntries } from '../../src/renderer/src/features/sidebar/sidebarEntries'

const DATA: Sidebar = {
  library: 53,
  unfiled: 50,
  trash: 1,
  views: { unread: 53, reading: 0, starred: 0, recent: 53, 'has-notes': 1 },
  collections: [{ id: 'c1', name: 'Tool learning', position: 0, paperCount: 3 }],
  tags: [{ tag: 'rl', count: 2 }],
}

const NOTES = [
  { id: 'n3', title: 'Week 10 plan' },
  { id: 'n1', title: 'reading list' },
  { id: 'n2', title: 'Week 2 plan' },
]

const rows = (collapsed: string[] = [], notes = NOTES) =>
  sidebarEntries(DATA, new Set(collapsed), notes).map((entry) => [
    entry.key,
    entry.label,
    entry.level,
    entry.count,
  ])

describe('the sidebar’s standalone notes', () => {
  it('are listed by title under Notes, with their count, after the collections', () => {
    expect(rows()).toEqual([
      ['library', 'Library', 1, 53],
      ['unfiled', 'Unfiled', 1, 50],
      ['group:collections', 'Collections', 1, undefined],
      ['collection:c1', 'Tool learning', 2, 3],
      ['group:notes', 'Notes', 1, 3],
      // Case aside, and numbers as numbers: Week 2 before Week 10.
      ['note:n1', 'reading list', 2, undefined],
      ['note:n2', 'Week 2 plan', 2, undefined],
      ['note:n3', 'Week 10 plan', 2, undefined],
      ['group:views', 'Smart views', 1, undefined],
      ['view:unread', 'Unread', 2, 53],
      ['view:reading', 'Reading', 2, 0],
      ['view:starred', 'Starred', 2, 0],
      ['view:recent', 'Recently added', 2, 53],
      ['view:has-notes', 'Has notes', 2, 1],
      ['group:tags', 'Tags', 1, undefined],
      ['tag:rl', 'rl', 2, 2],
      ['trash', 'Trash', 1, 1],
    ])
    const note = sidebarEntries(DATA, new Set(), NOTES).find((entry) => entry.key === 'note:n2')
    expect(note?.target).toEqual({ kind: 'note', id: 'n2', title: 'Week 2 plan' })
  })

  it('fold away with their group, and leave a group that cannot open when there are none', () => {
    const folded = sidebarEntries(DATA, new Set(['group:notes']), NOTES)
    expect(folded.filter((entry) => entry.key.startsWith('note:'))).toEqual([])
    expect(folded.find((entry) => entry.key === 'group:notes')).toMatchObject({
      expanded: false,
      count: 3,
    })
    const none = sidebarEntries(DATA, new Set(), []).find((entry) => entry.key === 'group:notes')
    expect(none).toEqual({
      key: 'group:notes',
      target: { kind: 'group', group: 'notes' },
      label: 'Notes',
      level: 1,
      count: 0,
    })
  })
})

describe('the sidebar’s Today and Feeds', () => {
  const feeds = [
    {
      id: 'f1',
      name: 'HF Daily Papers',
      newItems: 30,
      lastSuccessAt: '2026-06-12T14:00:03.000Z',
    },
    {
      id: 'f2',
      name: 'arXiv cs.AI',
      newItems: 0,
      lastError: 'offline: could not reach rss.arxiv.org',
    },
  ] as unknown as FeedStatus[]

  it('say "Today 12 new" under Unfiled, then each feed with its new items and its last check', () => {
    const entries = sidebarEntries(DATA, new Set(), [], { sinceVisit: 12, feeds })
    expect(
      entries.slice(2, 6).map((e) => [e.key, e.label, e.level, e.count, e.countUnit, e.detail]),
    ).toEqual([
      ['today', 'Today', 1, 12, 'new', undefined],
      ['group:feeds', 'Feeds', 1, 2, undefined, undefined],
      [
        'feed:f1',
        'HF Daily Papers',
        2,
        30,
        undefined,
        {
          text: `Last success: ${new Date('2026-06-12T14:00:03.000Z').toLocaleString()}`,
          failed: false,
        },
      ],
      [
        'feed:f2',
        'arXiv cs.AI',
        2,
        0,
        undefined,
        { text: 'last check failed: offline: could not reach rss.arxiv.org', failed: true },
      ],
    ])
    expect(entries[6]?.key).toBe('group:collections')
    expect(
      sidebarEntries(DATA, new Set(['group:feeds']), [], { sinceVisit: 0, feeds })[3],
    ).toMatchObject({ key: 'group:feeds', expanded: false })
  })
})
