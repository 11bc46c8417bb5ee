// Untrusted text can be enormous (a 10 MB abstract, a 1 MB title). What is
// stored is never cut; what is shown is, so one paper cannot freeze the window.

/** The start of `text`, at most `limit` UTF-16 units, never splitting a surrogate pair. */
export function clipText(text: string, limit: number): { shown: string; hidden: number } {
  if (text.length <= limit) return { shown: text, hidden: 0 }
  let end = Math.max(0, limit)
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end-- // a high surrogate: keep the pair together
  return { shown: text.slice(0, end), hidden: text.length - end }
}

/** How much of each field is shown at first, and how much more each "Show more" adds. */
export const SHOWN_CHARS = {
  /** A row of the paper list is one line; a tooltip a few. */
  listTitle: 300,
  title: 1000,
  /** A real abstract is 1–3 KB; this is several pages. */
  abstract: 20_000,
  field: 1000,
  linkLabel: 200,
  /** Markdown rendered live while typing: marked + DOMPurify must stay quick. */
  notePreview: 100_000,
} as const

/** "Show more" adds this many times the first amount. */
export const SHOW_MORE_FACTOR = 5

/** How many links a paper shows before "Show all". */
export const SHOWN_LINKS = 50

const counter = new Intl.NumberFormat('en')

/** "12,345" */
export function formatCount(n: number): string {
  return counter.format(n)
}
