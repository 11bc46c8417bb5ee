// Daily Papers listing text for tests that need papers with known titles
// (the importer is the only way papers enter a library).

export interface ListingEntry {
  title: string
  abstract?: string
  organization?: string
}

/** A listing page holding `entries`, each in the page's shape (title, abstract, footer). */
export function listingOf(entries: readonly ListingEntry[]): string {
  const blocks = entries.map((entry, i) =>
    [
      entry.title,
      '',
      entry.abstract ?? `The abstract of ${entry.title}, long enough to read as one.`,
      '',
      entry.organization === undefined ? `  • ${i + 1} authors` : `org ${entry.organization}`,
      '·',
      `Jan ${(i % 28) + 1}, 2026 ${i}`,
      '',
    ].join('\n'),
  )
  return ['Daily Papers', '', ...blocks].join('\n')
}

/** `count` papers titled "<prefix> 1" … "<prefix> count". */
export function numberedListing(prefix: string, count: number): string {
  return listingOf(Array.from({ length: count }, (_, i) => ({ title: `${prefix} ${i + 1}` })))
}
