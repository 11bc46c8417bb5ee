// A block of markdown added at the end of a note. Pure string work.

/** `body` with `block` appended as a paragraph of its own (one blank line before it). */
export function appendBlock(body: string, block: string): string {
  const trimmed = body.replace(/\s+$/, '')
  return trimmed === '' ? `${block}\n` : `${trimmed}\n\n${block}\n`
}
