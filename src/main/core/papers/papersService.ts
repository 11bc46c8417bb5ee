// The papers: the list (filtered, sorted, or ranked by a search), one paper,
// its place in the list, the palette's title matches, and the library's counts.
import { fuzzyMatch, fuzzyQuery } from '../../../shared/text/fuzzyMatch'
import type { LibraryInfo, PaperSummary, TitleMatch } from '../../../shared/model'
import type { LibraryKernel } from '../kernel/kernel'
import type { Service } from '../kernel/service'
import type { NoteIndex } from '../notes/noteIndex'
import { highlightRanges } from '../search/highlightRanges'
import type { SearchService } from '../search/searchService'
import { requirePaper } from '../store/requireRecord'
import type { PaperViews } from './paperViews'

type PaperMethod =
  'getLibraryInfo' | 'listPapers' | 'getPaper' | 'listPaperIds' | 'indexOfPaper' | 'findByTitle'

export function papersService(
  kernel: LibraryKernel,
  views: PaperViews,
  notes: NoteIndex,
  search: SearchService,
): Service<PaperMethod> {
  // Lower-cased titles for the palette's fuzzy match, for one generation.
  let lowerTitles: { generation: number; titles: Map<string, string> } | undefined
  const titlesInLowerCase = (): Map<string, string> => {
    if (lowerTitles?.generation !== views.generation) {
      const titles = new Map<string, string>()
      for (const paper of views.sortedPapers('published')) {
        titles.set(paper.id, paper.title.toLowerCase())
      }
      lowerTitles = { generation: views.generation, titles }
    }
    return lowerTitles.titles
  }

  return {
    handlers: {
      async getLibraryInfo() {
        const info: LibraryInfo = {
          path: kernel.store.dir,
          schemaVersion: kernel.store.schemaVersion,
          paperCount: views.sortedPapers('published').length,
          noteCount: notes.countLive(),
          problems: structuredClone(kernel.health.problems),
        }
        const { backupProblem } = kernel.health
        if (backupProblem !== undefined) info.backupProblem = backupProblem
        return info
      },

      async listPapers({ offset, limit, sort, filter, query }) {
        const order = sort ?? 'published'
        if (query === undefined || query.trim() === '') {
          const papers = views.filteredPapers(order, filter)
          return {
            total: papers.length,
            ranked: false,
            offset,
            items: papers.slice(offset, offset + limit).map((paper) => views.summarize(paper)),
          }
        }
        const page = await search.page(order, filter, query, offset, limit)
        const items: PaperSummary[] = []
        for (const id of page.ids) {
          const paper = kernel.store.papers.get(id)
          if (paper === undefined) continue
          const summary = views.summarize(paper)
          summary.titleMatches = highlightRanges(paper.title, 'title', page.highlight)
          items.push(summary)
        }
        return { total: page.total, ranked: page.ranked, offset, items }
      },

      async getPaper({ id }) {
        return structuredClone(requirePaper(kernel.store, id))
      },

      async listPaperIds({ sort, filter, query }) {
        const order = sort ?? 'published'
        if (query !== undefined && query.trim() !== '') return search.ids(order, filter, query)
        return views.filteredPapers(order, filter).map((paper) => paper.id)
      },

      async indexOfPaper({ id, sort, filter, query }) {
        const order = sort ?? 'published'
        if (query !== undefined && query.trim() !== '') {
          return (await search.ids(order, filter, query)).indexOf(id)
        }
        return views.filteredPapers(order, filter).findIndex((paper) => paper.id === id)
      },

      /** Papers and notes whose title fuzzily matches `query`, best first (the command palette). */
      async findByTitle({ query, limit }) {
        const wanted = fuzzyQuery(query)
        if (wanted === '') return []
        const scored: { match: TitleMatch; score: number }[] = []
        const lower = titlesInLowerCase()
        for (const paper of views.sortedPapers('published')) {
          const found = fuzzyMatch(
            wanted,
            paper.title,
            lower.get(paper.id) ?? paper.title.toLowerCase(),
          )
          if (found === null) continue
          const base = { paperId: paper.id, title: paper.title, matches: found.ranges }
          scored.push({ match: { kind: 'paper', ...base }, score: found.score })
          if (notes.hasNote(paper.id)) {
            // Just below its paper, so the paper stays the first answer.
            scored.push({ match: { kind: 'note', ...base }, score: found.score - 0.001 })
          }
        }
        // Stable: equal scores keep the list's order (newest first).
        scored.sort((a, b) => b.score - a.score)
        return scored.slice(0, limit).map(({ match }) => match)
      },
    },
  }
}
