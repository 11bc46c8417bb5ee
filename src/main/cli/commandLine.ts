// The command line read with node:util parseArgs: the command, its operands
// and the options (options.ts). A search query may exclude words
// (`search tool -survey`), so after `search` what is not an option is a word
// of the query; anywhere else it is an error.
import { parseArgs } from 'node:util'
import type { ExportFormat, InboxSort, PaperSort } from '../../shared/model'
import { UsageError } from './errors'
import type { CliIo } from './io'
import { APPLY_OPTION, OPTIONS } from './options'
import type { OptionName } from './options'

export interface CommandLine {
  command?: string
  operands: string[]
  json: boolean
  sort: PaperSort
  help: boolean
  /** --library DIR (the last one given) */
  library?: string
  /** Why a --library option is unusable (the first one), for the commands that open the library. */
  libraryProblem?: string
  /** tag: --add T (repeatable) */
  addTags: string[]
  /** tag: --remove T (repeatable) */
  removeTags: string[]
  /** export: --format F */
  format?: ExportFormat
  /** export: --collection NAME */
  collection?: string
  /** export: false with --no-subcollections */
  subcollections: boolean
  /** export: --out PATH */
  out?: string
  /** related: --limit N */
  limit?: number
  /** daily: --week YYYY-Www */
  week?: string
  /** daily: --month YYYY-MM */
  month?: string
  /** feed: --atom (the Atom feed rather than RSS) */
  atom: boolean
  /** cite: --format text|html|bibtex */
  citeFormat?: CiteFormat
  /** cite, export-note: --style NAME (a CSL style) */
  style?: string
  /** export-note: --render (citations and references formatted) */
  render: boolean
  /** note: --set TEXT (the note's new text) */
  noteSet?: string
  /** note: --append TEXT (added to the note on a line of its own) */
  noteAppend?: string
  /** feed add: --name NAME */
  name?: string
  /** feed add: --every HOURS */
  everyHours?: number
  /** feed refresh: --force (arXiv on a weekend too) */
  force?: boolean
  /** inbox: --by relevance|upvotes|date */
  inboxSort?: InboxSort
  /** inbox: --state new|kept|skipped|all */
  inboxState?: 'new' | 'kept' | 'skipped' | 'all'
  /** graph: --depth N (1–3) */
  depth?: number
  /** graph: --all (the whole library) */
  all: boolean
}

/** What `cite` writes. */
export type CiteFormat = 'text' | 'html' | 'bibtex'

/** A command: runs with the command line, resolves to the exit code. */
export type Command = (line: CommandLine, io: CliIo) => Promise<number>

export function parseCommandLine(argv: readonly string[]): CommandLine {
  const line: CommandLine = {
    operands: [],
    json: false,
    sort: 'published',
    help: false,
    addTags: [],
    removeTags: [],
    subcollections: true,
    atom: false,
    render: false,
    all: false,
  }
  for (const { raw, tokens } of argumentsOf(argv)) {
    const [token, ...more] = tokens
    if (token?.kind === 'positional') {
      if (line.command === undefined) line.command = token.value
      else line.operands.push(token.value)
    } else if (token?.kind === 'option' && more.length === 0 && isKnownOption(token)) {
      APPLY_OPTION[token.name](line, { value: token.value, inline: token.inlineValue === true })
    } else if (line.command === 'search') {
      line.operands.push(raw)
    } else {
      throw new UsageError(`unknown option ${raw} (see: offprint help)`)
    }
  }
  return line
}

type Token = NonNullable<ReturnType<typeof tokensOf>>[number]
type OptionToken = Extract<Token, { kind: 'option' }>

function tokensOf(args: string[]) {
  return parseArgs({ args, options: OPTIONS, strict: false, allowPositionals: true, tokens: true })
    .tokens
}

/** One argument as written, with what parseArgs read in it (`-abc` is three short options). */
interface Argument {
  raw: string
  tokens: Token[]
}

/**
 * The arguments in order. `--` ends nothing here (it never did): it is an
 * argument like any other, and what follows it is read as before it.
 */
function argumentsOf(argv: readonly string[]): Argument[] {
  const found: (Argument & { index: number })[] = []
  for (const token of tokensOf([...argv])) {
    if (token.kind === 'option-terminator') {
      return [...found, { raw: '--', tokens: [] }, ...argumentsOf(argv.slice(token.index + 1))]
    }
    const last = found.at(-1)
    if (last?.index === token.index) last.tokens.push(token)
    else found.push({ index: token.index, raw: argv[token.index] ?? '', tokens: [token] })
  }
  return found
}

/** One of ours, written as such: a flag with no `=value`, an option with its value. */
function isKnownOption(token: OptionToken): token is OptionToken & { name: OptionName } {
  if (!Object.hasOwn(OPTIONS, token.name)) return false
  return OPTIONS[token.name as OptionName].type === 'string' || token.value === undefined
}
