// The app's own markup in a note's preview (wiki-links, math placeholders,
// task checkboxes, footnotes, highlighted code), told apart from the raw HTML
// a note may hold. Both reach the sanitizer in one string, so each render
// draws a fresh random nonce and the app's renderers stamp their start tags
// with it; the note's text was written before the nonce existed, so raw HTML
// cannot carry it. The sanitizer (notePolicy.ts) keeps the app-only
// attributes (class, id, role, data-wikilink-*…) on stamped elements alone
// and strips the stamp itself, so the page never sees the nonce.

/** The attribute the app's own start tags carry during a render. */
export const OWN_ATTRIBUTE = 'data-offprint-own'

let nonce = ''

/** Runs `render` with a fresh nonce, which `render` receives (for the sanitizer). */
export function withOwnMarkup<T>(render: (nonce: string) => T): T {
  const previous = nonce
  nonce = crypto.randomUUID()
  try {
    return render(nonce)
  } finally {
    nonce = previous
  }
}

/**
 * `html` with each start tag stamped as the app's own. Only for markup the
 * app wrote whole, with every piece of text in it escaped (so every `<` in it
 * starts one of the app's tags). Outside a render it stamps nothing, and the
 * sanitizer then treats the markup as raw HTML.
 */
export function own(html: string): string {
  if (nonce === '') return html
  return html.replace(/<([a-z][a-z0-9]*)(?=[\s/>])/gi, `<$1 ${OWN_ATTRIBUTE}="${nonce}"`)
}
