// The reader's page view, around pdf.js's own viewer components: continuous
// scroll, zoom, find with every match marked, the text layer that makes text
// selectable, and the highlights painted over the pages. Imperative (pdf.js's
// viewer owns its DOM); PdfReader.tsx drives it and hears its events.
//
// What a PDF may do here: its links to the web (http and https only) open in
// the system browser through the app's usual path; links inside the document
// move within it. Everything else stays inert: no scripting manager is given
// (JavaScript actions never run), forms are drawn, not made into fields
// (AnnotationMode.ENABLE, so no form action can be submitted), and there is no
// download manager (a launch action or an embedded file has nowhere to go).
import { pdfjs, type PdfDocument } from './pdfEngine'
import {
  EventBus,
  PDFFindController,
  PDFLinkService,
  PDFViewer,
} from 'pdfjs-dist/web/pdf_viewer.mjs'
import 'pdfjs-dist/web/pdf_viewer.css'
import './pdfReader.css'
import type { Highlight, HighlightRect } from '../../../../shared/model'
import { HIGHLIGHT_COLORS } from '../../../../shared/model'
import { externalUrlToOpen } from '../../../../shared/text/externalUrl'
import { openExternal } from '../../data/openExternal'
import {
  hitsRects,
  mergeLineRects,
  toPdfRect,
  toScreenRect,
  type PageTransform,
  type ScreenRect,
} from './highlightGeometry'

/** Zoom as pdf.js names it: 'page-width', 'page-fit', or a factor such as '1.5'. */
export type ZoomValue = string

export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const

/** Where the reader is in a document, to come back to. */
export interface ReaderPosition {
  pageIndex: number
  zoom: ZoomValue
  /** The top and left of the view in the page's PDF units (pdf.js's XYZ destination). */
  top: number
  left: number
}

/** Text selected on a page (and maybe the next), ready to become a highlight. */
export interface PageSelection {
  pageIndex: number
  rects: HighlightRect[]
  /** The lines on the next page, when the selection runs onto it. */
  nextPageRects?: HighlightRect[]
  text: string
  /** Where the colour buttons go: the selection's last line, in the container's coordinates. */
  anchor: { x: number; y: number }
}

export interface FindResult {
  current: number
  total: number
  /** pdf.js's find state: 0 found, 1 not found, 2 wrapped, 3 pending. */
  state: number
}

export interface ReaderEvents {
  onPageChange(pageIndex: number, pageCount: number): void
  onZoomChange(zoom: ZoomValue, scale: number): void
  onPosition(position: ReaderPosition): void
  onFind(result: FindResult): void
  onHighlightClick(id: string): void
}

/** Only web links leave the app, and only through openExternal (which checks again). */
export function webLinkOf(url: string): string | undefined {
  const allowed = externalUrlToOpen(url)
  if (allowed === undefined) return undefined
  return /^https?:/i.test(allowed) ? allowed : undefined
}

/** Pages either side of the current one whose fetching a closed document waits for. */
const PAGES_AROUND = 10

class AppLinkService extends PDFLinkService {
  override addLinkAttributes(link: HTMLAnchorElement, url: string): void {
    const web = webLinkOf(url)
    link.href = web ?? ''
    link.title = web ?? 'This link does not open from Offprint'
    link.rel = 'noopener noreferrer nofollow'
    link.target = ''
    link.onclick = (event) => {
      event.preventDefault()
      if (web !== undefined) openExternal(web)
      return false
    }
  }
}

export class ReaderView {
  readonly eventBus = new EventBus()
  private readonly linkService: AppLinkService
  private readonly findController: PDFFindController
  private readonly viewer: PDFViewer
  /** The wait of the last closeDocument. */
  private closing: Promise<void> = Promise.resolve()
  private highlights: readonly Highlight[] = []
  private selectedId: string | undefined
  private readonly abort = new AbortController()

