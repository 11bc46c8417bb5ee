// Every question the window asks of the library, as a query for the cache: its
// key names the API method, the arguments and what the answer depends on (the
// change topics, and for a paper's or a note's own data, which paper or note).
// changeInvalidation.ts reads that last part to refetch exactly what a change
// from main made stale.
import { queryOptions } from '@tanstack/react-query'
import type { ApiArgs, ApiMethod, ApiResults } from '../../../shared/api'
import type {
  CitationRequest,
  ChangeTopic,
  InboxSort,
  LinkTarget,
  PaperFilter,
  PaperSort,
} from '../../../shared/model'
import { wikiLinkTargetKey, type WikiLinkTarget } from '../../../shared/text/wikiLinks'
import { api } from './client'

/** What an answer depends on. */
export interface DependsOn {
  topics: readonly ChangeTopic[]
  /** Only changes to this paper (its record, or its note) make the answer stale. */
  paperId?: string
  /** Only changes to this note make the answer stale. */
  noteId?: string
}

/** The key of every library query: the method, its arguments, what the answer depends on. */
export type LibraryQueryKey = readonly [method: ApiMethod, args: unknown, dependsOn: DependsOn]

/** How long the library map's answer is kept once the map is closed (megabytes at 10,000 papers). */
const LIBRARY_MAP_KEPT_MS = 10 * 60_000

function libraryQuery<M extends ApiMethod>(method: M, args: ApiArgs<M>, dependsOn: DependsOn) {
  const call = api[method] as (args: ApiArgs<M>) => Promise<ApiResults[M]>
  const queryKey: LibraryQueryKey = [method, args, dependsOn]
  return queryOptions({ queryKey, queryFn: () => call(args) })
}

/** Where each link target points (null: nowhere), by its key (wikiLinkTargetKey). */
export type ResolvedLinks = ReadonlyMap<string, LinkTarget | null>

/** What the wiki-links of a note point at: a paper or note renamed, trashed or created changes it. */
function linkTargetsQuery(targets: WikiLinkTarget[]) {
  const queryKey: LibraryQueryKey = [
    'resolveLinkTargets',
    { targets },
    { topics: ['papers', 'notes'] },
  ]
  return queryOptions({
    queryKey,
    queryFn: async (): Promise<ResolvedLinks> => {
      const answers = await api.resolveLinkTargets({ targets })
      return new Map(targets.map((target, i) => [wikiLinkTargetKey(target), answers[i] ?? null]))
    },
  })
}

/** What a list of papers shows: the papers, whether each has a note, the collections it filters by. */
const PAPER_LIST: readonly ChangeTopic[] = ['papers', 'notes', 'collections']

/** What a graph is drawn from. */
const GRAPH_TOPICS: readonly ChangeTopic[] = ['papers', 'notes', 'relations']

