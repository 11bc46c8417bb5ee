// The chosen citation style loaded in the background a moment after the
// window is up, so the first note preview with citations does not wait for it
// (loading APA takes about a second of CPU; the citations after it, with the
// style loaded, milliseconds). Through the API, as the preview would: an
// empty request loads the style and formats nothing. Then the notes that
// cite papers are formatted ahead, in slices (notePreparer.ts), so opening
// one is going back to it. Failures are only logged: the preview loads the
// style and formats a note itself when it asks.
import type { Library } from '../core/library'

/** After the window's first requests, before a user is likely to open a note. */
export const WARM_DELAY_MS = 3000

export function warmCitationStyle(
  library: { api: Pick<Library['api'], 'formatCitations'> } & Pick<Library, 'prepareCitations'>,
  logError: (message: string, error: unknown) => void,
): void {
  const timer = setTimeout(() => {
    library.api
      .formatCitations({ citations: [] })
      .then(() => library.prepareCitations())
      .catch((error: unknown) => logError('could not load the citation style', error))
  }, WARM_DELAY_MS)
  timer.unref()
}
