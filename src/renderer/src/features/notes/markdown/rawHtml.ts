// Raw HTML inside a note's markdown. Benign markup (<kbd>, <sub>, <details>…)
// is passed on to the sanitizer; markup that tries to run or style something
// is shown as literal text instead. Erring on "text" is always safe: the
// check only decides whether the sanitizer sees the markup at all.

// An attribute name starts after whitespace, "/" or a closing quote; a handler
// counts with or without a value (`<input onclick>` is parsed as one too).
const EVENT_HANDLER = /[\s"'/]on[a-z]+\s*(?:=|[\s/>]|$)/i
const STYLE_ATTRIBUTE = /[\s"'/]style\s*=/i
const ACTIVE_ELEMENT = /<\s*\/?\s*(?:script|style|link|meta|base|iframe|frame|object|embed)\b/i

export function isActiveRawHtml(html: string): boolean {
  return EVENT_HANDLER.test(html) || STYLE_ATTRIBUTE.test(html) || ACTIVE_ELEMENT.test(html)
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text made safe to place in HTML, between tags or inside a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
}
