// Matching parsed records against the library: which are new, which are
// already there (and what merging would add), which repeat an earlier record
// of the same file. Pure: the library runs it once for the preview and again
// at confirm time, against the library as it is then.
import type { DuplicateOnImport, MergedKey, Paper } from '../../../shared/model'
import { duplicateKeys, reasonOfKey } from '../duplicates/duplicateKeys'
import type { ParsedRecord } from './parsedRecord'
import { mergeFields, recordFields, updateFields } from '../organize/paperMerge'
import type { PaperFields } from '../organize/paperMerge'

export interface ImportPlan {
  /** New papers' fields, in file order, each with the records merged into it. */
  fresh: { fields: PaperFields; line: number }[]
  /** Existing papers that gain something, by id, with their merged fields. */
  updates: Map<string, PaperFields>
  duplicates: DuplicateOnImport[]
  /** Records that repeat an earlier record of the same import (merged into it). */
  repeatsInFile: number
  /** Citation keys of records merged into a paper cited by another key (its aliases now). */
  mergedKeys: MergedKey[]
}

/** The record's key, when it is merged into a paper known by another. */
function mergedKey(record: ParsedRecord, into: { citationKey?: string }): MergedKey | undefined {
  const key = record.citationKey
  const target = into.citationKey
  if (key === undefined || target === undefined || key.toLowerCase() === target.toLowerCase()) {
    return undefined
  }
  return { key, into: target }
}

/** How many times planImport calls its `step` callback over the records. */
export const PLAN_STEPS = 100

/**
 * Matches every record; `step(done, total)` is awaited a hundred times along
 * the way, which is where a long import reports progress and may be cancelled.
 */
export async function planImport(
  records: readonly ParsedRecord[],
  paperIdByKey: ReadonlyMap<string, string>,
  paperById: { get(id: string): Paper | undefined },
  step?: (done: number, total: number) => Promise<void>,
): Promise<ImportPlan> {
  const fresh: ImportPlan['fresh'] = []
  const freshByKey = new Map<string, number>()
  const updates = new Map<string, PaperFields>()
  const duplicates: DuplicateOnImport[] = []
  let repeatsInFile = 0
  const mergedKeys: MergedKey[] = []
  const stride = Math.max(1, Math.ceil(records.length / PLAN_STEPS))
  for (const [index, record] of records.entries()) {
    if (step !== undefined && index % stride === 0) await step(index, records.length)
    const keys = duplicateKeys(record)
    const hitKey = keys.find((key) => paperIdByKey.has(key))
    const existing =
      hitKey === undefined ? undefined : paperById.get(paperIdByKey.get(hitKey) ?? '')
    if (hitKey !== undefined && existing !== undefined) {
      const base = updates.get(existing.id) ?? existing
      const alias = mergedKey(record, base)
      if (alias !== undefined) mergedKeys.push(alias)
      // A new version of the paper updates it; anything else only enriches it.
      const { merged, changed } = (record.replaces === true ? updateFields : mergeFields)(
        base,
        recordFields(record),
      )
      if (changed.length > 0) updates.set(existing.id, merged)
      duplicates.push({
        title: record.title,
        line: record.line,
        existingId: existing.id,
        existingTitle: existing.title,
        matchedBy: reasonOfKey(hitKey),
        wouldMerge: changed,
      })
      continue
    }
    // A title lookup's answer for a paper that is no longer in the library adds nothing.
    if (record.enrichOnly === true) continue
    const earlier = keys.map((key) => freshByKey.get(key)).find((index) => index !== undefined)
    if (earlier !== undefined) {
      const target = fresh[earlier]
      if (target !== undefined) {
        const alias = mergedKey(record, target.fields)
        if (alias !== undefined) mergedKeys.push(alias)
        target.fields = mergeFields(target.fields, recordFields(record)).merged
      }
      repeatsInFile++
      for (const key of keys) if (!freshByKey.has(key)) freshByKey.set(key, earlier)
      continue
    }
    for (const key of keys) freshByKey.set(key, fresh.length)
    fresh.push({ fields: recordFields(record), line: record.line })
  }
  return { fresh, updates, duplicates, repeatsInFile, mergedKeys }
}
