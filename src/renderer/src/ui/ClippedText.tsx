// A field's text, cut to a readable length with a "Show more" button: the
// stored text is whole, only what the page lays out is bounded.
import { useState, type ReactNode } from 'react'
import { SHOW_MORE_FACTOR, clipText, formatCount } from './clipText'

interface ClippedTextProps {
  text: string
  limit: number
  /** How the shown part is rendered: as plain text unless given (e.g. with its math typeset). */
  render?: (shown: string) => ReactNode
}

export function ClippedText({ text, limit, render = (shown) => shown }: ClippedTextProps) {
  const [shownLimit, setShownLimit] = useState(limit)
  const { shown, hidden } = clipText(text, shownLimit)
  if (hidden === 0) return <>{render(text)}</>
  return (
    <>
      {render(shown)}…{' '}
      <button
        type="button"
        className="link-button show-more"
        onClick={() => setShownLimit((current) => current + limit * SHOW_MORE_FACTOR)}
      >
        Show more ({formatCount(hidden)} more characters)
      </button>
    </>
  )
}
