// What an import writes: new papers built from the records it read, and the
// report the window and the CLI show.
import { randomUUID } from 'node:crypto'
import type { ImportReport, Paper } from '../../../shared/model'
import type { ImportPlan } from './importPlan'
import type { PreparedImport } from './prepareImport'

/** The library papers for the records an import found new. */
export function newPapers(prepared: PreparedImport, plan: ImportPlan, importedAt: string): Paper[] {
  return plan.fresh.map(({ fields, line }) => {
    const paper: Paper = {
      ...fields,
      id: randomUUID(),
      upvotes: fields.upvotes ?? 0,
      status: 'unread',
      starred: false,
      addedAt: importedAt,
      updatedAt: importedAt,
      source: {
        format: prepared.format,
        importedAt,
        line,
        ...(prepared.fileName === undefined ? {} : { fileName: prepared.fileName }),
      },
    }
    // A count that the names already say is no information.
    if (paper.authorCount !== undefined && paper.authorCount <= paper.authors.length) {
      delete paper.authorCount
    }
    return paper
  })
}

export function importReport(
  prepared: PreparedImport,
  plan: ImportPlan,
  added: readonly Paper[],
): ImportReport {
  const report: ImportReport = {
    format: prepared.format,
    added: added.length,
    alreadyPresent: plan.duplicates.length + plan.repeatsInFile,
    updated: plan.updates.size,
    queued: prepared.queued.length,
    skipped: prepared.skipped.map((entry) => ({ ...entry })),
    addedIds: added.map((paper) => paper.id),
  }
  if (prepared.fileName !== undefined) report.fileName = prepared.fileName
  if (plan.mergedKeys.length > 0) report.mergedKeys = plan.mergedKeys
  if (prepared.partial !== undefined)
    report.partial = prepared.partial.map((entry) => ({ ...entry }))
  const suggested = suggestedCollectionName(prepared.pageDate, prepared.fileName)
  if (suggested !== undefined) report.suggestedCollection = suggested
  return report
}

/**
 * The collection an import offers to file its papers in: named after the
 * page's date ("Daily Papers 2026-02-09"), else after the file.
 */
function suggestedCollectionName(
  pageDate: string | undefined,
  fileName: string | undefined,
): string | undefined {
  if (pageDate !== undefined) return `Daily Papers ${pageDate}`
  if (fileName === undefined) return undefined
  const base = fileName.replace(/\.[^.]*$/, '').trim()
  return base === '' ? undefined : base
}

export function importLabel(fileName: string | undefined): string {
  return `Importing ${fileName ?? 'the pasted text'}`
}

/** The user's calendar day, which is what "Jan 26" on a page they just saved means. */
export function localIsoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
