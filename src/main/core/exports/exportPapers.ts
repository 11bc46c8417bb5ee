// Which papers an export covers, and the export itself in each format.
import type {
  Collection,
  ExportFormat,
  ExportResult,
  ExportScope,
  Note,
  Paper,
} from '../../../shared/model'
import { NotFoundError } from '../kernel/errors'
import { UNPACED, type Pace } from '../kernel/longTasks'
import { exportBibtex } from './bibtexExport'
import { citationKeys } from './citationKeys'
import { exportCslJson } from './cslJsonExport'
import { exportMarkdownVault } from './markdownVault'
import { exportRis } from './risExport'

export interface ScopeSource {
  /** Live papers in the order they were added. */
  papers: readonly Paper[]
  paperById: { get(id: string): Paper | undefined }
  collections: readonly Collection[]
}

/** The ids of a collection and, when asked, every collection nested below it. */
export function collectionTree(
  collections: readonly Collection[],
  rootId: string,
  deep: boolean,
): Collection[] {
  const live = collections.filter((c) => c.trashedAt === undefined)
  const root = live.find((c) => c.id === rootId)
  if (root === undefined)
    throw new NotFoundError(`No collection with id "${rootId}" in this library`)
  const result = [root]
  const seen = new Set([root.id])
  for (let i = 0; deep && i < result.length; i++) {
    const parent = result[i]
    for (const child of live) {
      // `seen` guards against a cycle in hand-edited files.
      if (child.parentId === parent?.id && !seen.has(child.id)) {
        seen.add(child.id)
        result.push(child)
      }
    }
  }
  return result
}

/** Live papers in scope, each once: collection order for a collection, the given order for a selection. */
export function papersInScope(scope: ExportScope, source: ScopeSource): Paper[] {
  if (scope.kind === 'library') return [...source.papers]
  const ids =
    scope.kind === 'selection'
      ? scope.paperIds
      : collectionTree(source.collections, scope.collectionId, scope.includeSubcollections).flatMap(
          (c) => c.paperIds,
        )
  const seen = new Set<string>()
  const papers: Paper[] = []
  for (const id of ids) {
    const paper = source.paperById.get(id)
    if (paper === undefined || paper.trashedAt !== undefined || seen.has(id)) continue
    seen.add(id)
    papers.push(paper)
  }
  if (scope.kind === 'selection' && papers.length === 0) {
    throw new NotFoundError('None of the selected papers is in this library')
  }
  return papers
}

export interface ExportContext {
  /** Every paper, for stable citation keys. */
  library: readonly Paper[]
  notes: readonly Note[]
  noteOf: (paperId: string) => Note | undefined
  collections: readonly Collection[]
  includeStandaloneNotes: boolean
  scopeName: string
  /** Awaited before each paper: where a long export reports progress and may be cancelled. */
  pace?: Pace
}

const MEDIA_TYPES: Record<ExportFormat, [string, string]> = {
  bibtex: ['application/x-bibtex', 'bib'],
  'csl-json': ['application/vnd.citationstyles.csl+json', 'json'],
  ris: ['application/x-research-info-systems', 'ris'],
  markdown: ['text/markdown', ''],
}

export async function exportPapers(
  format: ExportFormat,
  papers: readonly Paper[],
  context: ExportContext,
): Promise<ExportResult> {
  const keys = citationKeys(context.library)
  const pace = context.pace ?? UNPACED
  const [mediaType, extension] = MEDIA_TYPES[format]
  const base = `Offprint ${context.scopeName}`.replace(/[\\/:*?"<>|]/g, ' ').trim()
  const single = (text: string): ExportResult => ({
    format,
    name: `${base}.${extension}`,
    mediaType,
    files: [{ path: `${base}.${extension}`, text }],
    paperCount: papers.length,
  })
  switch (format) {
    case 'bibtex':
      return single(await exportBibtex(papers, keys, pace))
    case 'csl-json':
      return single(await exportCslJson(papers, keys, pace))
    case 'ris':
      return single(await exportRis(papers, keys, pace))
    case 'markdown': {
      const names = new Map<string, string[]>()
      for (const collection of context.collections) {
        if (collection.trashedAt !== undefined) continue
        for (const id of collection.paperIds)
          names.set(id, [...(names.get(id) ?? []), collection.name])
      }
      const files = await exportMarkdownVault(
        {
          papers,
          noteOf: context.noteOf,
          standaloneNotes: context.includeStandaloneNotes
            ? context.notes.filter(
                (note) => note.paperId === undefined && note.trashedAt === undefined,
              )
            : [],
          keys,
          collectionsOf: (paperId) => names.get(paperId) ?? [],
        },
        pace,
      )
      return { format, name: base, mediaType, files, paperCount: papers.length }
    }
  }
}
