// From imported text to records: refuse what is not text, detect the format,
// run its parser. The one place that knows every format; the library only
// sees ParsedImport.
import { BadInputError } from '../kernel/errors'
import { AtomFeedError, parseArxivAtom } from './arxivAtom'
import { ArxivFeedError, parseArxivFeed } from './arxivFeed'
import { parseBibtex } from './bibtex/parseBibtex'
import { CslJsonError, parseCslJson } from './cslJson'
import { binaryReason, detectFormat, TRIED_FORMATS } from './detectFormat'
import { HfFormatError, parseHfApiJson } from './hf/apiJson'
import { parseHfPageCapture } from './hf/pageCapture'
import { parseHfSavedHtml } from './hf/savedHtml'
import { ListingFormatError } from './hfListing'
import { formatIdentifier, parseIdentifierList } from './identifiers'
import { parseListingRecords } from './listingRecords'
import type { ParseControl, ParsedImport } from './parsedRecord'
import { parseRis } from './ris'

export interface ReadImportOptions extends ParseControl {
  fileName?: string
  /** Daily Papers pages: the page's date, and "today" for year-less dates. */
  pageDate?: string
  today: string
}

export async function readImport(text: string, options: ReadImportOptions): Promise<ParsedImport> {
  const source = options.fileName ?? 'the text'
  if (text.trim() === '') throw new BadInputError(`Nothing to import: ${source} is empty`)
  const binary = binaryReason(text)
  if (binary !== undefined) {
    throw new BadInputError(`Nothing to import: ${source} is not a text file (${binary})`)
  }
  const format = detectFormat(text)
  const where = options.fileName === undefined ? '' : ` in ${options.fileName}`
  if (format === undefined) {
    throw new BadInputError(
      `No papers found${where}: it is not in a format Offprint reads (tried ${TRIED_FORMATS})`,
    )
  }
  try {
    switch (format) {
      case 'bibtex':
        return await parseBibtex(text, options)
      case 'ris':
        return await parseRis(text, options)
      case 'csl-json':
        return await parseCslJson(text, options)
      case 'arxiv-atom':
        return await parseArxivAtom(text, options)
      case 'arxiv-feed':
        return await parseArxivFeed(text, options)
      case 'identifiers': {
        const list = parseIdentifierList(text)
        return {
          format,
          records: [],
          skipped: list.skipped,
          identifiers: list.identifiers.map(formatIdentifier),
        }
      }
      case 'hf-api-json':
        return parseHfApiJson(text)
      case 'hf-saved-html':
        return parseHfSavedHtml(text)
      case 'hf-page-capture':
        return parseHfPageCapture(text, { today: options.today })
      case 'pdf': // never detected in text: PDFs are attached (attachments/pdfIntakeService.ts)
        throw new BadInputError(`Nothing to import: ${source} is a PDF; drop it on the window`)
      case 'hf-daily-papers':
        return parseListingRecords(text, {
          ...(options.pageDate === undefined ? {} : { pageDate: options.pageDate }),
          today: options.today,
        })
    }
  } catch (error) {
    if (
      error instanceof CslJsonError ||
      error instanceof AtomFeedError ||
      error instanceof ArxivFeedError ||
      error instanceof ListingFormatError ||
      error instanceof HfFormatError
    ) {
      throw new BadInputError(`No papers found${where}: ${error.message}`, { cause: error })
    }
    throw error
  }
}
