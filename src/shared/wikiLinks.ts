// Moved to ./text/wikiLinks and ./text/normalizeTitle. Kept only for
// src/main/core/library.ts, which is being split elsewhere; delete once its
// imports point at ./text/.
export type { WikiLink, WikiLinkTarget } from './text/wikiLinks'
export { normalizeTitle } from './text/normalizeTitle'
