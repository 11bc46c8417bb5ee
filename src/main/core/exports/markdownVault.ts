// Markdown out, as an Obsidian vault: one file per paper in scope (its note as
// the body, so [[wiki-links]] between notes keep working) and one per
// standalone note. Front matter carries the paper's metadata as YAML; every
// string is written as a double-quoted JSON string, which is valid YAML and
// needs no other escaping. File names cannot hold the characters Obsidian and
// the file systems forbid, so the exact title is kept as an alias: a link
// [[ToolRL: Reward…]] still resolves to "ToolRL Reward….md".
import type { Note, Paper } from '../../../shared/model'
import type { ExportFile } from '../../../shared/model'
import { extraFieldsOf } from '../imports/extraFields'
import { UNPACED, type Pace } from '../kernel/longTasks'

// Control characters (\p{Cc}) are no file name's business either.
const FORBIDDEN = /[\\/:*?"<>|#^[\]\p{Cc}]/gu
const MAX_NAME = 120

export function vaultFileName(title: string): string {
  const name = title.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '')
  return (name.length > MAX_NAME ? name.slice(0, MAX_NAME).trimEnd() : name) || 'Untitled'
}

function yamlValue(value: string | number | boolean | string[]): string {
  if (Array.isArray(value)) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`
  return typeof value === 'string' ? JSON.stringify(value) : String(value)
}

function frontMatter(fields: [string, string | number | boolean | string[] | undefined][]): string {
  const lines = fields
    .filter((field): field is [string, string | number | boolean | string[]] => {
      const value = field[1]
      return value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)
    })
    .map(([name, value]) => `${name}: ${yamlValue(value)}`)
  return `---\n${lines.join('\n')}\n---\n`
}

export interface VaultInput {
  papers: readonly Paper[]
  /** The note of each paper that has one. */
  noteOf: (paperId: string) => Note | undefined
  standaloneNotes: readonly Note[]
  keys: ReadonlyMap<string, string>
  /** Names of the collections each paper is in. */
  collectionsOf: (paperId: string) => string[]
}

export async function exportMarkdownVault(
  input: VaultInput,
  pace: Pace = UNPACED,
): Promise<ExportFile[]> {
  const files: ExportFile[] = []
  const used = new Set<string>()
  const uniquePath = (title: string): string => {
    const base = vaultFileName(title)
    let name = base
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`
    used.add(name.toLowerCase())
    return `${name}.md`
  }
  for (const [index, paper] of input.papers.entries()) {
    await pace(index, input.papers.length)
    const note = input.noteOf(paper.id)
    const path = uniquePath(paper.title)
    const head = frontMatter([
      ['title', paper.title],
      ['aliases', path.slice(0, -3) === paper.title ? [] : [paper.title]],
      ['authors', paper.authors],
      ['published', paper.published],
      ['venue', paper.venue],
      ['doi', paper.doi],
      ['arxiv', paper.arxivId],
      ['url', paper.links[0]?.url],
      ['citekey', input.keys.get(paper.id)],
      ['tags', paper.tags.map((tag) => tag.replace(/\s+/g, '-'))],
      ['collections', input.collectionsOf(paper.id)],
      ['status', paper.status],
      ['starred', paper.starred],
      ['abstract', paper.abstract],
      ...extraFieldsOf(paper).map((f): [string, string | number | string[]] => [f.name, f.value]),
    ])
    const body = note?.body ?? ''
    files.push({ path, text: `${head}\n${body}${body.endsWith('\n') || body === '' ? '' : '\n'}` })
  }
  for (const note of input.standaloneNotes) {
    const path = uniquePath(note.title)
    const head = frontMatter([
      ['title', note.title],
      ['aliases', path.slice(0, -3) === note.title ? [] : [note.title]],
      ['created', note.createdAt],
      ['updated', note.updatedAt],
    ])
    files.push({ path, text: `${head}\n${note.body}${note.body.endsWith('\n') ? '' : '\n'}` })
  }
  return files
}
