// The Daily Papers listing parser's output in the common record shape.
import { parseHfListing } from './hfListing'
import type { ParseListingOptions } from './hfListing'
import type { ParsedImport } from './parsedRecord'

export function parseListingRecords(text: string, options: ParseListingOptions): ParsedImport {
  const listing = parseHfListing(text, options)
  return {
    format: 'hf-daily-papers',
    records: listing.papers.map((paper, index) => {
      const record = {
        title: paper.title,
        abstract: paper.abstract,
        authors: [],
        links: paper.links,
        tags: [],
        upvotes: paper.upvotes,
        line: paper.line,
        entry: index + 1,
      }
      return {
        ...record,
        ...(paper.authorCount === undefined ? {} : { authorCount: paper.authorCount }),
        ...(paper.organization === undefined ? {} : { organization: paper.organization }),
        ...(paper.published === undefined ? {} : { published: paper.published }),
      }
    }),
    skipped: listing.skipped,
    ...(listing.partial === undefined ? {} : { partial: listing.partial }),
    identifiers: [],
    ...(listing.pageDate === undefined ? {} : { pageDate: listing.pageDate }),
  }
}