  constructor(
    private readonly container: HTMLDivElement,
    viewerElement: HTMLDivElement,
    private readonly events: ReaderEvents,
  ) {
    this.linkService = new AppLinkService({ eventBus: this.eventBus })
    this.findController = new PDFFindController({
      eventBus: this.eventBus,
      linkService: this.linkService,
    })
    this.viewer = new PDFViewer({
      container,
      viewer: viewerElement,
      eventBus: this.eventBus,
      linkService: this.linkService,
      findController: this.findController,
      annotationMode: pdfjs.AnnotationMode.ENABLE,
      textLayerMode: 1,
      removePageBorders: false,
      // The icons of note annotations, shipped beside the page (electron.vite.config.ts).
      imageResourcesPath: './pdf-annotations/',
    })
    this.linkService.setViewer(this.viewer)
    const bus = this.eventBus
    bus.on('pagechanging', ({ pageNumber }: { pageNumber: number }) =>
      this.events.onPageChange(pageNumber - 1, this.viewer.pagesCount),
    )
    bus.on('scalechanging', ({ scale, presetValue }: { scale: number; presetValue?: string }) =>
      this.events.onZoomChange(presetValue ?? String(scale), scale),
    )
    bus.on(
      'updateviewarea',
      ({ location }: { location: { pageNumber: number; top: number; left: number } }) =>
        this.events.onPosition({
          pageIndex: location.pageNumber - 1,
          zoom: this.viewer.currentScaleValue,
          top: location.top,
          left: location.left,
        }),
    )
    const onFind = ({
      matchesCount,
      state,
    }: {
      matchesCount: { current: number; total: number }
      state?: number
    }): void =>
      this.events.onFind({
        current: matchesCount.current,
        total: matchesCount.total,
        state: state ?? 0,
      })
    bus.on('updatefindmatchescount', onFind)
    bus.on('updatefindcontrolstate', onFind)
    // Each page is (re)drawn at each zoom: its highlights are painted again with it.
    bus.on('pagerendered', ({ pageNumber }: { pageNumber: number }) =>
      this.paintPage(pageNumber - 1),
    )
    container.addEventListener('click', (event) => this.onClick(event), {
      signal: this.abort.signal,
    })
  }

  /** Shows the document; resolves once its pages have their sizes (zoom and scrolling work then). */
  setDocument(document: PdfDocument): Promise<void> {
    const ready = new Promise<void>((resolve) =>
      this.eventBus.on('pagesinit', () => resolve(), { once: true }),
    )
    this.viewer.setDocument(document)
    this.linkService.setDocument(document)
    return ready
  }

  /**
   * Says where the reader is now (onPosition), while its pages are still in the
   * window: pdf.js says it a frame after a scroll, so a page gone to just
   * before closing would otherwise be forgotten.
   */
  sayPosition(): void {
    if (this.viewer.pdfDocument !== null && this.viewer.pdfDocument !== undefined) {
      this.viewer.update()
    }
  }

  /**
   * Lets go of the document shown, before it is destroyed: pdf.js stops
   * rendering its pages. Resolves once the pages it was still fetching have
   * arrived: destroyed before, their requests fail and pdf.js logs errors.
   */
  closeDocument(): Promise<void> {
    const document = this.viewer.pdfDocument
    // Already let go of (the reader closing after its document): the same wait.
    if (document === undefined || document === null) return this.closing
    const fetching: Promise<unknown>[] = []
    // The pages the viewer may be fetching: those around the current one without their page
    // yet (getPage hands back the request already made, or makes a cheap one).
    const current = this.viewer.currentPageNumber
    const last = Math.min(this.viewer.pagesCount, current + PAGES_AROUND)
    for (let number = Math.max(1, current - PAGES_AROUND); number <= last; number++) {
      const pageView = this.viewer.getPageView(number - 1) as { pdfPage?: unknown } | undefined
      if (pageView !== undefined && pageView.pdfPage == null)
        fetching.push(document.getPage(number))
    }
    // pdf.js's PDFViewer.setDocument takes null to reset (its types do not say so).
    const reset = this.viewer.setDocument.bind(this.viewer) as (
      document: PdfDocument | null,
    ) => void
    reset(null)
    this.linkService.setDocument(null)
    this.closing = Promise.allSettled(fetching).then(() => undefined)
    return this.closing
  }

  get pageCount(): number {
    return this.viewer.pagesCount
  }

  setZoom(zoom: ZoomValue): void {
    this.viewer.currentScaleValue = zoom
  }

  /** One step in or out from the scale shown now. */
  zoomStep(direction: 1 | -1): void {
    const scale = this.viewer.currentScale
    const next =
      direction === 1
        ? ZOOM_STEPS.find((step) => step > scale + 0.001)
        : [...ZOOM_STEPS].reverse().find((step) => step < scale - 0.001)
    if (next !== undefined) this.viewer.currentScaleValue = String(next)
  }

