// The live preview of a note: markdown rendered and sanitized (math typeset by
// KaTeX after sanitizing), wiki-links shown
// with their targets' current titles and followed in the app, web links handed
// to the system browser. A broken link (its target is missing or trashed) is
// marked and offers to create a note by that name or to point it at a paper.
import {
  useDeferredValue,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react'
import type { LinkTarget } from '../../../../shared/model'
import { formatCitationKey } from '../../../../shared/text/pandocCitations'
import { formatWikiLink } from '../../../../shared/text/wikiLinks'
import { api } from '../../data/client'
import { openExternal } from '../../data/openExternal'
import { SHOW_MORE_FACTOR, SHOWN_CHARS, clipText, formatCount } from '../../ui/clipText'
import { CitationStylePicker } from '../citations/CitationStylePicker'
import { useCitationStyle } from '../citations/citationStyleContext'
import { useCitations } from '../citations/useCitations'
import { useLinkResolver } from '../links/useLinkResolver'
import { renderMarkdown } from './markdown/renderMarkdown'
import { typesetMathIn } from './math/renderMath'
import { keepReadingPlace, readingPlace, type ReadingPlace } from './readingPlace'
import type { Destination } from '../navigation/linkDestination'
import { PaperPicker } from '../../ui/PaperPicker'

/** A broken link in the body: the text it is written as, and which such occurrence. */
export interface BrokenLink {
  raw: string
  occurrence: number
  title: string
  /** Set for a citation whose key no paper has: the repair gives it a paper's key. */
  citationKey?: string
}

interface NotePreviewProps {
  body: string
  onOpen(destination: Destination): void
  onCreateNote(link: BrokenLink): void
  /** Rewrite a broken link as `replacement`. */
  onRepair(link: BrokenLink, replacement: string): void
}

interface Menu {
  link: BrokenLink
  top: number
  left: number
  finding: boolean
}

export function NotePreview({ body, onOpen, onCreateNote, onRepair }: NotePreviewProps) {
  // Typing stays responsive on long notes: the preview may lag a frame behind.
  const deferred = useDeferredValue(body)
  // A 5 MB note is edited whole, but only its start is rendered as a preview.
  const [previewLimit, setPreviewLimit] = useState<number>(SHOWN_CHARS.notePreview)
  const clipped = clipText(deferred, previewLimit)
  const source = clipped.shown
  const resolve = useLinkResolver(source)
  const { style } = useCitationStyle()
  const citations = useCitations(source, style)
  const html = useMemo(
    () => renderMarkdown(source, resolve, citations),
    [source, resolve, citations],
  )
  const [menu, setMenu] = useState<Menu | undefined>(undefined)
  const content = useRef<HTMLDivElement>(null)
  const pane = useRef<HTMLDivElement>(null)
  /** Where the reader was, in which text: kept while only the citations change. */
  const place = useRef<{ source: string; at: ReadingPlace | undefined }>(undefined)
  const notePlace = (): void => {
    if (pane.current === null || content.current === null) return
    place.current = { source, at: readingPlace(pane.current, content.current) }
  }
  // React sets the sanitized HTML; the math placeholders in it are typeset before paint.
  useLayoutEffect(() => {
    if (content.current === null || pane.current === null) return
    typesetMathIn(content.current)
    // A code block wider than the pane scrolls sideways: the keyboard must reach it too.
    for (const block of content.current.querySelectorAll('pre')) block.tabIndex = 0
    // The same text with its citations formatted (or in another style): the
    // line being read stays where it was.
    const kept = place.current
    if (kept?.source === source && kept.at !== undefined) {
      keepReadingPlace(pane.current, content.current, kept.at)
    }
    notePlace()
    // notePlace reads the source of this render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [html])

  function follow(target: Element, container: HTMLElement): boolean {
    const citation = target.closest<HTMLElement>('[data-citation="broken"]')
    if (citation !== null) {
      const box = citation.getBoundingClientRect()
      const frame = container.getBoundingClientRect()
      const key = citation.dataset['citationKey'] ?? ''
      setMenu({
        link: {
          raw: citation.dataset['citationRaw'] ?? '',
          occurrence: Number(citation.dataset['citationOccurrence'] ?? 0),
          title: key,
          citationKey: key,
        },
        top: box.bottom - frame.top + container.scrollTop + 4,
        left: box.left - frame.left,
        finding: true,
      })
      return true
    }
    if (target.closest('[data-citation="resolved"]') !== null) return true
    const wikiLink = target.closest<HTMLElement>('[data-wikilink]')
    if (wikiLink !== null) {
      const { wikilink, wikilinkKind, wikilinkId, wikilinkHighlight } = wikiLink.dataset
      if (wikilink === 'resolved' && wikilinkId !== undefined) {
        onOpen(
          wikilinkKind === 'paper'
            ? {
                kind: 'paper',
                id: wikilinkId,
                ...(wikilinkHighlight === undefined ? {} : { highlightId: wikilinkHighlight }),
              }
            : { kind: 'note', id: wikilinkId },
        )
      } else if (wikilink === 'broken') {
        const box = wikiLink.getBoundingClientRect()
        const frame = container.getBoundingClientRect()
        setMenu({
          link: {
            raw: wikiLink.dataset['wikilinkRaw'] ?? '',
            occurrence: Number(wikiLink.dataset['wikilinkOccurrence'] ?? 0),
            title: wikiLink.dataset['wikilinkTitle'] ?? '',
          },
          top: box.bottom - frame.top + container.scrollTop + 4,
          left: box.left - frame.left,
          finding: false,
        })
      }
      return true
    }
    const anchor = target.closest('a')
    if (anchor === null) return false
    const href = anchor.getAttribute('href')
    if (href === null) return true
    // A jump within the note (a footnote and its way back) scrolls the preview.
    if (href.startsWith('#')) {
      container.querySelector(`[id="${CSS.escape(href.slice(1))}"]`)?.scrollIntoView({
        block: 'nearest',
      })
      return true
    }
    openExternal(href)
    return true
  }

  function onClick(event: MouseEvent<HTMLDivElement>): void {
    if (follow(event.target as Element, event.currentTarget)) event.preventDefault()
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Enter' && follow(event.target as Element, event.currentTarget)) {
      event.preventDefault()
    } else if (event.key === 'Escape' && menu !== undefined) {
      event.stopPropagation()
      setMenu(undefined)
    }
  }

  function repairWith(paper: LinkTarget): void {
    if (menu === undefined) return
    const { link } = menu
    setMenu(undefined)
    if (link.citationKey === undefined) {
      onRepair(link, formatWikiLink('paper', paper.id, paper.title))
      return
    }
    // The citation keeps its prefix and locator; only the missing key changes.
    void api.getCitationKey({ paperId: paper.id }).then(({ key }) => {
      const wanted = link.citationKey ?? ''
      const written = [`@{${wanted}}`, `@${wanted}`].find((form) => link.raw.includes(form))
      if (written !== undefined) onRepair(link, link.raw.replace(written, formatCitationKey(key)))
    })
  }

  return (
    <div
      ref={pane}
      className="note-preview markdown-body"
      role="region"
      aria-label="Note preview"
      data-testid="note-preview"
      // Focusable, so the keyboard can scroll a long preview.
      tabIndex={0}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onScroll={notePlace}
    >
      {/* Sanitized by DOMPurify in renderMarkdown; never raw user HTML. */}
      <div
        ref={content}
        className="note-preview-content"
        dangerouslySetInnerHTML={{ __html: html }}
      />
      {citations.count > 0 && <CitationStylePicker />}
      {clipped.hidden > 0 && (
        <div className="note-preview-clipped" data-testid="note-preview-clipped">
          The preview shows the first {formatCount(source.length)} of {formatCount(deferred.length)}{' '}
          characters; the whole note is in the editor and saved.{' '}
          <button
            type="button"
            className="link-button show-more"
            onClick={() =>
              setPreviewLimit((limit) => limit + SHOWN_CHARS.notePreview * SHOW_MORE_FACTOR)
            }
          >
            Show more
          </button>
        </div>
      )}
      {menu !== undefined && (
        <div
          className="broken-link-menu"
          role="dialog"
          aria-label={
            menu.link.citationKey === undefined
              ? `Broken link "${menu.link.title}"`
              : `Citation of a missing key "${menu.link.title}"`
          }
          data-testid="broken-link-menu"
          style={{ top: menu.top, left: menu.left }}
          onClick={(event) => event.stopPropagation()}
        >
          {menu.finding ? (
            <PaperPicker
              label="Find paper"
              initialQuery={menu.link.citationKey === undefined ? menu.link.title : ''}
              onPick={repairWith}
              onCancel={() => setMenu(undefined)}
            />
          ) : (
            <>
              <p className="muted">Nothing in the library is called “{menu.link.title}”.</p>
              <button
                type="button"
                className="toolbar-button"
                onClick={() => {
                  onCreateNote(menu.link)
                  setMenu(undefined)
                }}
              >
                Create note “{menu.link.title}”
              </button>
              <button
                type="button"
                className="toolbar-button"
                onClick={() => setMenu({ ...menu, finding: true })}
              >
                Find paper…
              </button>
              <button type="button" className="link-button" onClick={() => setMenu(undefined)}>
                Cancel
              </button>
            </>
          )}
        </div>
      )}
    </div>
  )
}
