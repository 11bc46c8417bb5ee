// Moved to ./text/wikiLinks. Kept only for src/main/core/library.ts, which is
// being split elsewhere; delete once its imports point at ./text/.
export { normalizeTitle, type WikiLink, type WikiLinkTarget } from './text/wikiLinks'
