// A library made of payloads: every field a user can see, how a payload gets
// into it and where it shows, and a library in which batch i fills every field
// of paper i (for the hostile-content tests).
import type { Collection, Note, Paper, PaperRelation } from '../../../src/shared/model'
import { formatWikiLink } from '../../../src/shared/text/wikiLinks'
import type { Payload } from './payloads'
import {
  collectionRecord,
  daysBefore,
  noteRecord,
  paperRecord,
  relationRecord,
  seedLibrary,
} from './seedLibrary'

/** The records of one paper that a payload is placed into. */
export interface Placement {
  paper: Paper
  /** The paper's note; its body ends with a wiki-link to `linking`. */
  note: Note
  /** A collection holding the paper. */
  collection: Collection
  /** A standalone note that links to the paper (so it is listed under "Linked from"). */
  linking: Note
  /** A manual "related" link from the paper to the one before it. */
  relation: PaperRelation
}

/**
 * Every field a user can see, how a payload gets into it, and where it shows
 * once its paper is selected. Adding a field is one line here.
 *
 * The search box is the second test's; imported fields (a Daily Papers
 * listing, BibTeX, RIS) and import file names are the import tests'.
 */
export const FIELDS: {
  name: string
  place: (at: Placement, payload: string) => void
  shownIn: string
}[] = [
  { name: 'title', place: (at, x) => (at.paper.title = x), shownIn: '#paper-title' },
  { name: 'list row', place: () => undefined, shownIn: '.paper-row.selected .paper-row-title' },
  {
    name: 'abstract',
    place: (at, x) => (at.paper.abstract = x),
    shownIn: '[data-testid=paper-abstract]',
  },
  {
    name: 'organization',
    place: (at, x) => (at.paper.organization = x),
    shownIn: '[data-testid=paper-organization]',
  },
  {
    name: 'author',
    place: (at, x) => at.paper.authors.push(x),
    shownIn: '[data-testid=paper-authors]',
  },
  {
    name: 'link label',
    place: (at, x) =>
      at.paper.links.push({ label: x, url: 'https://example.org/code', kind: 'code' }),
    shownIn: '[data-testid=paper-links]',
  },
  {
    name: 'link url',
    place: (at, x) => at.paper.links.push({ label: 'Project page', url: x, kind: 'project' }),
    shownIn: '[data-testid=paper-links]',
  },
  { name: 'tag', place: (at, x) => at.paper.tags.push(x), shownIn: '[data-testid=paper-tags]' },
  {
    name: 'tag in the list row',
    place: () => undefined,
    shownIn: '.paper-row.selected .tag-chip',
  },
  {
    name: 'collection name',
    place: (at, x) => (at.collection.name = x),
    shownIn: '[data-testid=paper-collections]',
  },
  {
    name: 'collections in the sidebar',
    place: () => undefined,
    shownIn: '[data-testid=sidebar]',
  },
  {
    name: 'note body',
    place: (at, x) => (at.note.body = x),
    shownIn: '[data-testid=note-preview]',
  },
  { name: 'note editor', place: () => undefined, shownIn: '[data-testid=note-input]' },
  {
    name: 'note title (in "Linked from")',
    place: (at, x) => (at.linking.title = x),
    shownIn: '[data-testid=backlink]',
  },
  {
    // After 'note body', before the payload: an unclosed HTML block in it would swallow
    // what follows (as markdown says).
    name: 'wiki-link (shows the linked note’s title)',
    place: (at) =>
      (at.note.body = `${formatWikiLink('note', at.linking.id, 'a note')}\n\n${at.note.body}`),
    shownIn: '[data-testid=note-preview] .wikilink',
  },
  {
    // A paragraph of its own: a batch of payloads in a label can open a code span or
    // math that a link after it on the same line would fall into.
    name: 'wiki-link label',
    place: (at, x) =>
      (at.note.body = `${formatWikiLink('note', at.linking.id, x)}\n\n${at.note.body}`),
    shownIn: '[data-testid=note-preview] .wikilink',
  },
  {
    name: 'relation label',
    place: (at, x) => (at.relation.label = x),
    shownIn: '[data-testid=relation]',
  },
]

/** A library in which payload (or batch) i fills every field of paper i (and of its note, collection…). */
export async function seedHostileLibrary(dir: string, corpus: Payload[]): Promise<Placement[]> {
  const placements = corpus.map(({ id }, index): Placement => {
    // Newest first: row i holds payload i.
    const paper = paperRecord(`xss-${id}`, { published: daysBefore(index) })
    const note = noteRecord(`xss-note-${id}`, paper.id)
    const collection = collectionRecord(`xss-collection-${id}`, {
      position: index,
      paperIds: [paper.id],
    })
    const linking = noteRecord(`xss-linking-${id}`, undefined, {
      body: `About ${formatWikiLink('paper', paper.id, 'this paper')}.`,
    })
    // Related to the paper listed before it (the first one, to the last).
    const other = `xss-${corpus[(index + corpus.length - 1) % corpus.length]?.id ?? id}`
    const relation = relationRecord(`xss-relation-${id}`, paper.id, other)
    return { paper, note, collection, linking, relation }
  })
  for (const [index, { payload }] of corpus.entries()) {
    const at = placements[index]
    if (at !== undefined) for (const field of FIELDS) field.place(at, payload)
  }
  await seedLibrary(dir, {
    papers: placements.map((at) => at.paper),
    notes: placements.flatMap((at) => [at.note, at.linking]),
    collections: placements.map((at) => at.collection),
    relations: placements.map((at) => at.relation),
  })
  return placements
}
