// Moved to ./api/schemas. Kept only for src/main/core/library.ts, which is being
// split elsewhere; delete once its imports point at ./api/schemas.
export { readSettings } from './api/schemas'
