// BibTeX out: one entry per paper, keys from citationKeys.ts, every text field
// converted to ASCII LaTeX by unicode2latex (the table Better BibTeX uses), so
// the file works with classic BibTeX as well as biber. Words with capitals
// past their first letter (BERT, GPT-4, iPhone) are braced so styles that
// lower-case titles keep them.
import { Transform } from 'unicode2latex'
import type { Paper, PaperType } from '../../../shared/model'
import { isoParts } from '../importers/isoDate'
import { splitName } from './personName'

const text = new Transform('bibtex', {})
const creator = new Transform('bibtex-creator', {})

const MONTH_MACROS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
]

export function latex(value: string): string {
  return text.tolatex(value, { bracemath: true })
}

/** A title with case-sensitive words protected by braces. */
export function protectedTitle(title: string): string {
  return title
    .split(/(\s+)/)
    .map((part) => {
      if (/^\s+$/.test(part) || part === '') return part
      // Converted word by word, so a word ending in a control word (\textbraceright)
      // must end it explicitly, or LaTeX swallows the space that follows.
      const tex = latex(part).replace(/(\\[A-Za-z]+)$/, '$1{}')
      return /.\p{Lu}|^\p{Lu}{2}/u.test(part) || /\p{Lu}.*\d|\d.*\p{Lu}/u.test(part)
        ? `{${tex}}`
        : tex
    })
    .join('')
}

/** "van der Berg, Jr., Jan" in BibTeX's name syntax. */
export function bibtexName(name: string): string {
  if (name.includes(',') || /\band\b/i.test(name)) return `{${creator.tolatex(name, {})}}`
  const { given, particle, family, suffix } = splitName(name)
  const last = [particle, family]
    .filter((p) => p !== '')
    .map((p) => creator.tolatex(p, {}))
    .join(' ')
  const parts = [last]
  if (suffix !== '') parts.push(creator.tolatex(suffix, {}))
  if (given !== '') parts.push(creator.tolatex(given, {}))
  return parts.join(', ')
}

function entryType(paper: Paper): string {
  const type: PaperType | undefined = paper.type
  switch (type) {
    case 'article-journal':
      return 'article'
    case 'paper-conference':
      return 'inproceedings'
    case 'chapter':
      return 'incollection'
    case 'book':
      return 'book'
    case 'thesis':
      return 'phdthesis'
    case 'report':
      return 'techreport'
    case 'preprint':
      return paper.arxivId === undefined ? 'unpublished' : 'misc'
    case 'webpage':
      return 'online'
    default:
      return 'misc'
  }
}

export function bibtexEntry(paper: Paper, key: string): string {
  const fields: [string, string][] = []
  const add = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') fields.push([name, value])
  }
  const type = entryType(paper)
  add('title', `{${protectedTitle(paper.title)}}`)
  if (paper.authors.length > 0) add('author', `{${paper.authors.map(bibtexName).join(' and ')}}`)
  if (paper.venue !== undefined)
    add(type === 'article' ? 'journal' : 'booktitle', `{${latex(paper.venue)}}`)
  if (paper.published !== undefined) {
    const [year, month, day] = isoParts(paper.published)
    add('year', year === undefined ? undefined : String(year))
    add('month', month === undefined ? undefined : MONTH_MACROS[month - 1])
    if (day !== undefined) add('date', `{${paper.published}}`)
  }
  add('volume', paper.volume === undefined ? undefined : `{${latex(paper.volume)}}`)
  add('number', paper.issue === undefined ? undefined : `{${latex(paper.issue)}}`)
  add(
    'pages',
    paper.pages === undefined
      ? undefined
      : `{${latex(paper.pages.replace(/–/g, '-')).replace(/-+/g, '--')}}`,
  )
  add('publisher', paper.publisher === undefined ? undefined : `{${latex(paper.publisher)}}`)
  add('doi', paper.doi === undefined ? undefined : `{${paper.doi}}`)
  if (paper.arxivId !== undefined) {
    add('eprint', `{${paper.arxivId}}`)
    if (paper.type === 'preprint') add('archiveprefix', '{arXiv}')
  }
  // Verbatim fields: only braces would need care, and URLs do not contain unbalanced ones.
  paper.links.forEach((link, i) =>
    add(i === 0 ? 'url' : `url${i + 1}`, `{${link.url.replace(/[{}]/g, encodeURIComponent)}}`),
  )
  if (paper.tags.length > 0) add('keywords', `{${paper.tags.map(latex).join(', ')}}`)
  add('abstract', paper.abstract === '' ? undefined : `{${latex(paper.abstract)}}`)
  const width = Math.max(...fields.map(([name]) => name.length))
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value},`).join('\n')
  return `@${type}{${key},\n${body}\n}\n`
}

export function exportBibtex(papers: readonly Paper[], keys: ReadonlyMap<string, string>): string {
  return papers.map((paper) => bibtexEntry(paper, keys.get(paper.id) ?? paper.id)).join('\n')
}
