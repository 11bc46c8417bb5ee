// The options the CLI understands, in node:util parseArgs' terms, and what
// each does to the command line. Every command accepts every option and uses
// those it needs (`list --limit 3` is not an error). The messages are those
// of the hand-written parser this replaced, which scripts may match.
import type { ParseArgsConfig } from 'node:util'
import {
  MAX_GRAPH_DEPTH,
  type ExportFormat,
  type InboxSort,
  type PaperSort,
} from '../../shared/model'
import type { CiteFormat, CommandLine } from './commandLine'
import { UsageError } from './errors'

export const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  sort: { type: 'string' },
  add: { type: 'string' },
  remove: { type: 'string' },
  format: { type: 'string' },
  collection: { type: 'string' },
  out: { type: 'string' },
  'no-subcollections': { type: 'boolean' },
  limit: { type: 'string' },
  week: { type: 'string' },
  month: { type: 'string' },
  atom: { type: 'boolean' },
  style: { type: 'string' },
  render: { type: 'boolean' },
  set: { type: 'string' },
  append: { type: 'string' },
  name: { type: 'string' },
  every: { type: 'string' },
  force: { type: 'boolean' },
  by: { type: 'string' },
  state: { type: 'string' },
  depth: { type: 'string' },
  all: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>

export type OptionName = keyof typeof OPTIONS

/** An option as written: its value (none when nothing followed it), and whether as `--name=value`. */
export interface GivenOption {
  value: string | undefined
  inline: boolean
}

const SORTS: readonly PaperSort[] = ['published', 'added', 'title', 'upvotes']
const EXPORT_FORMATS: readonly ExportFormat[] = ['bibtex', 'csl-json', 'ris', 'markdown']
const CITE_FORMATS: readonly CiteFormat[] = ['text', 'html', 'bibtex']
const INBOX_SORTS: readonly InboxSort[] = ['relevance', 'upvotes', 'date']
const INBOX_STATES = ['new', 'kept', 'skipped', 'all'] as const

/** What each option does to the command line, in the order the options are written. */
export const APPLY_OPTION: Record<OptionName, (line: CommandLine, given: GivenOption) => void> = {
  library: (line, { value, inline }) => {
    // Reported only by a command that opens the library (`help --library` still helps).
    if (value === undefined || value === '' || (!inline && value.startsWith('--'))) {
      line.libraryProblem ??= `--library needs a folder: --library${inline ? '=' : ' '}DIR`
    } else {
      line.library = value // the last one wins, as usual on command lines
    }
  },
  json: (line) => {
    line.json = true
  },
  sort: (line, { value }) => {
    line.sort = oneOf('--sort', SORTS, value)
  },
  add: (line, given) => {
    line.addTags.push(tagOf('--add', given))
  },
  remove: (line, given) => {
    line.removeTags.push(tagOf('--remove', given))
  },
  format: (line, given) => {
    // `cite` writes text, HTML or BibTeX; every other command reads it as an export format.
    if (line.command === 'cite') {
      line.citeFormat = oneOf('--format', CITE_FORMATS, valueOf('--format', given))
    } else {
      line.format = oneOf('--format', EXPORT_FORMATS, valueOf('--format', given))
    }
  },
  style: (line, given) => {
    line.style = valueOf('--style', given)
  },
  render: (line) => {
    line.render = true
  },
  collection: (line, given) => {
    line.collection = valueOf('--collection', given)
  },
  out: (line, given) => {
    line.out = valueOf('--out', given)
  },
  'no-subcollections': (line) => {
    line.subcollections = false
  },
  limit: (line, { value }) => {
    const limit = Number(value)
    if (!Number.isInteger(limit) || limit < 1) {
      throw new UsageError('--limit must be a whole number of at least 1')
    }
    line.limit = limit
  },
  week: (line, given) => {
    line.week = valueOf('--week', given)
  },
  month: (line, given) => {
    line.month = valueOf('--month', given)
  },
  atom: (line) => {
    line.atom = true
  },
  set: (line, { value }) => {
    line.noteSet = value ?? ''
  },
  append: (line, { value }) => {
    line.noteAppend = value ?? ''
  },
  name: (line, given) => {
    line.name = valueOf('--name', given)
  },
  every: (line, { value }) => {
    const hours = Number(value)
    if (!Number.isInteger(hours) || hours < 1 || hours > 744) {
      throw new UsageError('--every must be a whole number of hours from 1 to 744')
    }
    line.everyHours = hours
  },
  force: (line) => {
    line.force = true
  },
  by: (line, { value }) => {
    line.inboxSort = oneOf('--by', INBOX_SORTS, value)
  },
  state: (line, { value }) => {
    line.inboxState = oneOf('--state', INBOX_STATES, value)
  },
  depth: (line, { value }) => {
    const depth = Number(value)
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_GRAPH_DEPTH) {
      throw new UsageError(`--depth must be a whole number from 1 to ${MAX_GRAPH_DEPTH}`)
    }
    line.depth = depth
  },
  all: (line) => {
    line.all = true
  },
  help: (line) => {
    line.help = true
  },
}

function oneOf<T extends string>(
  name: string,
  choices: readonly T[],
  value: string | undefined,
): T {
  const choice = choices.find((candidate) => candidate === value)
  if (choice === undefined) throw new UsageError(`${name} must be one of: ${choices.join(', ')}`)
  return choice
}

function valueOf(name: string, { value }: GivenOption): string {
  if (value === undefined || value === '') throw new UsageError(`${name} needs a value`)
  return value
}

/** `--add=` adds the empty tag (which the API refuses); `--add --json` forgot the tag. */
function tagOf(name: string, { value, inline }: GivenOption): string {
  if (value === undefined || (!inline && value.startsWith('--'))) {
    throw new UsageError(`${name} needs a tag`)
  }
  return value
}
