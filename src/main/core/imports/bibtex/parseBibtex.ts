// BibTeX / BibLaTeX import, in two stages (bibtex/): a scanner reads the whole
// file in one linear pass to entries with raw values (@string macros with one
// or several definitions, month macros, # concatenation, @comment, @preamble),
// crossrefs are resolved with biber's rules once every entry is known, and
// then each entry's fields are converted from LaTeX to Unicode by tables,
// falling back to @retorquere/bibtex-parser (the parser of Zotero's Better
// BibTeX) only for a value the tables cannot convert exactly. The scan takes a
// fraction of the time the conversion does, so the import knows every entry
// (and their count, for the progress bar) almost at once.
import { ConvertedEntry, NameCache, type ConversionCounts } from './convertEntry'
import { resolveCrossrefs } from './crossref'
import { loadBibtexParser } from './fallback'
import { entryRecord } from './record'
import { BibtexScan, type RawEntry } from './scan'
import { PREVIEW_LISTED } from '../../../../shared/model'
import type { ParseControl, ParsedImport, ParsedRecord } from '../parsedRecord'
import { yieldingLoop, yieldingRun } from '../yieldingLoop'

export { MAX_BIBTEX_ENTRY_CHARS, MAX_BIBTEX_NESTING } from './scan'
export { PARSE_OPTIONS, loadBibtexParser } from './fallback'

/** Does the text contain BibTeX entries? (Cheap: looks for one entry head.) */
export function looksLikeBibtex(head: string): boolean {
  return /^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(][ \t]*[^\s,{}()]*[ \t]*,/m.test(head)
}

/** What the last parse converted by table and by the full parser (for the bench). */
export const lastConversion: ConversionCounts = { fast: 0, fallback: 0 }

export async function parseBibtex(text: string, control: ParseControl = {}): Promise<ParsedImport> {
  const parser = await loadBibtexParser()
  // Stage one, in slices: the main process keeps answering while a large file is scanned.
  const scan = new BibtexScan(text)
  await yieldingRun(control, (sliceOver) => scan.run(sliceOver))
  const { skipped } = scan
  // Each entry is let go once converted: raw and converted values are never all held at once.
  const entries: (RawEntry | undefined)[] = scan.entries
  const total = entries.length
  control.onProgress?.(0, total)
  const absorbed = resolveCrossrefs(scan.entries, (entry) => entry.fields.get('crossref'))

  const counts: ConversionCounts = { fast: 0, fallback: 0 }
  const names = new NameCache()
  if (control.onEntries !== undefined) {
    // What the preview lists while the rest converts: the first titles,
    // converted as the records will have them (a few hundred: milliseconds).
    const uncounted: ConversionCounts = { fast: 0, fallback: 0 }
    const first: { key: string; title: string }[] = []
    for (const entry of scan.entries) {
      if (first.length === PREVIEW_LISTED) break
      if (absorbed.has(entry)) continue
      const title = new ConvertedEntry(entry, parser, uncounted, names).text('title')
      first.push({ key: entry.key, title })
    }
    control.onEntries({ count: total, first })
  }
  const records: ParsedRecord[] = []
  await yieldingLoop(total, control, (i) => {
    const entry = entries[i]
    entries[i] = undefined
    // A proceedings volume only there to be crossref'd is part of its papers, not a paper.
    if (entry === undefined || absorbed.has(entry)) return
    const record = entryRecord(
      new ConvertedEntry(entry, parser, counts, names),
      entry.line,
      entry.index,
    )
    if (typeof record === 'string') {
      skipped.push({ line: entry.line, entry: entry.index, reason: record })
    } else records.push(record)
  })
  Object.assign(lastConversion, counts)
  skipped.sort((a, b) => a.line - b.line)
  return { format: 'bibtex', records, skipped, identifiers: [] }
}
