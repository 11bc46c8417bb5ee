// What a subscription is, from how the user writes it: `hf-daily` (or
// `hf-weekly`, `hf-monthly`), `arxiv:cs.CL+cs.LG` (rss.arxiv.org's feed of
// those categories), `arxiv-query:au:Bengio` (an arXiv API search). One parser
// for the CLI, the palette and Settings.
import type { Feed, HfFeedPeriod } from '../../../shared/model'
import { BadInputError } from '../kernel/errors'

export type FeedSpec = Pick<Feed, 'kind' | 'spec' | 'name'> &
  Partial<Pick<Feed, 'hfPeriod' | 'categories' | 'query'>>

const HF_PERIODS: Record<string, HfFeedPeriod> = {
  'hf-daily': 'day',
  'hf-weekly': 'week',
  'hf-monthly': 'month',
}

const HF_NAMES: Record<HfFeedPeriod, string> = {
  day: 'HF Daily Papers',
  week: 'HF Daily Papers (this week)',
  month: 'HF Daily Papers (this month)',
}

/** An arXiv category ("cs.CL", "math", "astro-ph.GA"); several are joined with "+". */
const CATEGORIES = /^[A-Za-z-]+(?:\.[A-Za-z-]+)?(?:\+[A-Za-z-]+(?:\.[A-Za-z-]+)?)*$/

export function parseFeedSpec(written: string): FeedSpec {
  const spec = written.trim()
  const hfPeriod = HF_PERIODS[spec.toLowerCase()]
  if (hfPeriod !== undefined) {
    return { kind: 'hf-daily', spec: spec.toLowerCase(), name: HF_NAMES[hfPeriod], hfPeriod }
  }
  if (/^arxiv:/i.test(spec)) {
    const categories = spec.slice('arxiv:'.length).trim()
    if (!CATEGORIES.test(categories)) {
      throw new BadInputError(
        `"${categories}" is not a list of arXiv categories (write e.g. arxiv:cs.CL+cs.LG)`,
      )
    }
    return { kind: 'arxiv', spec: `arxiv:${categories}`, name: `arXiv ${categories}`, categories }
  }
  if (/^arxiv-query:/i.test(spec)) {
    const query = spec.slice('arxiv-query:'.length).trim()
    if (query === '' || query.length > 300) {
      throw new BadInputError(
        'an arXiv query needs a search, e.g. arxiv-query:au:Bengio or arxiv-query:ti:"tool use"',
      )
    }
    return { kind: 'arxiv-query', spec: `arxiv-query:${query}`, name: `arXiv: ${query}`, query }
  }
  throw new BadInputError(
    `"${spec}" is not a feed Offprint knows: write hf-daily (or hf-weekly, hf-monthly), arxiv:CATEGORIES (e.g. arxiv:cs.CL+cs.LG) or arxiv-query:SEARCH (e.g. arxiv-query:au:Bengio)`,
  )
}
