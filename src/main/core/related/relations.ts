// Manual relations between two papers ("extends", "contradicts"): plans like
// organize/'s, each run as one undo step.
import type { PaperRelation } from '../../../shared/model'
import { cleanTitle } from '../kernel/cleanTitle'
import { BadInputError } from '../kernel/errors'
import type { OrganizeContext, Plan } from '../organize/plan'
import { requireLivePaper, requireRelation } from '../store/requireRecord'

/** Relates two papers; `label` says how. */
export function planAddRelation(
  { records, at, newId }: OrganizeContext,
  fromId: string,
  toId: string,
  label: string | undefined,
): Plan<PaperRelation> {
  const from = requireLivePaper(records, fromId)
  const to = requireLivePaper(records, toId)
  if (from === to) throw new BadInputError('A paper cannot be related to itself')
  for (const relation of records.relations.values()) {
    if (
      (relation.fromId === fromId && relation.toId === toId) ||
      (relation.fromId === toId && relation.toId === fromId)
    ) {
      throw new BadInputError(`"${from.title}" and "${to.title}" are already related`)
    }
  }
  const relation: PaperRelation = { id: newId(), fromId, toId, createdAt: at }
  const cleanLabel = cleanTitle(label ?? '')
  if (cleanLabel !== '') relation.label = cleanLabel
  return {
    changes: { relations: { put: [relation] } },
    label: `Relate “${from.title}” to “${to.title}”`,
    result: { ...relation },
  }
}

/** Sets a relation's label; an absent or blank label removes it. */
export function planUpdateRelation(
  { records }: OrganizeContext,
  id: string,
  label: string | undefined,
): Plan<PaperRelation> {
  const existing = requireRelation(records, id)
  const cleanLabel = cleanTitle(label ?? '')
  const relation: PaperRelation = { ...existing }
  if (cleanLabel === '') delete relation.label
  else relation.label = cleanLabel
  const unchanged = relation.label === existing.label
  return {
    changes: unchanged ? {} : { relations: { put: [relation] } },
    label: 'Change the label of a relation',
    result: { ...relation },
  }
}

/** Removes a relation from both papers. */
export function planRemoveRelation({ records }: OrganizeContext, id: string): Plan<PaperRelation> {
  const existing = requireRelation(records, id)
  return {
    changes: { relations: { remove: [existing.id] } },
    label: 'Remove a relation between papers',
    result: { ...existing },
  }
}
