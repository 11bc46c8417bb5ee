// Stage two for one scanned entry: each field the record reads is converted
// when it is read, by the table-driven converter, or by the full parser when
// the converter cannot say exactly (counted, for the README's figures).
import { fallbackText, type loadBibtexParser } from './fallback'
import { latexToText, plainText, verbatimText } from './latex'
import { isVerbatimField } from './latexTables'
import { nameInReadingOrder, splitNames } from './names'
import type { EntryText } from './record'
import type { RawEntry } from './scan'

type BibtexParser = Awaited<ReturnType<typeof loadBibtexParser>>

/** How many values each stage converted. */
export interface ConversionCounts {
  fast: number
  fallback: number
}

/** A name as read once in an import, for the next entry by the same author. */
interface ReadName {
  names: string[]
  fast: number
  fallback: number
}

/**
 * Names already converted in this import, by their raw text: an author is
 * in many entries of a bibliography, and converting a name is most of an
 * entry's work. Emptied when it holds MAX_NAMES.
 */
export class NameCache {
  private readonly names = new Map<string, ReadName>()

  get(raw: string): ReadName | undefined {
    return this.names.get(raw)
  }

  set(raw: string, name: ReadName): void {
    if (this.names.size >= MAX_NAMES) this.names.clear()
    this.names.set(raw, name)
  }
}

const MAX_NAMES = 50_000

export class ConvertedEntry implements EntryText {
  /** Each field is converted once, however often the record reads it. */
  private readonly texts = new Map<string, string>()

  constructor(
    private readonly entry: RawEntry,
    private readonly parser: BibtexParser,
    private readonly counts: ConversionCounts,
    private readonly nameCache = new NameCache(),
  ) {}

  get type(): string {
    return this.entry.type
  }

  get key(): string {
    return this.entry.key
  }

  fieldNames(): Iterable<string> {
    return this.entry.fields.keys()
  }

  raw(field: string): string | undefined {
    const raw = this.entry.fields.get(field)
    if (raw === undefined) return undefined
    return isVerbatimField(field) ? verbatimText(raw) : this.text(field)
  }

  text(field: string): string {
    const known = this.texts.get(field)
    if (known !== undefined) return known
    const raw = this.entry.fields.get(field)
    if (raw === undefined) return ''
    const text = isVerbatimField(field) ? plainText(verbatimText(raw)) : this.convert(field, raw)
    this.texts.set(field, text)
    return text
  }

  list(field: string): string[] {
    const raw = this.entry.fields.get(field)
    if (raw === undefined) return []
    return splitNames(raw)
      .map((item) => this.convert('title', item))
      .filter((item) => item !== '')
  }

  names(field: string): string[] {
    const raw = this.entry.fields.get(field)
    if (raw === undefined) return []
    return splitNames(raw).flatMap((name) => this.name(name))
  }

  /** One name of a list (or several, where a list lost its "and"s), converted once per import. */
  private name(raw: string): string[] {
    const known = this.nameCache.get(raw)
    if (known !== undefined) {
      this.counts.fast += known.fast
      this.counts.fallback += known.fallback
      return known.names
    }
    const { fast, fallback } = this.counts
    const names = nameInReadingOrder(raw)
      .map((parts) =>
        plainText(
          parts
            .map((part) => this.convert('title', part))
            .filter((part) => part !== '')
            .join(' '),
        ),
      )
      .filter((name) => name !== '')
    this.nameCache.set(raw, {
      names,
      fast: this.counts.fast - fast,
      fallback: this.counts.fallback - fallback,
    })
    return names
  }

  keywords(): string[] {
    const raw = this.entry.fields.get('keywords')
    if (raw === undefined) return []
    const words = new Set(
      verbatimText(raw)
        .split(/\s*[,;]\s*/)
        .map((word) => word.trim())
        .filter((word) => word !== ''),
    )
    return [...words]
      .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
      .map(plainText)
      .filter((word) => word !== '')
  }

  private convert(field: string, raw: string): string {
    const fast = latexToText(raw)
    if (fast !== undefined) {
      this.counts.fast++
      return fast
    }
    this.counts.fallback++
    return fallbackText(this.parser, field, raw)
  }
}
