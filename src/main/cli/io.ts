// Where the CLI writes (standard output and error, or a test's arrays), and
// the two shapes of its output: JSON with every field, or one line per item.

export interface CliIo {
  /** Writes one line (or a block of lines) to standard output; the newline is added. */
  out(s: string): void
  /** Writes one line to standard error; the newline is added. */
  err(s: string): void
  env: NodeJS.ProcessEnv
}

/** With --json the items as indented JSON, otherwise each item's line (or lines). */
export function printJsonOrLines<T>(
  io: CliIo,
  json: boolean,
  items: readonly T[],
  lines: (item: T) => string | readonly string[],
): void {
  if (json) {
    printJson(io, items)
    return
  }
  for (const item of items) {
    const text = lines(item)
    for (const line of typeof text === 'string' ? [text] : text) io.out(line)
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2))
}

/** Imported text and messages may hold line breaks; one record stays one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ')
}