export const libraryQueries = {
  /** The toolbar's paper count, the library's problems and its backup problem. */
  libraryInfo: () => libraryQuery('getLibraryInfo', {}, { topics: ['library', 'papers', 'notes'] }),
  /** The sidebar: views, collections and tags, with their counts. */
  sidebar: () => libraryQuery('getSidebar', {}, { topics: ['papers', 'notes', 'collections'] }),
  /** The standalone notes outside the Trash, all of them or those a search finds. */
  notes: (query?: string) =>
    libraryQuery('listNotes', query === undefined ? {} : { query }, { topics: ['notes'] }),
  trash: () => libraryQuery('listTrash', {}, { topics: ['papers', 'notes', 'collections'] }),
  undoState: () => libraryQuery('getUndoState', {}, { topics: ['history'] }),
  lookupQueue: () => libraryQuery('getLookupQueue', {}, { topics: ['lookup-queue'] }),
  /** A page of the paper list. */
  paperPage: (args: ApiArgs<'listPapers'>) =>
    libraryQuery('listPapers', args, { topics: PAPER_LIST }),
  /** Every id of a list, in its order (for ranges and Select All). */
  paperIds: (sort: PaperSort, filter: PaperFilter) =>
    libraryQuery('listPaperIds', { sort, filter }, { topics: PAPER_LIST }),
  paper: (id: string) => libraryQuery('getPaper', { id }, { topics: ['papers'], paperId: id }),
  /** Where a search matched a paper's title and abstract. */
  paperMatches: (id: string, query: string) =>
    libraryQuery('getPaperMatches', { id, query }, { topics: ['papers'], paperId: id }),
  paperCollections: (id: string) =>
    libraryQuery('getPaperCollections', { id }, { topics: ['collections'] }),
  selectionSummary: (paperIds: string[]) =>
    libraryQuery('summarizeSelection', { paperIds }, { topics: ['papers', 'collections'] }),
  /** A paper's note: which one it shows also depends on whether the paper is in the Trash. */
  paperNote: (paperId: string) =>
    libraryQuery('getNote', { paperId }, { topics: ['notes', 'papers'], paperId }),
  note: (id: string) => libraryQuery('getNoteById', { id }, { topics: ['notes'], noteId: id }),
  /** The notes linking to a paper or note (any note may start to), under their titles. */
  backlinks: (kind: 'paper' | 'note', id: string) =>
    libraryQuery('getBacklinks', { kind, id }, { topics: ['notes', 'papers'] }),
  /** A paper's manual relations, with the titles of the papers at their other end. */
  relations: (paperId: string) =>
    libraryQuery('listRelations', { paperId }, { topics: ['relations', 'papers'] }),
  /** The most similar papers: any paper added, edited or trashed may change them. */
  similarPapers: (id: string) => libraryQuery('getRelatedPapers', { id }, { topics: ['papers'] }),
  linkTargets: linkTargetsQuery,
  /** A note's citations in a style: a paper added, edited (its key) or trashed changes them. */
  citations: (style: string | undefined, citations: CitationRequest[]) =>
    libraryQuery('formatCitations', style === undefined ? { citations } : { style, citations }, {
      topics: ['papers'],
    }),
  /** The citation styles: the bundled ones and those the user added. */
  citationStyles: () => libraryQuery('listCitationStyles', {}, { topics: ['library'] }),
  /** A paper's citation key and the keys it had before. */
  citationKey: (paperId: string) =>
    libraryQuery('getCitationKey', { paperId }, { topics: ['papers'], paperId }),
  /** The Sync status: devices, last merge, notes that need a look. */
  syncStatus: () => libraryQuery('getSyncStatus', {}, { topics: ['sync', 'notes'] }),
  /** Today's ranked inbox: the papers you keep, star, tag or annotate change the ranking. */
  inbox: (sort: InboxSort) =>
    libraryQuery('listInbox', { sort }, { topics: ['feeds', 'papers', 'notes'] }),
  /** The feeds with their last check and their new items. */
  feeds: () => libraryQuery('listFeeds', {}, { topics: ['feeds'] }),
  /** The sidebar's "Today 12 new": the inbox's counts, and what arrived since the last visit. */
  todayStatus: () => libraryQuery('getTodayStatus', {}, { topics: ['feeds'] }),
  /** A paper's PDFs (attached, replaced, detached, their text extracted). */
  attachments: (paperId: string) =>
    libraryQuery('listAttachments', { paperId }, { topics: ['attachments'], paperId }),
  /** Where a search matched the text of a paper's PDFs, by page. */
  pdfMatches: (paperId: string, query: string) =>
    libraryQuery('getPdfMatches', { paperId, query }, { topics: ['attachments'], paperId }),
  /** A paper's highlights, in page order. */
  highlights: (paperId: string) =>
    libraryQuery('listHighlights', { paperId }, { topics: ['highlights'], paperId }),
  /** The neighbourhood of a paper or note: links, relations, similar papers and notes may move it. */
  localGraph: (args: ApiArgs<'getLocalGraph'>) =>
    libraryQuery('getLocalGraph', args, { topics: GRAPH_TOPICS }),
  /** Ids of the papers a search query finds, in no particular use of order (the map highlights them). */
  paperIdsMatching: (query: string) =>
    libraryQuery('listPaperIds', { query }, { topics: PAPER_LIST }),
  /**
   * Every paper and note, their edges and clusters (and the saved layout). Kept a while
   * after the map closes: reopening an unchanged library draws from the answer held.
   */
  libraryMap: () => ({
    ...libraryQuery('getLibraryMap', {}, { topics: [...GRAPH_TOPICS, 'collections'] }),
    gcTime: LIBRARY_MAP_KEPT_MS,
  }),
}
