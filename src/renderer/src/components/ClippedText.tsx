// A field's text, cut to a readable length with a "Show more" button: the
// stored text is whole, only what the page lays out is bounded.
import { useState } from 'react'
import { SHOW_MORE_FACTOR, clipText, formatCount } from '../display/clipText'

export function ClippedText({ text, limit }: { text: string; limit: number }) {
  const [shownLimit, setShownLimit] = useState(limit)
  const { shown, hidden } = clipText(text, shownLimit)
  if (hidden === 0) return <>{text}</>
  return (
    <>
      {shown}…{' '}
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
