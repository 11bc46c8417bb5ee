// PDFs made in the tests with pdf-lib: pages of plain text (so extraction and
// search have known words on known pages), document metadata (for matching a
// dropped PDF), and hostile ones: a JavaScript open action, a `javascript:`
// link, a `file:` link, a launch action, and a malformed object. Shared by the
// core's unit tests, the reader's e2e tests and the hostile-content suite.
// Deterministic: the same arguments give the same bytes.
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib'
import type { PDFDict, PDFRef } from 'pdf-lib'

export interface PdfSpec {
  /** Each page's lines of text, top to bottom. */
  pages: readonly (readonly string[])[]
  title?: string
  author?: string
  subject?: string
  keywords?: string[]
  /** Page size in points (default A4-ish 595 × 842). */
  size?: [number, number]
}

/** Where the first line of a page is drawn, and the line height, in points. */
export const TEXT_LEFT = 72
export const TEXT_TOP = 770
export const LINE_HEIGHT = 18
export const FONT_SIZE = 12

const FIXED_DATE = new Date('2026-01-02T03:04:05Z')

async function documentOf(spec: PdfSpec): Promise<PDFDocument> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  pdf.setCreationDate(FIXED_DATE)
  pdf.setModificationDate(FIXED_DATE)
  pdf.setProducer('Offprint tests (pdf-lib)')
  pdf.setCreator('Offprint tests')
  if (spec.title !== undefined) pdf.setTitle(spec.title)
  if (spec.author !== undefined) pdf.setAuthor(spec.author)
  if (spec.subject !== undefined) pdf.setSubject(spec.subject)
  if (spec.keywords !== undefined) pdf.setKeywords(spec.keywords)
  for (const lines of spec.pages) {
    const page = pdf.addPage(spec.size ?? [595, 842])
    lines.forEach((line, i) => {
      page.drawText(line, { x: TEXT_LEFT, y: TEXT_TOP - i * LINE_HEIGHT, size: FONT_SIZE, font })
    })
  }
  return pdf
}

async function save(pdf: PDFDocument): Promise<Uint8Array> {
  // No object streams: the hostile variants' objects stay visible as written.
  return pdf.save({ useObjectStreams: false })
}

/** A PDF of `spec`'s pages of text. */
export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  return save(await documentOf(spec))
}

/** A PDF of `pageCount` pages, page n holding "Page n" and words unique to it ("alpha1 bravo1"). */
export async function numberedPdf(
  pageCount: number,
  title = 'Numbered pages',
): Promise<Uint8Array> {
  const pages = Array.from({ length: pageCount }, (_, i) => [
    `Page ${i + 1} of ${title}`,
    `This page says alpha${i + 1} bravo${i + 1} and nothing else of note.`,
  ])
  return makePdf({ pages, title })
}

export type HostileKind =
  'javascript-action' | 'javascript-link' | 'file-link' | 'launch-action' | 'malformed-object'

export const HOSTILE_KINDS: readonly HostileKind[] = [
  'javascript-action',
  'javascript-link',
  'file-link',
  'launch-action',
  'malformed-object',
]

/** The words every hostile PDF shows, so a test can see it was read and displayed. */
export const HOSTILE_TEXT = 'An ordinary page with a hostile payload'

function linkAnnotation(pdf: PDFDocument, action: PDFDict): PDFRef {
  return pdf.context.register(
    pdf.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [TEXT_LEFT, TEXT_TOP - 4, TEXT_LEFT + 300, TEXT_TOP + 14],
      Border: [0, 0, 0],
      A: action,
    }),
  )
}

/**
 * A one-page PDF reading HOSTILE_TEXT that carries one hostile payload:
 * - javascript-action: an OpenAction running `app.alert(…)` and calling window.__xss;
 * - javascript-link: a link whose URI is `javascript:window.__xss()`;
 * - file-link: a link whose URI is `file:///etc/passwd`;
 * - launch-action: a link launching `/bin/sh` (and an OpenAction launching it too);
 * - malformed-object: a cross-reference table pointing into garbage and an object that never ends.
 */
export async function hostilePdf(kind: HostileKind): Promise<Uint8Array> {
  const pdf = await documentOf({ pages: [[HOSTILE_TEXT, `payload: ${kind}`]], title: kind })
  const page = pdf.getPage(0)
  const ctx = pdf.context
  const uri = (target: string): PDFDict =>
    ctx.obj({ Type: 'Action', S: 'URI', URI: PDFString.of(target) })
  switch (kind) {
    case 'javascript-action': {
      const js = ctx.obj({
        Type: 'Action',
        S: 'JavaScript',
        JS: PDFString.of(
          "app.alert('pdf javascript ran'); try { window.__xss('pdf-js') } catch (e) {}",
        ),
      })
      pdf.catalog.set(PDFName.of('OpenAction'), js)
      break
    }
    case 'javascript-link':
      page.node.addAnnot(linkAnnotation(pdf, uri("javascript:window.__xss('pdf-link')")))
      break
    case 'file-link':
      page.node.addAnnot(linkAnnotation(pdf, uri('file:///etc/passwd')))
      break
    case 'launch-action': {
      const launch = ctx.obj({
        Type: 'Action',
        S: 'Launch',
        F: PDFString.of('/bin/sh'),
        NewWindow: true,
      })
      page.node.addAnnot(linkAnnotation(pdf, launch))
      pdf.catalog.set(PDFName.of('OpenAction'), launch)
      break
    }
    case 'malformed-object':
      return malformed(await save(pdf))
  }
  return save(pdf)
}

/**
 * `bytes` with an unterminated object spliced in before the cross-reference
 * table and the table's first offsets pointing at the wrong bytes: readers
 * must recover (pdf.js rebuilds the table) or refuse, never crash.
 */
function malformed(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1')
  const xref = text.lastIndexOf('\nxref')
  const broken =
    '\n999 0 obj\n<< /Type /Broken /Kids [ 1 0 R 2 0 R /Length -5 >>\nstream\n\u0000\u00ff'
  const spliced = text.slice(0, xref) + broken + text.slice(xref)
  // The first offsets of the table now point 7 bytes off.
  const skewed = spliced.replace(
    /\n(\d{10}) 00000 n/g,
    (_, offset: string) => `\n${String(Number(offset) + 7).padStart(10, '0')} 00000 n`,
  )
  return new Uint8Array(Buffer.from(skewed, 'latin1'))
}
