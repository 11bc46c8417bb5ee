// Name lists as BibTeX writes them: "A and B and C", each "First von Last",
// "von Last, First" or "von Last, Jr, First". A paper keeps full names in
// reading order ("Jan van der Berg", "John Smith Jr."), so a name's parts need
// only be put in that order, never told apart word by word.

/** Splits at `separator` outside braces. */
export function splitOutsideBraces(raw: string, separator: RegExp): string[] {
  if (!raw.includes('{')) return raw.split(separator)
  const parts: string[] = []
  const sticky = new RegExp(separator.source, separator.flags.includes('i') ? 'iy' : 'y')
  let depth = 0
  let start = 0
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]
    if (c === '{') depth++
    else if (c === '}') depth--
    else if (depth === 0 && (c === ',' || c === ' ' || c === '\t' || c === '\n' || c === '\r')) {
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
  // A list may end with a stray "and" ("Küpfer, Heinz and Gey, Wolfgang and").
  return splitOutsideBraces(raw.replace(/\s+and\s*$/i, ''), /\s+and\s+/i)
    .map((name) => name.trim())
    .filter((name) => name !== '')
}

const EXTENDED_PART = /^(family|given|prefix|suffix|useprefix|juniorcomma)\s*=\s*(.*)$/is

/**
 * A name's comma-separated parts in reading order: "von Last, First" →
 * [First, von Last]; "von Last, Jr, First" → [First, von Last, Jr]. Names
 * with more commas are read as reference managers write them: biblatex's
 * extended form ("family=Hoven, given=Jeroen, prefix=van den"), a list that
 * lost its "and"s ("Tegmark M., Hamilton A.J.S.", each part a name), or
 * "Last, First" pairs ("Zhang, Wei, Li, Ming").
 */
export function nameInReadingOrder(raw: string): string[][] {
  const parts = splitOutsideBraces(raw, /,/).map((part) => part.trim())
  // "Ramón y Cajal, Santiago," has a stray comma, not an empty first name.
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop()
  const extended = parts.map((part) => EXTENDED_PART.exec(part))
  if (parts.length > 1 && extended.every((match) => match !== null)) {
    const value = (key: string): string =>
      extended.find((match) => match?.[1]?.toLowerCase() === key)?.[2]?.trim() ?? ''
    return [[value('given'), value('prefix'), value('family'), value('suffix')]]
  }
  if (parts.length === 1) return [parts]
  if (parts.length === 2) return [[parts[1] ?? '', parts[0] ?? '']]
  // Three or more parts of two words or more each ("Tegmark M., Hamilton A.J.S., …") are names.
  if (parts.every((part) => /\S\s+\S/.test(part))) return parts.map((part) => [part])
  if (parts.length === 3) return [[parts[2] ?? '', parts[0] ?? '', parts[1] ?? '']]
  const people: string[][] = []
  for (let i = 0; i < parts.length; i += 2) people.push([parts[i + 1] ?? '', parts[i] ?? ''])
  return people
}
