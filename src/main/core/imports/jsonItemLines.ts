// Where each element of a top-level JSON array starts, as 1-based line numbers.
// JSON.parse reports no positions, and an import error must say which entry it
// is about; one linear scan that knows strings and nesting finds them.

export function jsonItemLines(text: string): number[] {
  const lines: number[] = []
  let line = 1
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) line++
    if (inString) {
      if (c === 92)
        i++ // backslash: skip the escaped character (never a newline in JSON)
      else if (c === 34) inString = false
      continue
    }
    if (c === 34) inString = true
    else if (c === 123 || c === 91) {
      if (depth === 1) lines.push(line)
      depth++
    } else if (c === 125 || c === 93) depth--
    else if (depth === 1 && c > 32 && c !== 44) {
      // A scalar element (a number or literal): it starts here too.
      if (lines.length === 0 || text.charCodeAt(lastNonSpace(text, i - 1)) === 44) lines.push(line)
    }
  }
  return lines
}

function lastNonSpace(text: string, from: number): number {
  let i = from
  while (i > 0 && text.charCodeAt(i) <= 32) i--
  return i
}