  goToPage(pageIndex: number): void {
    const page = Math.min(Math.max(pageIndex, 0), this.viewer.pagesCount - 1)
    this.viewer.currentPageNumber = page + 1
  }

  get pageIndex(): number {
    return this.viewer.currentPageNumber - 1
  }

  restore(position: ReaderPosition): void {
    this.viewer.currentScaleValue = position.zoom
    this.viewer.scrollPageIntoView({
      pageNumber: Math.min(position.pageIndex + 1, this.viewer.pagesCount),
      destArray: [null, { name: 'XYZ' }, position.left, position.top, null],
      allowNegativeOffset: true,
      ignoreDestinationZoom: true,
    })
  }

  /** Follows an outline entry (a named or explicit destination). */
  goToDestination(dest: string | unknown[]): void {
    void this.linkService.goToDestination(dest)
  }

  find(query: string, previous = false, again = false): void {
    this.eventBus.dispatch('find', {
      source: this,
      type: again ? 'again' : '',
      query,
      caseSensitive: false,
      entireWord: false,
      highlightAll: true,
      findPrevious: previous,
      matchDiacritics: false,
    })
  }

  closeFind(): void {
    this.eventBus.dispatch('findbarclose', { source: this })
  }

  setHighlights(highlights: readonly Highlight[], selectedId: string | undefined): void {
    this.highlights = highlights
    this.selectedId = selectedId
    for (let index = 0; index < this.viewer.pagesCount; index++) this.paintPage(index)
  }

  /** Scrolls so the highlight's first line is near the top of the view. */
  scrollToHighlight(highlight: Highlight): void {
    const top = Math.max(...highlight.position.rects.map((rect) => rect[3]))
    const left = Math.min(...highlight.position.rects.map((rect) => rect[0]))
    this.viewer.scrollPageIntoView({
      pageNumber: highlight.position.pageIndex + 1,
      destArray: [null, { name: 'XYZ' }, Math.max(0, left - 20), top + 30, null],
      allowNegativeOffset: true,
      ignoreDestinationZoom: true,
    })
  }

  /** The text selected in the page view: on the page where it starts, and the next if it runs on. */
  readSelection(): PageSelection | undefined {
    const selection = window.getSelection()
    if (selection === null || selection.isCollapsed || selection.rangeCount === 0) return undefined
    const range = selection.getRangeAt(0)
    const startNode = range.startContainer
    const startElement = startNode instanceof Element ? startNode : startNode.parentElement
    const pageDiv = startElement?.closest<HTMLElement>('.page[data-page-number]')
    if (pageDiv === null || pageDiv === undefined || !this.container.contains(pageDiv)) {
      return undefined
    }
    const pageIndex = Number(pageDiv.dataset['pageNumber']) - 1
    const transform = this.transformOf(pageIndex)
    const layer = pageDiv.querySelector('.textLayer') ?? pageDiv
    if (transform === undefined) return undefined
    const origin = layer.getBoundingClientRect()
    const lines = mergeLineRects(rectsOnPage(range, pageDiv, origin))
    const nextDiv = this.viewer.getPageView(pageIndex + 1)?.div
    const nextTransform = this.transformOf(pageIndex + 1)
    const nextLines =
      nextDiv === undefined || nextTransform === undefined
        ? []
        : mergeLineRects(
            rectsOnPage(
              range,
              nextDiv,
              (nextDiv.querySelector('.textLayer') ?? nextDiv).getBoundingClientRect(),
            ),
          )
    const last = lines.at(-1)
    const text = selection.toString().replace(/\s+/g, ' ').trim()
    if (last === undefined || text === '') return undefined
    const frame = this.container.getBoundingClientRect()
    return {
      pageIndex,
      rects: lines.map((line) => toPdfRect(line, transform)),
      ...(nextTransform === undefined || nextLines.length === 0
        ? {}
        : { nextPageRects: nextLines.map((line) => toPdfRect(line, nextTransform)) }),
      text,
      anchor: {
        x: last.right + origin.left - frame.left + this.container.scrollLeft,
        y: last.bottom + origin.top - frame.top + this.container.scrollTop,
      },
    }
  }

  /** The page label pdf.js knows for a page ("xii", "12"), if the PDF has labels. */
  pageLabel(pageIndex: number): string | undefined {
    return this.viewer.getPageView(pageIndex)?.pageLabel ?? undefined
  }

