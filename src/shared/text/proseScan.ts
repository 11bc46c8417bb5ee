// The prose of a markdown body, scanned once for the inline grammars that
// notes add (wiki-links, pandoc citations): fenced code blocks, code spans and
// backslash escapes are skipped, the same way for every grammar, so that what
// the preview, the backlinks and the exports call a link or a citation never
// differs. Plain string work only: no DOM, no node: modules.

const FENCE = /^ {0,3}(`{3,}|~{3,})/

/**
 * What a grammar's matcher makes of the text at an offset: where scanning
 * resumes (`end`) and, when the text there is one of its own, what it found.
 * Undefined: nothing there, scanning goes on at the next character.
 */
export type ProseStep<T> = { end: number; found?: T } | undefined

/**
 * Every thing a matcher finds in the body's prose, in order. The matcher is
 * asked only at characters in `triggers` outside code and escapes; `to` is
 * the end of the prose range it is in (a match must not run into a fence).
 */
export function scanProse<T>(
  body: string,
  triggers: string,
  matcher: (at: number, to: number) => ProseStep<T>,
): T[] {
  const found: T[] = []
  for (const [from, to] of proseRanges(body)) {
    let i = from
    while (i < to) {
      const c = body.charAt(i)
      if (c === '\\') {
        i += 2
      } else if (c === '`') {
        i = afterCodeSpan(body, i, to)
      } else if (triggers.includes(c)) {
        const step = matcher(i, to)
        if (step === undefined) {
          i++
        } else {
          if (step.found !== undefined) found.push(step.found)
          i = step.end
        }
      } else {
        i++
      }
    }
  }
  return found
}

/**
 * [from, to) ranges of the body outside fenced code blocks. A fence closes with
 * the same character, at least as long; an unclosed fence runs to the end (as
 * in CommonMark).
 */
export function proseRanges(body: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let proseStart = 0
  let fence: string | undefined
  let lineStart = 0
  while (lineStart <= body.length) {
    const newline = body.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? body.length : newline
    const line = body.slice(lineStart, lineEnd)
    const marker = FENCE.exec(line)?.[1]
    if (fence === undefined && marker !== undefined) {
      ranges.push([proseStart, lineStart])
      fence = marker
    } else if (
      fence !== undefined &&
      marker !== undefined &&
      marker[0] === fence[0] &&
      marker.length >= fence.length &&
      line.trim() === marker
    ) {
      fence = undefined
      proseStart = lineEnd
    }
    if (newline === -1) break
    lineStart = newline + 1
  }
  if (fence === undefined) ranges.push([proseStart, body.length])
  return ranges.filter(([from, to]) => to > from)
}

/**
 * Where scanning resumes after the backtick run at `at`: past the matching
 * closing run (same length) when the paragraph has one, else just past the
 * opening run, whose backticks are then literal.
 */
function afterCodeSpan(body: string, at: number, to: number): number {
  let open = at
  while (open < to && body[open] === '`') open++
  const length = open - at
  const paragraphEnd = body.indexOf('\n\n', open)
  const limit = paragraphEnd === -1 || paragraphEnd > to ? to : paragraphEnd
  let i = open
  while (i < limit) {
    if (body[i] !== '`') {
      i++
      continue
    }
    let run = i
    while (run < limit && body[run] === '`') run++
    if (run - i === length) return run
    i = run
  }
  return open
}
