// The headless command line: `offprint import FILE`, `offprint export`, `offprint list`, over the
// same library core and the same validating dispatcher as the app. Kept apart
// from cli.ts (which only wires the process) so tests can run it in-process.
import { mkdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { MAX_IMPORT_CHARS } from '../shared/apiSchemas'
import type { ExportFormat, ImportReport, Paper, PaperSort } from '../shared/model'
import { writeTextDurably } from './library/durableJsonFile'
import { callApi } from './library/dispatch'
import { messageOf } from './library/errors'
import { Library } from './library/library'
import { LIBRARY_ENV, LibraryLocationError, findLibraryDir } from './library/libraryLocation'

export interface CliIo {
  /** Writes one line (or a block of lines) to standard output; the newline is added. */
  out(s: string): void
  /** Writes one line to standard error; the newline is added. */
  err(s: string): void
  env: NodeJS.ProcessEnv
}

export const USAGE = `Usage: offprint <command> [options]

Commands:
  import FILE    import papers: BibTeX, RIS, CSL-JSON, an arXiv Atom feed, a list
                 of arXiv ids / DOIs (looked up online), or a saved Hugging Face
                 Daily Papers page; the format is read from the content
  export         write papers out: --format bibtex|csl-json|ris|markdown --out PATH
                 (markdown: PATH is a folder, one file per paper and note)
  list           list the papers in the library, newest first
  help           show this help

Options:
  --library DIR        the library folder (or set ${LIBRARY_ENV}=DIR)
  --json               list: print every paper as a JSON array with all fields
  --sort ORDER         list: published (default), added, title or upvotes
  --format FORMAT      export: bibtex, csl-json, ris or markdown
  --collection NAME    export: only this collection and its subcollections
  --no-subcollections  export: with --collection, leave its subcollections out
  --out PATH           export: the file (or folder, for markdown) to write`

const SORTS: readonly PaperSort[] = ['published', 'added', 'title', 'upvotes']
const EXPORT_FORMATS: readonly ExportFormat[] = ['bibtex', 'csl-json', 'ris', 'markdown']

/** The command line is wrong: exit code 2, as is customary. */
class UsageError extends Error {}

/** The command failed on its input or the library: exit code 1. */
class CommandError extends Error {}

interface CommandLine {
  command?: string
  operands: string[]
  json: boolean
  sort: PaperSort
  help: boolean
  format?: ExportFormat
  collection?: string
  subcollections: boolean
  out?: string
}

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
      case 'export':
        return await exportCommand(line, argv, io)
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
    } else if (arg === '--help' || arg === '-h') {
      line.help = true
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg} (see: offprint help)`)
    } else if (line.command === undefined) {
      line.command = arg
    } else {
      line.operands.push(arg)
    }
  }
  return line
}

function libraryDirOf(argv: string[], io: CliIo): string {
  const dir = findLibraryDir({ argv, env: io.env })
  if (dir === undefined) {
    throw new UsageError(`no library folder: pass --library DIR or set ${LIBRARY_ENV}`)
  }
  return dir
}

/** Opens the library, warning about any file that had to be moved aside. */
async function withLibrary(
  dir: string,
  io: CliIo,
  run: (library: Library) => Promise<number>,
): Promise<number> {
  const library = await Library.open(dir)
  try {
    for (const problem of (await library.getLibraryInfo()).problems) {
      io.err(
        `offprint: warning: ${problem.file} could not be read (${oneLine(problem.reason)}); ` +
          `it was moved to ${problem.movedTo}`,
      )
    }
    return await run(library)
  } finally {
    await library.close()
  }
}

async function importCommand(line: CommandLine, argv: string[], io: CliIo): Promise<number> {
  const [file, ...extra] = line.operands
  if (file === undefined || extra.length > 0) {
    throw new UsageError('import takes one file: offprint import FILE --library DIR')
  }
  const dir = libraryDirOf(argv, io)
  const text = await readTextFile(file)
  return withLibrary(dir, io, async (library) => {
    const response = await callApi(library, 'importText', { text, fileName: basename(file) })
    if (!response.ok) throw new CommandError(response.error.message)
    for (const line of formatImportReport(response.value)) io.out(line)
    return 0
  })
}

async function listCommand(line: CommandLine, argv: string[], io: CliIo): Promise<number> {
  if (line.operands.length > 0) {
    throw new UsageError(`list takes no file (got "${line.operands[0]}")`)
  }
  const dir = libraryDirOf(argv, io)
  // Listing must not create a library by accident (a typo in DIR).
  if (!(await isFolder(dir))) throw new CommandError(`no library folder at ${dir}`)
  return withLibrary(dir, io, async (library) => {
    const papers = library.allPapers(line.sort)
    if (line.json) io.out(JSON.stringify(papers, null, 2))
    else for (const paper of papers) io.out(formatPaperLine(paper))
    return 0
  })
}

async function exportCommand(line: CommandLine, argv: string[], io: CliIo): Promise<number> {
  if (line.operands.length > 0)
    throw new UsageError(`export takes no file (got "${line.operands[0]}")`)
  if (line.format === undefined || line.out === undefined) {
    throw new UsageError('export needs --format bibtex|csl-json|ris|markdown and --out PATH')
  }
  const { format, out, collection } = line
  const dir = libraryDirOf(argv, io)
  if (!(await isFolder(dir))) throw new CommandError(`no library folder at ${dir}`)
  return withLibrary(dir, io, async (library) => {
    let scope: Parameters<Library['exportPapers']>[0]['scope'] = { kind: 'library' }
    if (collection !== undefined) {
      const choices = await library.listExportCollections({})
      const match = choices.filter((choice) => choice.name === collection)
      if (match.length === 0) {
        const names = [...new Set(choices.map((choice) => choice.name))].join(', ') || 'none'
        throw new CommandError(`no collection named "${collection}" (collections: ${names})`)
      }
      if (match.length > 1)
        throw new CommandError(`${match.length} collections are named "${collection}"`)
      scope = {
        kind: 'collection',
        collectionId: match[0]?.id ?? '',
        includeSubcollections: line.subcollections,
      }
    }
    const response = await callApi(library, 'exportPapers', { format, scope })
    if (!response.ok) throw new CommandError(response.error.message)
    const result = response.value
    const target = resolve(out)
    try {
      if (format === 'markdown') {
        for (const file of result.files) {
          const path = join(target, ...file.path.split('/'))
          await mkdir(dirname(path), { recursive: true })
          await writeTextDurably(path, file.text)
        }
      } else {
        await writeTextDurably(target, result.files[0]?.text ?? '')
      }
    } catch (error) {
      throw new CommandError(`cannot write ${out}: ${messageOf(error)}`)
    }
    const what = format === 'markdown' ? `${result.files.length} files in ${out}` : out
    io.out(
      `Exported ${result.paperCount} ${result.paperCount === 1 ? 'paper' : 'papers'} to ${what}`,
    )
    return 0
  })
}

export function formatImportReport(report: ImportReport): string[] {
  const name = report.fileName ?? 'text'
  const lines = [
    `Imported ${name}: ${report.added} added, ${report.alreadyPresent} already present, ` +
      `${report.skipped.length} skipped`,
  ]
  if (report.updated > 0)
    lines.push(`  ${report.updated} already present gained details from the file`)
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

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ')
}
