// The headless command line: `offprint import FILE`, `offprint list`, the
// organizing commands (cliOrganize.ts), the linked-notes commands
// (cliLinks.ts: related, backlinks) and `offprint export` (cliExport.ts), over
// the same library core and the
// same validating dispatcher as the app. Kept apart from cli.ts (which only
// wires the process) so tests can run it in-process.
import { readFile, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { MAX_QUERY_CHARS } from '../../shared/api/limits'
import { MAX_IMPORT_CHARS } from '../../shared/api/limits'
import type { ExportFormat, ImportReport, Paper, PaperSort } from '../../shared/model'
import {
  CommandError,
  UsageError,
  call,
  libraryDirOf,
  oneLine,
  withExistingLibrary,
  withLibrary,
} from './cliLibrary'
import type { CliIo, CommandLine } from './cliLibrary'
import { exportCommand } from './cliExport'
import { backlinksCommand, relatedCommand } from './cliLinks'
import { addToCollectionCommand, collectionsCommand, tagCommand } from './cliOrganize'
import { messageOf } from '../core/kernel/errors'
import { LIBRARY_ENV, LibraryLocationError } from '../core/store/libraryLocation'

export type { CliIo } from './cliLibrary'

export const USAGE = `Usage: offprint <command> [options]

Commands:
  import FILE                   import papers: BibTeX, RIS, CSL-JSON, an arXiv Atom feed,
                                a list of arXiv ids / DOIs (looked up online), or a saved
                                Hugging Face Daily Papers page; the format is read from
                                the content
  export                        write papers out: --format F --out PATH (markdown: PATH is
                                a folder, one file per paper and note)
  list                          list the papers in the library, newest first
  search QUERY                  the papers matching QUERY, best match first, in the
                                app's query language: words, "phrases", -exclusions,
                                title:, author:, tag:, in:"Collection",
                                is:unread|reading|read|starred, has:note,
                                year:2024, year:2023..2025
  collections                   show the collections as a tree, with their paper counts
  add-to-collection NAME ID...  file papers in a collection (NAME or a path "A/B";
                                created when it does not exist)
  tag ID... --add T --remove T  add or remove tags on papers (each option repeatable)
  related ID                    the papers most similar to paper ID (title and abstract)
  backlinks ID                  the notes linking to paper or note ID, each with its sentence
  help                          show this help

Options:
  --library DIR  the library folder (or set ${LIBRARY_ENV}=DIR)
  --json         list, search, collections, related, backlinks: print JSON with all fields
  --sort ORDER   list (and search with only qualifiers): published (default),
                 added, title or upvotes
  --format F     export: bibtex, csl-json, ris or markdown
  --out PATH     export: the file (or folder, for markdown) to write
  --collection NAME    export: only this collection and its subcollections
  --no-subcollections  export: with --collection, leave its subcollections out
  --limit N      related: how many papers (default 5, at most 50)

Paper ids are in the output of: list --json`

const SORTS: readonly PaperSort[] = ['published', 'added', 'title', 'upvotes']
const EXPORT_FORMATS: readonly ExportFormat[] = ['bibtex', 'csl-json', 'ris', 'markdown']

/** Runs the CLI with `argv` (the arguments after the script name); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const line = parseCommandLine(argv)
    if (line.help || line.command === 'help') {
      io.out(USAGE)
      return 0
    }
    if (line.command === undefined) {
      io.err(USAGE)
      return 2
    }
    switch (line.command) {
      case 'import':
        return await importCommand(line, argv, io)
      case 'list':
        return await listCommand(line, argv, io)
      case 'search':
        return await searchCommand(line, argv, io)
      case 'collections':
        return await collectionsCommand(line, argv, io)
      case 'add-to-collection':
        return await addToCollectionCommand(line, argv, io)
      case 'tag':
        return await tagCommand(line, argv, io)
      case 'export':
        return await exportCommand(line, argv, io)
      case 'related':
        return await relatedCommand(line, argv, io)
      case 'backlinks':
        return await backlinksCommand(line, argv, io)
      default:
        throw new UsageError(`unknown command "${line.command}" (see: offprint help)`)
    }
  } catch (error) {
    io.err(`offprint: ${oneLine(messageOf(error))}`)
    return error instanceof UsageError || error instanceof LibraryLocationError ? 2 : 1
  }
}

function parseCommandLine(argv: string[]): CommandLine {
  const line: CommandLine = {
    operands: [],
    json: false,
    sort: 'published',
    help: false,
    addTags: [],
    removeTags: [],
    subcollections: true,
  }
  const valueOf = (name: string, arg: string, next: () => string | undefined): string => {
    const value = arg === name ? next() : arg.slice(name.length + 1)
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`)
    return value
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--library') {
      i++ // its value; libraryLocation.ts reads and checks it
    } else if (arg.startsWith('--library=')) {
      continue
    } else if (arg === '--json') {
      line.json = true
    } else if (arg === '--sort' || arg.startsWith('--sort=')) {
      const value = arg === '--sort' ? argv[++i] : arg.slice('--sort='.length)
      const sort = SORTS.find((candidate) => candidate === value)
      if (!sort) throw new UsageError(`--sort must be one of: ${SORTS.join(', ')}`)
      line.sort = sort
    } else if (arg === '--add' || arg === '--remove') {
      const value = argv[++i]
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a tag`)
      ;(arg === '--add' ? line.addTags : line.removeTags).push(value)
    } else if (arg.startsWith('--add=')) {
      line.addTags.push(arg.slice('--add='.length))
    } else if (arg.startsWith('--remove=')) {
      line.removeTags.push(arg.slice('--remove='.length))
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = valueOf('--format', arg, () => argv[++i])
      const format = EXPORT_FORMATS.find((candidate) => candidate === value)
      if (!format) throw new UsageError(`--format must be one of: ${EXPORT_FORMATS.join(', ')}`)
      line.format = format
    } else if (arg === '--collection' || arg.startsWith('--collection=')) {
      line.collection = valueOf('--collection', arg, () => argv[++i])
    } else if (arg === '--out' || arg.startsWith('--out=')) {
      line.out = valueOf('--out', arg, () => argv[++i])
    } else if (arg === '--no-subcollections') {
      line.subcollections = false
    } else if (arg === '--limit' || arg.startsWith('--limit=')) {
      const value = arg === '--limit' ? argv[++i] : arg.slice('--limit='.length)
      const limit = Number(value)
      if (!Number.isInteger(limit) || limit < 1) {
        throw new UsageError('--limit must be a whole number of at least 1')
      }
      line.limit = limit
    } else if (arg === '--help' || arg === '-h') {
      line.help = true
    } else if (arg.startsWith('-') && arg !== '-' && line.command !== 'search') {
      // (A search query may exclude words: `search tool -survey`.)
      throw new UsageError(`unknown option ${arg} (see: offprint help)`)
    } else if (line.command === undefined) {
      line.command = arg
    } else {
      line.operands.push(arg)
    }
  }
  return line
}

async function importCommand(line: CommandLine, argv: string[], io: CliIo): Promise<number> {
  const [file, ...extra] = line.operands
  if (file === undefined || extra.length > 0) {
    throw new UsageError('import takes one file: offprint import FILE --library DIR')
  }
  const dir = libraryDirOf(argv, io)
  const text = await readTextFile(file)
  return withLibrary(dir, io, async (library) => {
    const report = await call(library, 'importText', { text, fileName: basename(file) })
    for (const line of formatImportReport(report)) io.out(line)
    return 0
  })
}

async function listCommand(line: CommandLine, argv: string[], io: CliIo): Promise<number> {
  if (line.operands.length > 0) {
    throw new UsageError(`list takes no file (got "${line.operands[0]}")`)
  }
  return withExistingLibrary(argv, io, async (library) => {
    const papers = library.allPapers(line.sort)
    if (line.json) io.out(JSON.stringify(papers, null, 2))
    else for (const paper of papers) io.out(formatPaperLine(paper))
    return 0
  })
}

async function searchCommand(line: CommandLine, argv: string[], io: CliIo): Promise<number> {
  // Several operands are one query: `offprint search tool retrieval` needs no quotes.
  const query = line.operands.join(' ')
  if (query.trim() === '') {
    throw new UsageError('search takes a query: offprint search QUERY --library DIR')
  }
  if (query.length > MAX_QUERY_CHARS) {
    throw new UsageError(`the query is too long (over ${MAX_QUERY_CHARS} characters)`)
  }
  return withExistingLibrary(argv, io, async (library) => {
    const papers = await library.searchPapers(query, line.sort)
    if (line.json) io.out(JSON.stringify(papers, null, 2))
    else for (const paper of papers) io.out(formatPaperLine(paper))
    return 0
  })
}

export function formatImportReport(report: ImportReport): string[] {
  const name = report.fileName ?? 'text'
  const lines = [
    `Imported ${name}: ${report.added} added, ${report.alreadyPresent} already present, ` +
      `${report.skipped.length} skipped`,
  ]
  if (report.updated > 0) {
    lines.push(`  ${report.updated} already present gained details from the file`)
  }
  if (report.queued > 0) {
    lines.push(
      `  ${report.queued} identifiers could not be looked up now and wait in the lookup queue`,
    )
  }
  lines.push(...report.skipped.map((entry) => `  line ${entry.line}: ${oneLine(entry.reason)}`))
  return lines
}

/** "2026-01-26     12  GenAgent: …": date, upvotes, title. */
export function formatPaperLine(paper: Paper): string {
  const date = (paper.published ?? 'no date').padEnd(10)
  return `${date}  ${String(paper.upvotes).padStart(5)}  ${oneLine(paper.title)}`
}

async function readTextFile(file: string): Promise<string> {
  const path = resolve(file)
  let bytes: Buffer
  try {
    // UTF-8 never takes fewer bytes than characters, so this bounds the text too.
    if ((await stat(path)).size > MAX_IMPORT_CHARS) {
      throw new CommandError(`${file} is too large to import (over ${MAX_IMPORT_CHARS} bytes)`)
    }
    bytes = await readFile(path)
  } catch (error) {
    if (error instanceof CommandError) throw error
    throw new CommandError(`cannot read ${file}: ${messageOf(error)}`)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new CommandError(`${file} is not a text file (it is not valid UTF-8)`)
  }
}
