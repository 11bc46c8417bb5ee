// A rendered note as a standalone HTML document. The note's own raw HTML is
// written out as text (the file may be opened anywhere, by anyone); citations
// and references arrive here as markdown already.
import { Marked } from 'marked'

const marked = new Marked(
  { gfm: true, async: false },
  { renderer: { html: ({ text }) => escapeHtml(text) } },
)

export function renderDocumentHtml(title: string, markdown: string): string {
  const body = marked.parse(markdown) as string
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${escapeHtml(title)}</title>\n</head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n${body}</body>\n</html>\n`
  )
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}
