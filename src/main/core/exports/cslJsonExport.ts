// CSL-JSON out: what citeproc, Pandoc and Zotero read. One item per paper; the
// id is the citation key so a Pandoc document can cite it as [@key].
import type { Paper, PaperType } from '../../../shared/model'
import { extraFieldsOf } from '../imports/extraFields'
import { isoParts } from '../imports/isoDate'
import { mapPaced, UNPACED, type Pace } from '../kernel/longTasks'
import { splitName } from './personName'

const CSL_TYPES: Record<PaperType, string> = {
  'article-journal': 'article-journal',
  'paper-conference': 'paper-conference',
  chapter: 'chapter',
  book: 'book',
  thesis: 'thesis',
  report: 'report',
  preprint: 'article',
  webpage: 'webpage',
  other: 'document',
}

export function cslItem(paper: Paper, key: string): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: key,
    'citation-key': key,
    type: paper.type === undefined ? 'document' : CSL_TYPES[paper.type],
    title: paper.title,
  }
  if (paper.authors.length > 0) {
    item['author'] = paper.authors.map((name) => {
      const { given, particle, family, suffix } = splitName(name)
      const csl: Record<string, string> = { family }
      if (given !== '') csl['given'] = given
      if (particle !== '') csl['non-dropping-particle'] = particle
      if (suffix !== '') csl['suffix'] = suffix
      return csl
    })
  }
  if (paper.published !== undefined) item['issued'] = { 'date-parts': [isoParts(paper.published)] }
  const optional: [string, string | undefined][] = [
    ['container-title', paper.venue],
    ['volume', paper.volume],
    ['issue', paper.issue],
    ['page', paper.pages?.replace(/–/g, '-')],
    ['publisher', paper.publisher],
    ['DOI', paper.doi],
    // Zotero's convention for a preprint's arXiv id.
    ['number', paper.arxivId === undefined ? undefined : `arXiv:${paper.arxivId}`],
    ['URL', paper.links[0]?.url],
    ['keyword', paper.tags.length > 0 ? paper.tags.join(', ') : undefined],
    ['abstract', paper.abstract === '' ? undefined : paper.abstract],
  ]
  for (const [name, value] of optional) if (value !== undefined && value !== '') item[name] = value
  // Hugging Face's fields have no CSL variable: CSL 1.0.2 keeps such data in `custom`.
  const extras = extraFieldsOf(paper)
  if (extras.length > 0) item['custom'] = Object.fromEntries(extras.map((f) => [f.name, f.value]))
  return item
}

/** The same text as JSON.stringify(items, null, 2), made one item at a time (so it can pace). */
export async function exportCslJson(
  papers: readonly Paper[],
  keys: ReadonlyMap<string, string>,
  pace: Pace = UNPACED,
): Promise<string> {
  const items = await mapPaced(
    papers,
    (paper) =>
      JSON.stringify(cslItem(paper, keys.get(paper.id) ?? paper.id), null, 2).replace(/^/gm, '  '),
    pace,
  )
  return items.length === 0 ? '[]\n' : `[\n${items.join(',\n')}\n]\n`
}
