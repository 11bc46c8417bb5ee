// The parts of citeproc-js (npm "citeproc", CommonJS, no types of its own) that
// cslEngine.ts uses. Items are CSL-JSON objects.
declare module 'citeproc' {
  export interface CiteprocSys {
    retrieveLocale(lang: string): string
    retrieveItem(id: string): Record<string, unknown>
  }
  export interface CiteprocCitationItem {
    id: string
    prefix?: string
    suffix?: string
    locator?: string
    label?: string
    'suppress-author'?: boolean
    'author-only'?: boolean
  }
  export interface CiteprocCitation {
    citationID: string
    citationItems: CiteprocCitationItem[]
    properties: { noteIndex: number; mode?: 'composite' | 'author-only' | 'suppress-author' }
  }
  type BibliographyMeta = { entry_ids: string[][]; bibstart: string; bibend: string }
  export interface Engine {
    rebuildProcessorState(
      citations: CiteprocCitation[],
      mode?: 'html' | 'text' | 'rtf',
      uncitedItemIDs?: string[],
    ): Array<[string, number, string]>
    /** One cluster added or edited among the others; the clusters whose text changed, by index. */
    processCitationCluster(
      citation: CiteprocCitation,
      citationsPre: Array<[string, number]>,
      citationsPost: Array<[string, number]>,
      flag?: number,
    ): [{ bibchange: boolean }, Array<[number, string, string]>]
    /** `include`: only the entries of works whose field has one of the values (OR-ed). */
    makeBibliography(bibsection?: {
      include?: Array<{ field: string; value: string }>
    }): [BibliographyMeta, string[]] | false
    /** The registered works: ids in bibliography order, and each one's number and disambiguation. */
    registry: {
      getSortedIds(): string[]
      registry: Record<string, { seq?: number; disambig?: unknown } | undefined>
      /** Works whose registration is refreshed in this update (set by the deletes). */
      refreshes: Record<string, boolean>
      /** Refreshes those works and marks them tainted: their clusters are formatted again. */
      dorefreshes(): void
    }
    /** The works whose clusters the current update formats again. */
    tmp: { taintedItemIDs: Record<string, boolean> }
    /** The disambiguation's working state; with registry and tmp, the processor's state. */
    disambiguate: object
    /** The application's functions the engine was made with. */
    sys: CiteprocSys
    setOutputFormat(mode: 'html' | 'text' | 'rtf'): void
    updateItems(ids: string[]): void
    opt: { xclass?: string }
  }
  /** What citeproc-js's case changes are called on: the languages of the text at hand. */
  export interface CaseState {
    tmp: { lang_array?: string[] }
  }
  const CSL: {
    Engine: {
      new (sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean): Engine
      /** A new working state (what restoreProcessorState([]) makes). */
      Tmp: new () => Engine['tmp']
    }
    /** A new, empty registry of works and clusters for the engine. */
    Registry: new (engine: Engine) => Engine['registry']
    /** A new disambiguation state, over the engine's registry (made first). */
    Disambiguation: new (engine: Engine) => object
    toLocaleLowerCase(this: CaseState, text: string): string
    toLocaleUpperCase(this: CaseState, text: string): string
    /** The comparison sorting uses; `stringCompare`, when an application sets it, instead. */
    getSortCompare(this: CaseState, locale?: string): (a: string, b: string) => number
    stringCompare?: (a: string, b: string) => number
    /** A work's sort keys ("bibliography_sort" or "citation_sort"), called on the engine. */
    getSortKeys(this: Engine, item: Record<string, unknown>, keyType: string): string[]
  }
  export default CSL
}
