// The library API (see contract.ts). This barrel holds no runtime schema, so
// preload and the renderer can import it without bundling zod; main's
// dispatcher takes the schemas from ./schemas, and limits from ./limits.
export * from './methods'
export * from './contract'
