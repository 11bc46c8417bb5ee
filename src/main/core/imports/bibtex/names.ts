// Name lists as BibTeX writes them: "A and B and C", each "First von Last",
// "von Last, First" or "von Last, Jr, First". A paper keeps full names in
// reading order ("Jan van der Berg", "John Smith Jr."), so a name's parts need
// only be put in that order, never told apart word by word.

/** Splits at `separator` outside braces. */
export function splitOutsideBraces(raw: string, separator: RegExp): string[] {
  const parts: string[] = []
  const sticky = new RegExp(separator.source, separator.flags.includes('i') ? 'iy' : 'y')
  let depth = 0
  let start = 0
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]
    if (c === '{') depth++
    else if (c === '}') depth--
    else if (depth === 0) {
      sticky.lastIndex = i
      const match = sticky.exec(raw)
      if (match !== null && match[0].length > 0) {
        parts.push(raw.slice(start, i))
        start = i + match[0].length
        i = start - 1
      }
    }
  }
  parts.push(raw.slice(start))
  return parts
}

/** The names of a name list, raw ("and" outside braces, any case, separates). */
export function splitNames(raw: string): string[] {
  return splitOutsideBraces(raw, /\s+and\s+/i)
    .map((name) => name.trim())
    .filter((name) => name !== '')
}

/**
 * A name's comma-separated parts in reading order: "von Last, First" →
 * [First, von Last]; "von Last, Jr, First" → [First, von Last, Jr]. A name
 * with more commas (a list that lost its "and"s, "Zhang, Wei, Li, Ming") is
 * read as the "Last, First" pairs it is made of.
 */
export function nameInReadingOrder(raw: string): string[][] {
  const parts = splitOutsideBraces(raw, /,/).map((part) => part.trim())
  if (parts.length === 1) return [parts]
  if (parts.length === 2) return [[parts[1] ?? '', parts[0] ?? '']]
  if (parts.length === 3) return [[parts[2] ?? '', parts[0] ?? '', parts[1] ?? '']]
  const people: string[][] = []
  for (let i = 0; i < parts.length; i += 2) people.push([parts[i + 1] ?? '', parts[i] ?? ''])
  return people
}
