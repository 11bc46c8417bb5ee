// Cheap structural checks for records read from disk. Full schema validation of
// 100k papers would cost more than parsing them; these checks catch what would
// break the app (a missing id, a title that is not text) so that one damaged
// record is set aside alone instead of taking its whole file with it.
import type { RecordKind } from './recordKinds'

type Check = (value: Record<string, unknown>) => boolean

const isString = (value: unknown): value is string => typeof value === 'string'
const isOptionalString = (value: unknown): boolean => value === undefined || isString(value)
const isStringArray = (value: unknown): boolean => Array.isArray(value) && value.every(isString)

const CHECKS: Record<RecordKind, Check> = {
  papers: (r) =>
    isString(r['title']) &&
    isString(r['abstract']) &&
    isStringArray(r['authors']) &&
    isStringArray(r['tags']) &&
    Array.isArray(r['links']) &&
    typeof r['upvotes'] === 'number' &&
    typeof r['starred'] === 'boolean' &&
    (r['status'] === 'unread' || r['status'] === 'reading' || r['status'] === 'read') &&
    isString(r['addedAt']) &&
    isString(r['updatedAt']) &&
    isOptionalString(r['published']) &&
    isOptionalString(r['trashedAt']) &&
    typeof r['source'] === 'object' &&
    r['source'] !== null,
  notes: (r) =>
    isString(r['title']) &&
    isString(r['body']) &&
    isOptionalString(r['paperId']) &&
    isOptionalString(r['trashedAt']) &&
    isString(r['createdAt']) &&
    isString(r['updatedAt']),
  collections: (r) =>
    isString(r['name']) &&
    isOptionalString(r['parentId']) &&
    typeof r['position'] === 'number' &&
    isStringArray(r['paperIds']) &&
    isOptionalString(r['trashedAt']),
  relations: (r) => isString(r['fromId']) && isString(r['toId']) && isOptionalString(r['label']),
  attachments: (r) =>
    isString(r['paperId']) &&
    isString(r['sha256']) &&
    /^[0-9a-f]{64}$/.test(r['sha256']) &&
    isString(r['fileName']) &&
    typeof r['size'] === 'number' &&
    isString(r['role']),
  highlights: (r) =>
    isString(r['paperId']) &&
    isString(r['attachmentId']) &&
    isString(r['text']) &&
    isString(r['comment']) &&
    isString(r['color']) &&
    typeof r['position'] === 'object' &&
    r['position'] !== null &&
    Array.isArray((r['position'] as Record<string, unknown>)['rects']),
}

/** True when `value` is a record of `kind` the app can use. */
export function isUsableRecord(kind: RecordKind, value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const record = value as Record<string, unknown>
  return isString(record['id']) && record['id'] !== '' && CHECKS[kind](record)
}
