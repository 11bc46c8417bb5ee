// Which paper a dropped PDF is: its DOI, its arXiv id, or its title, read from
// the document's metadata and the text of its first pages, compared with the
// library's papers (DOIs without case, arXiv ids without version, titles
// without case, punctuation or Unicode forms). A PDF that names none of the
// library's papers becomes a paper of its own, made from the same clues.
import type { Paper } from '../../../shared/model'
import { normalizeTitle } from '../../../shared/text/normalizeTitle'
import { normalizeDoi } from '../duplicates/duplicateKeys'
import { findArxivId, parseArxivId, parseDoi } from '../imports/identifiers'
import type { LibraryRecords } from '../store/libraryStore'
import type { PdfText } from './pdfText/pageText'

export interface PdfClues {
  doi?: string
  arxivId?: string
  title?: string
  authors: string[]
}

/** Pages read for identifiers: a paper prints its DOI or arXiv id on the first one or two. */
const PAGES_READ = 2
const DOI_IN_TEXT = /\b(10\.\d{4,9}\/[^\s"<>]+)/
/** arXiv's stamp down a preprint's margin: "arXiv:2101.00001v2 [cs.LG] 1 Jan 2021". */
const ARXIV_STAMP = /\barXiv:\s*(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?/i
/** Titles that word processors and converters write instead of the paper's. */
const PLACEHOLDER_TITLE = /^(untitled|microsoft word|document\d*$|title$|.*\.(docx?|tex|dvi|pdf)$)/i

export function cluesOf(text: PdfText): PdfClues {
  const head = text.pages
    .slice(0, PAGES_READ)
    .map((page) => page.text)
    .join('\n')
  const meta = [text.info.subject ?? '', text.info.keywords ?? '', text.info.title ?? ''].join('\n')
  const doiText = DOI_IN_TEXT.exec(meta)?.[1] ?? DOI_IN_TEXT.exec(head)?.[1]
  const doi = doiText === undefined ? undefined : parseDoi(doiText)
  const arxivRaw = ARXIV_STAMP.exec(head)?.[1] ?? findArxivId(`${meta}\n${head}`)
  const arxivId = arxivRaw === undefined ? undefined : parseArxivId(arxivRaw)
  const metaTitle = text.info.title?.trim() ?? ''
  const firstLine =
    (text.pages[0]?.text ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length >= 8 && !ARXIV_STAMP.test(line)) ?? ''
  const title =
    metaTitle !== '' && !PLACEHOLDER_TITLE.test(metaTitle) ? metaTitle : firstLine || undefined
  const authors = (text.info.author ?? '')
    .split(/\s*(?:;|,|\band\b|&)\s*/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
  return {
    ...(doi === undefined ? {} : { doi }),
    ...(arxivId === undefined ? {} : { arxivId }),
    ...(title === undefined ? {} : { title }),
    authors,
  }
}

/** The library paper (not in the Trash) the clues name, and by which clue. */
export function matchPaper(
  records: LibraryRecords,
  clues: PdfClues,
): { paper: Paper; by: 'doi' | 'arxiv' | 'title' } | undefined {
  const doi = normalizeDoi(clues.doi)
  const title = clues.title === undefined ? undefined : normalizeTitle(clues.title)
  let byArxiv: Paper | undefined
  let byTitle: Paper | undefined
  for (const paper of records.papers.values()) {
    if (paper.trashedAt !== undefined) continue
    if (doi !== undefined && normalizeDoi(paper.doi) === doi) return { paper, by: 'doi' }
    if (clues.arxivId !== undefined && paper.arxivId !== undefined) {
      if (parseArxivId(paper.arxivId) === clues.arxivId) byArxiv ??= paper
    }
    if (title !== undefined && title !== '' && normalizeTitle(paper.title) === title) {
      byTitle ??= paper
    }
  }
  if (byArxiv !== undefined) return { paper: byArxiv, by: 'arxiv' }
  if (byTitle !== undefined) return { paper: byTitle, by: 'title' }
  return undefined
}

/** A new paper made from a PDF's clues (its title, else the file's name). */
export function paperFromClues(clues: PdfClues, fileName: string, id: string, at: string): Paper {
  const title = clues.title ?? (fileName.replace(/\.pdf$/i, '').trim() || 'Untitled PDF')
  return {
    id,
    title,
    abstract: '',
    authors: clues.authors,
    ...(clues.doi === undefined ? {} : { doi: clues.doi }),
    ...(clues.arxivId === undefined ? {} : { arxivId: clues.arxivId }),
    links: [],
    upvotes: 0,
    tags: [],
    status: 'unread',
    starred: false,
    addedAt: at,
    updatedAt: at,
    source: { format: 'pdf', fileName, importedAt: at },
  }
}
