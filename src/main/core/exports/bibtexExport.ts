// BibTeX out: one entry per paper, keys from citationKeys.ts, every text field
// converted to ASCII LaTeX by unicode2latex (the table Better BibTeX uses), so
// the file works with classic BibTeX as well as biber. Words with capitals
// past their first letter (BERT, GPT-4, iPhone) are braced so styles that
// lower-case titles keep them.
import type { Transform } from 'unicode2latex'
import type { Paper, PaperType } from '../../../shared/model'
import { extraFieldsOf, listText } from '../imports/extraFields'
import { MONTHS, isoParts } from '../imports/isoDate'
import { mapPaced, UNPACED, type Pace } from '../kernel/longTasks'
import { splitName } from './personName'

interface Latex {
  text: Transform
  creator: Transform
}

let transforms: Promise<Latex> | undefined

/** unicode2latex, loaded on first export (as an ES module: see loadBibtexParser). */
export function loadLatex(): Promise<Latex> {
  transforms ??= import('unicode2latex').then(({ Transform: T }) => ({
    text: new T('bibtex', {}),
    creator: new T('bibtex-creator', {}),
  }))
  return transforms
}

function latex(tex: Latex, value: string): string {
  // "--" is an en dash to LaTeX: hyphens the text has in a row are kept apart.
  return value
    .split(/(-{2,})/)
    .map((part, i) =>
      i % 2 === 1 ? part.replace(/-(?=-)/g, '-{}') : tex.text.tolatex(part, { bracemath: true }),
    )
    .join('')
}

/** A title with case-sensitive words protected by braces. */
function protectedTitle(tex: Latex, title: string): string {
  return title
    .split(/(\s+)/)
    .map((part) => {
      if (/^\s+$/.test(part) || part === '') return part
      // Converted word by word, so a word ending in a control word (\textbraceright)
      // must end it explicitly, or LaTeX swallows the space that follows.
      const word = latex(tex, part).replace(/(\\[A-Za-z]+)$/, '$1{}')
      return /.\p{Lu}|^\p{Lu}{2}/u.test(part) || /\p{Lu}.*\d|\d.*\p{Lu}/u.test(part)
        ? `{${word}}`
        : word
    })
    .join('')
}

/** "van der Berg, Jr., Jan" in BibTeX's name syntax. */
function bibtexName(tex: Latex, name: string): string {
  if (name.includes(',') || /\band\b/i.test(name)) return `{${tex.creator.tolatex(name, {})}}`
  const { given, particle, family, suffix } = splitName(name)
  const last = [particle, family]
    .filter((p) => p !== '')
    .map((p) => tex.creator.tolatex(p, {}))
    .join(' ')
  const parts = [last]
  if (suffix !== '') parts.push(tex.creator.tolatex(suffix, {}))
  if (given !== '') parts.push(tex.creator.tolatex(given, {}))
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

function bibtexEntry(tex: Latex, paper: Paper, key: string): string {
  const fields: [string, string][] = []
  const add = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') fields.push([name, value])
  }
  const type = entryType(paper)
  // biblatex's `ids`: the other keys this paper is cited by (merged entries, a renamed key).
  const aliases = [paper.citationKey, ...(paper.citationKeyAliases ?? [])].filter(
    (alias): alias is string => alias !== undefined && alias !== '' && alias !== key,
  )
  if (aliases.length > 0) add('ids', `{${[...new Set(aliases)].join(', ')}}`)
  add('title', `{${protectedTitle(tex, paper.title)}}`)
  if (paper.authors.length > 0)
    add('author', `{${paper.authors.map((name) => bibtexName(tex, name)).join(' and ')}}`)
  if (paper.venue !== undefined)
    add(type === 'article' ? 'journal' : 'booktitle', `{${latex(tex, paper.venue)}}`)
  if (paper.published !== undefined) {
    const [year, month, day] = isoParts(paper.published)
    add('year', year === undefined ? undefined : String(year))
    add('month', month === undefined ? undefined : MONTHS[month - 1])
    if (day !== undefined) add('date', `{${paper.published}}`)
  }
  add('volume', paper.volume === undefined ? undefined : `{${latex(tex, paper.volume)}}`)
  add('number', paper.issue === undefined ? undefined : `{${latex(tex, paper.issue)}}`)
  add(
    'pages',
    paper.pages === undefined
      ? undefined
      : `{${latex(tex, paper.pages.replace(/–/g, '-')).replace(/-+/g, '--')}}`,
  )
  add('publisher', paper.publisher === undefined ? undefined : `{${latex(tex, paper.publisher)}}`)
  add('doi', paper.doi === undefined ? undefined : `{${paper.doi}}`)
  if (paper.arxivId !== undefined) {
    add('eprint', `{${paper.arxivId}}`)
    if (paper.type === 'preprint') add('archiveprefix', '{arXiv}')
  }
  // Verbatim fields: only braces would need care, and URLs do not contain unbalanced ones.
  paper.links.forEach((link, i) =>
    add(i === 0 ? 'url' : `url${i + 1}`, `{${link.url.replace(/[{}]/g, encodeURIComponent)}}`),
  )
  if (paper.tags.length > 0)
    add('keywords', `{${paper.tags.map((tag) => latex(tex, tag)).join(', ')}}`)
  add('abstract', paper.abstract === '' ? undefined : `{${latex(tex, paper.abstract)}}`)
  // Hugging Face's fields, as fields of their own (styles pass over fields they do not know).
  for (const { name, value, kind } of extraFieldsOf(paper)) {
    const text = listText(value)
    if (kind === 'url') add(name, `{${text.replace(/[{}]/g, encodeURIComponent)}}`)
    // An organization is a name list to biblatex: one with "and" in it is braced whole.
    else if (name === 'organization' && /\sand\s/i.test(text)) add(name, `{{${latex(tex, text)}}}`)
    else add(name, `{${latex(tex, text)}}`)
  }
  const width = Math.max(...fields.map(([name]) => name.length))
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value},`).join('\n')
  return `@${type}{${key},\n${body}\n}\n`
}

export async function exportBibtex(
  papers: readonly Paper[],
  keys: ReadonlyMap<string, string>,
  pace: Pace = UNPACED,
): Promise<string> {
  const tex = await loadLatex()
  const entries = await mapPaced(
    papers,
    (paper) => bibtexEntry(tex, paper, keys.get(paper.id) ?? paper.id),
    pace,
  )
  return entries.join('\n')
}
