// Moved to ./text/fuzzyMatch. Kept only for src/main/core/library.ts, which is
// being split elsewhere; delete once its imports point at ./text/.
export { fuzzyMatch, fuzzyQuery } from './text/fuzzyMatch'
