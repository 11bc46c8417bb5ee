// Limits of the API's arguments that the renderer needs too (to stop input at
// the limit instead of sending a call that will be refused). Apart from
// apiSchemas.ts so the renderer does not bundle zod.

/** Longest search query (a query is words and qualifiers, not a document). */
export const MAX_QUERY_CHARS = 1000
