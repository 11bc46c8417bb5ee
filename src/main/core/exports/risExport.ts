// RIS out: the tagged format EndNote, Zotero and Mendeley read.
import type { Paper, PaperType } from '../../../shared/model'
import { extraFieldsOf, listText } from '../imports/extraFields'
import { isoParts } from '../imports/isoDate'
import { mapPaced, UNPACED, type Pace } from '../kernel/longTasks'
import { splitName } from './personName'

const RIS_TYPES: Record<PaperType, string> = {
  'article-journal': 'JOUR',
  'paper-conference': 'CONF',
  chapter: 'CHAP',
  book: 'BOOK',
  thesis: 'THES',
  report: 'RPRT',
  preprint: 'UNPB',
  webpage: 'ELEC',
  other: 'GEN',
}

/** "van der Berg, Jan, Jr." */
export function risAuthor(name: string): string {
  const { given, particle, family, suffix } = splitName(name)
  const last = [particle, family].filter((p) => p !== '').join(' ')
  return [last, given, suffix].filter((p, i) => p !== '' || (i === 1 && suffix !== '')).join(', ')
}

/** One line per value; RIS values cannot span lines, so line breaks become spaces. */
function line(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/\s*[\r\n]+\s*/g, ' ')}`
}

export function risEntry(paper: Paper, key: string): string {
  const lines = [
    line('TY', paper.type === undefined ? 'GEN' : RIS_TYPES[paper.type]),
    line('ID', key),
    line('TI', paper.title),
  ]
  for (const author of paper.authors) lines.push(line('AU', risAuthor(author)))
  if (paper.published !== undefined) {
    const [year, month, day] = isoParts(paper.published)
    lines.push(line('PY', String(year)))
    if (month !== undefined) {
      lines.push(
        line(
          'DA',
          `${year}/${String(month).padStart(2, '0')}/${day === undefined ? '' : `${String(day).padStart(2, '0')}/`}`,
        ),
      )
    }
  }
  if (paper.venue !== undefined)
    lines.push(line(paper.type === 'article-journal' ? 'JO' : 'T2', paper.venue))
  if (paper.volume !== undefined) lines.push(line('VL', paper.volume))
  if (paper.issue !== undefined) lines.push(line('IS', paper.issue))
  if (paper.pages !== undefined) {
    const [start, end] = paper.pages.split(/\s*[–-]+\s*/)
    if (start !== undefined) lines.push(line('SP', start))
    if (end !== undefined) lines.push(line('EP', end))
  }
  if (paper.publisher !== undefined) lines.push(line('PB', paper.publisher))
  if (paper.doi !== undefined) lines.push(line('DO', paper.doi))
  if (paper.arxivId !== undefined) lines.push(line('AN', `arXiv:${paper.arxivId}`))
  for (const link of paper.links) lines.push(line('UR', link.url))
  for (const tag of paper.tags) lines.push(line('KW', tag))
  if (paper.abstract !== '') lines.push(line('AB', paper.abstract))
  // Hugging Face's fields have no RIS tag: notes of "name: value", as Zotero writes its Extra.
  for (const { name, value } of extraFieldsOf(paper))
    lines.push(line('N1', `${name}: ${listText(value)}`))
  lines.push('ER  - ')
  return lines.join('\n')
}

export async function exportRis(
  papers: readonly Paper[],
  keys: ReadonlyMap<string, string>,
  pace: Pace = UNPACED,
): Promise<string> {
  const entries = await mapPaced(
    papers,
    (paper) => risEntry(paper, keys.get(paper.id) ?? paper.id),
    pace,
  )
  return `${entries.join('\n\n')}\n`
}
