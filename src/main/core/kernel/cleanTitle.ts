/** A title or label as stored: one line, no surrounding spaces. */
export function cleanTitle(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