  destroy(): void {
    this.abort.abort()
    void this.closeDocument()
    this.viewer.cleanup()
  }

  private transformOf(pageIndex: number): PageTransform | undefined {
    const view = this.viewer.getPageView(pageIndex)
    const viewport = view?.viewport
    if (viewport === undefined) return undefined
    return {
      toPdf: (x, y) => viewport.convertToPdfPoint(x, y) as [number, number],
      toScreen: (rect) =>
        viewport.convertToViewportRectangle(rect) as [number, number, number, number],
    }
  }

  /** The highlight's lines on page `pageIndex`: its own page's, or the next page's part. */
  private screenRectsOf(highlight: Highlight, pageIndex: number): ScreenRect[] {
    const transform = this.transformOf(pageIndex)
    if (transform === undefined) return []
    const { position } = highlight
    const rects =
      position.pageIndex === pageIndex
        ? position.rects
        : position.pageIndex + 1 === pageIndex
          ? (position.nextPageRects ?? [])
          : []
    return rects.map((rect) => toScreenRect(rect, transform))
  }

  private paintPage(pageIndex: number): void {
    const view = this.viewer.getPageView(pageIndex)
    const pageDiv = view?.div
    if (pageDiv === undefined) return
    pageDiv.querySelector(':scope > .offprint-highlights')?.remove()
    const mine = this.highlights.filter(
      (highlight) =>
        highlight.position.pageIndex === pageIndex ||
        (highlight.position.pageIndex + 1 === pageIndex &&
          highlight.position.nextPageRects !== undefined),
    )
    if (mine.length === 0) return
    const layer = document.createElement('div')
    layer.className = 'offprint-highlights'
    const canvasWrapper = pageDiv.querySelector(':scope > .canvasWrapper')
    // Above the drawn page, below the text layer: text under a highlight stays selectable.
    if (canvasWrapper !== null) canvasWrapper.after(layer)
    else pageDiv.prepend(layer)
    for (const highlight of mine) {
      for (const rect of this.screenRectsOf(highlight, pageIndex)) {
        const mark = document.createElement('div')
        mark.className = `offprint-highlight${highlight.id === this.selectedId ? ' selected' : ''}`
        mark.dataset['highlightId'] = highlight.id
        // Styles through the CSSOM: the CSP refuses style attributes, not this.
        mark.style.left = `${rect.left}px`
        mark.style.top = `${rect.top}px`
        mark.style.width = `${rect.right - rect.left}px`
        mark.style.height = `${rect.bottom - rect.top}px`
        mark.style.backgroundColor = HIGHLIGHT_COLORS[highlight.color]
        layer.append(mark)
      }
    }
  }

  /** A click (not a drag that selected text) on a highlight selects it. */
  private onClick(event: MouseEvent): void {
    const selection = window.getSelection()
    if (selection !== null && !selection.isCollapsed) return
    const target = event.target instanceof Element ? event.target : null
    const pageDiv = target?.closest<HTMLElement>('.page[data-page-number]')
    if (pageDiv === null || pageDiv === undefined) return
    const pageIndex = Number(pageDiv.dataset['pageNumber']) - 1
    const origin = (pageDiv.querySelector('.textLayer') ?? pageDiv).getBoundingClientRect()
    const x = event.clientX - origin.left
    const y = event.clientY - origin.top
    const hit = this.highlights.find((highlight) =>
      hitsRects(x, y, this.screenRectsOf(highlight, pageIndex)),
    )
    if (hit !== undefined) this.events.onHighlightClick(hit.id)
  }
}

/** The selection's rectangles whose middle is on `pageDiv`, relative to `origin` (its text layer). */
function rectsOnPage(range: Range, pageDiv: HTMLElement, origin: DOMRect): ScreenRect[] {
  const pageBox = pageDiv.getBoundingClientRect()
  const onPage: ScreenRect[] = []
  for (const rect of range.getClientRects()) {
    const centerY = (rect.top + rect.bottom) / 2
    if (centerY < pageBox.top || centerY > pageBox.bottom) continue
    onPage.push({
      left: rect.left - origin.left,
      top: rect.top - origin.top,
      right: rect.right - origin.left,
      bottom: rect.bottom - origin.top,
    })
  }
  return onPage
}
