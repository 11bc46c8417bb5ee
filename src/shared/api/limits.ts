// Limits of the API's arguments, enforced by ./schemas. Plain numbers, apart
// from the schemas, so that the renderer (which stops input at a limit instead
// of sending a call that will be refused), the CLI and the app's file opening
// can use them without bundling zod.

/** Longest search query (a query is words and qualifiers, not a document). */
export const MAX_QUERY_CHARS = 1000
/** Largest text accepted for one import (a listing page is ~100 KB). */
export const MAX_IMPORT_CHARS = 100 * 1024 * 1024
/** Largest note body accepted (a 5 MB note must still save). */
export const MAX_NOTE_CHARS = 20 * 1024 * 1024
/** Largest page of list rows the renderer may ask for at once. */
export const MAX_PAGE_SIZE = 1000
/** Most ids one organizing call may name (a whole large library, selected). */
export const MAX_IDS = 200_000
export const MAX_COLLECTION_NAME_CHARS = 200
export const MAX_TAG_CHARS = 100
/** Most tags one call may add, remove or filter by. */
export const MAX_TAGS = 100
/** Longest note title, relation label and autocomplete query accepted. */
export const MAX_TITLE_CHARS = 1000
export const MAX_LABEL_CHARS = 200
/** Most link targets the preview may resolve in one call (one per link in a note). */
export const MAX_RESOLVE_TARGETS = 5000
/** Largest PDF accepted for attaching (arriving base64-encoded: 4/3 as many characters). */
export const MAX_PDF_BYTES = 256 * 1024 * 1024
/** Longest quoted text and comment of a highlight. */
export const MAX_HIGHLIGHT_CHARS = 100_000
/** Most rectangles one highlight may have (one per line it covers). */
export const MAX_HIGHLIGHT_RECTS = 2000
