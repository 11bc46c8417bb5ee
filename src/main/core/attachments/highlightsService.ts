// Highlights on PDFs: records of their own (kind `highlights`), each create,
// change and delete one durable commit and one undo step (the organizing
// plans' undo path). Listed in page order: page, then top to bottom, then
// left to right, as "Add all highlights to note" writes them.
import type { Highlight } from '../../../shared/model'
import { BadInputError, NotFoundError } from '../kernel/errors'
import type { LibraryKernel } from '../kernel/kernel'
import type { Service } from '../kernel/service'
import { outcomePlan } from '../organize/plan'
import type { PlanRunner } from '../organize/planRunner'
import type { LibraryRecords } from '../store/libraryStore'
import { requireLivePaper } from '../store/requireRecord'
import { requireAttachment } from './attachmentRecords'

type HighlightMethod =
  'listHighlights' | 'getHighlight' | 'createHighlight' | 'updateHighlight' | 'deleteHighlight'

export function requireHighlight(records: LibraryRecords, id: string): Highlight {
  const highlight = records.highlights.get(id)
  if (highlight === undefined) throw new NotFoundError(`No highlight with id "${id}"`)
  return highlight
}

/** Top of a highlight on its page (PDF y grows upwards). */
function top(highlight: Highlight): number {
  return Math.max(...highlight.position.rects.map((rect) => rect[3]))
}

function left(highlight: Highlight): number {
  return Math.min(...highlight.position.rects.map((rect) => rect[0]))
}

/** Page order: page, top to bottom, left to right, then when made. */
export function inPageOrder(a: Highlight, b: Highlight): number {
  return (
    a.position.pageIndex - b.position.pageIndex ||
    top(b) - top(a) ||
    left(a) - left(b) ||
    a.createdAt.localeCompare(b.createdAt)
  )
}

/** "p. 12" for a highlight: its page label, else its page number. */
export function pageName(highlight: Highlight): string {
  return `p. ${highlight.pageLabel ?? String(highlight.position.pageIndex + 1)}`
}

/** Rectangles as [x1, y1, x2, y2] with x1 < x2 and y1 < y2, whatever order the corners came in. */
function normalizedRects(rects: Highlight['position']['rects']): Highlight['position']['rects'] {
  return rects.map(([x1, y1, x2, y2]) => [
    Math.min(x1, x2),
    Math.min(y1, y2),
    Math.max(x1, x2),
    Math.max(y1, y2),
  ])
}

export class HighlightsService implements Service<HighlightMethod> {
  constructor(
    private readonly kernel: LibraryKernel,
    private readonly plans: PlanRunner,
  ) {}

  readonly handlers: Service<HighlightMethod>['handlers'] = {
    listHighlights: async ({ paperId }) =>
      [...this.kernel.store.highlights.values()]
        .filter((highlight) => highlight.paperId === paperId)
        .sort(inPageOrder),

    getHighlight: async ({ id }) => requireHighlight(this.kernel.store, id),

    createHighlight: async ({ paperId, attachmentId, position, pageLabel, text, color, comment }) =>
      this.plans.run((ctx) => {
        requireLivePaper(ctx.records, paperId)
        const attachment = requireAttachment(ctx.records, attachmentId)
        if (attachment.paperId !== paperId) {
          throw new BadInputError('That PDF is attached to another paper')
        }
        const highlight: Highlight = {
          id: ctx.newId(),
          paperId,
          attachmentId,
          sha256: attachment.sha256,
          position: {
            pageIndex: position.pageIndex,
            rects: normalizedRects(position.rects),
            ...(position.nextPageRects === undefined
              ? {}
              : { nextPageRects: normalizedRects(position.nextPageRects) }),
          },
          ...(pageLabel === undefined || pageLabel === '' ? {} : { pageLabel }),
          text,
          color,
          comment: comment ?? '',
          createdAt: ctx.at,
          updatedAt: ctx.at,
        }
        return {
          changes: { highlights: { put: [highlight] } },
          label: `Highlight on ${pageName(highlight)}`,
          result: highlight,
        }
      }),

    updateHighlight: async ({ id, color, comment }) =>
      this.plans.run((ctx) => {
        const old = requireHighlight(ctx.records, id)
        const highlight: Highlight = {
          ...old,
          ...(color === undefined ? {} : { color }),
          ...(comment === undefined ? {} : { comment }),
        }
        if (highlight.color === old.color && highlight.comment === old.comment) {
          return { changes: {}, label: '', result: old }
        }
        highlight.updatedAt = ctx.at
        const what = comment !== undefined && comment !== old.comment ? 'comment' : 'colour'
        return {
          changes: { highlights: { put: [highlight] } },
          label: `Change the ${what} of the highlight on ${pageName(old)}`,
          result: highlight,
        }
      }),

    deleteHighlight: async ({ id }) =>
      this.plans.run((ctx) => {
        const highlight = requireHighlight(ctx.records, id)
        return outcomePlan(
          { highlights: { remove: [id] } },
          `Delete the highlight on ${pageName(highlight)}`,
          1,
        )
      }),
  }
}
