// Exports: the formats written, which papers, and the files produced.

/** The formats Offprint can write. */
export type ExportFormat = 'bibtex' | 'csl-json' | 'ris' | 'markdown'

/** Which papers an export covers. */
export type ExportScope =
  | { kind: 'library' }
  | { kind: 'collection'; collectionId: string; includeSubcollections: boolean }
  | { kind: 'selection'; paperIds: string[] }

export interface ExportFile {
  /** Relative path, '/'-separated ("ToolRL (2025).md", or "notes/x.md" in a vault). */
  path: string
  text: string
}

/**
 * An export's content: one file for BibTeX, CSL-JSON and RIS, a folder's worth of
 * files for a Markdown vault. The caller decides where it goes (a save dialog, a
 * download, the CLI's --out).
 */
export interface ExportResult {
  format: ExportFormat
  /** Suggested file (or folder) name. */
  name: string
  mediaType: string
  files: ExportFile[]
  paperCount: number
}
