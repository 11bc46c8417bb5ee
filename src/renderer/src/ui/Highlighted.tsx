// Text with search matches marked: the text is split at the ranges main sent
// and rendered as React text nodes and <mark> elements, so a title like
// "<img onerror=…>" stays text, whatever it contains.
import type { ReactNode } from 'react'
import type { TextRange } from '../../../shared/model'

export function Highlighted({ text, ranges }: { text: string; ranges?: readonly TextRange[] }) {
  if (ranges === undefined || ranges.length === 0) return <>{text}</>
  const parts: ReactNode[] = []
  let at = 0
  for (const { start, end } of ranges) {
    // Ranges come from main: clamp them, so a stale one can never throw or repeat text.
    const from = Math.max(at, Math.min(start, text.length))
    const to = Math.max(from, Math.min(end, text.length))
    if (from > at) parts.push(text.slice(at, from))
    if (to > from) parts.push(<mark key={from}>{text.slice(from, to)}</mark>)
    at = to
  }
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}
