// The data model shared by main, preload and renderer, one file per entity or
// concern. Plain types and constants only: no electron, node: or DOM imports,
// so every process can use it. Import from here ('…/shared/model').
export * from './paper'
export * from './note'
export * from './collection'
export * from './links'
export * from './relation'
export * from './search'
export * from './imports'
export * from './duplicates'
export * from './exports'
export * from './sidebar'
export * from './organize'
export * from './library'
export * from './backups'
export * from './tasks'
export * from './settings'
export * from './events'
