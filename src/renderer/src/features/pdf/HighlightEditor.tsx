// The chosen highlight, under the pages: its colour, its comment (saved after
// a pause in typing and when the field is left), quoting it into the note,
// and deleting it. Every change is one undo step in the core.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Highlight, HighlightColor } from '../../../../shared/model'
import { HIGHLIGHT_COLORS } from '../../../../shared/model'
import { api, errorMessage } from '../../data/client'
import { clipText } from '../../ui/clipText'
import { pageLabelOf } from './highlightQuote'

const COMMENT_DELAY_MS = 500

export function ColorButtons(props: {
  current?: HighlightColor
  onPick(color: HighlightColor): void
  label: string
}) {
  return (
    <span className="highlight-colors" role="group" aria-label={props.label}>
      {(Object.keys(HIGHLIGHT_COLORS) as HighlightColor[]).map((color, index) => (
        <button
          key={color}
          type="button"
          className="highlight-color"
          aria-label={`${color} (${index + 1})`}
          aria-pressed={props.current === undefined ? undefined : props.current === color}
          data-color={color}
          ref={(button) => {
            if (button !== null) button.style.backgroundColor = HIGHLIGHT_COLORS[color]
          }}
          onClick={() => props.onPick(color)}
        />
      ))}
    </span>
  )
}

export function HighlightEditor(props: {
  highlight: Highlight
  onQuote(): void
  /** A change was stored (one undo step): what to say of it. */
  onEdited(text: string): void
  onProblem(message: string): void
}) {
  const { highlight, onProblem } = props
  const page = pageLabelOf(highlight)
  const edited = useRef(props.onEdited)
  useEffect(() => {
    edited.current = props.onEdited
  }, [props.onEdited])
  const [comment, setComment] = useState(highlight.comment)
  const saved = useRef(highlight.comment)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const latest = useRef(comment)
  const saving = useRef<Promise<void>>(Promise.resolve())
  const problem = useRef(onProblem)
  useEffect(() => {
    problem.current = onProblem
  }, [onProblem])

  /** Resolves once the comment typed so far is stored (at once when it already is). */
  const save = useCallback((): Promise<void> => {
    clearTimeout(timer.current)
    const text = latest.current
    // Already on its way (a blur just saved it): wait for that save.
    if (text === saved.current) return saving.current
    saved.current = text
    saving.current = api.updateHighlight({ id: highlight.id, comment: text }).then(
      () => edited.current(`Comment of the highlight on ${page} saved`),
      (caught: unknown) => {
        saved.current = ''
        problem.current(`The comment could not be saved: ${errorMessage(caught)}`)
      },
    )
    return saving.current
  }, [highlight.id, page])
  // Leaving the highlight saves what was typed.
  useEffect(() => () => void save(), [save])

  return (
    <div className="highlight-editor" data-testid="highlight-editor" aria-label="Highlight">
      <p className="highlight-editor-quote">
        <span className="highlight-page">{pageLabelOf(highlight)}</span>{' '}
        {clipText(highlight.text, 400).shown}
      </p>
      <textarea
        className="highlight-editor-comment"
        aria-label="Comment"
        data-testid="highlight-comment"
        placeholder="Add a comment…"
        rows={2}
        value={comment}
        onChange={(event) => {
          setComment(event.target.value)
          latest.current = event.target.value
          clearTimeout(timer.current)
          timer.current = setTimeout(() => void save(), COMMENT_DELAY_MS)
        }}
        onBlur={() => void save()}
      />
      <div className="highlight-editor-actions">
        <ColorButtons
          label="Colour"
          current={highlight.color}
          onPick={(color) => {
            if (color === highlight.color) return
            void api.updateHighlight({ id: highlight.id, color }).then(
              () => props.onEdited(`Highlight on ${page} made ${color}`),
              (caught: unknown) => onProblem(errorMessage(caught)),
            )
          }}
        />
        <button
          type="button"
          className="small-button"
          data-testid="highlight-to-note"
          onClick={() => void save().then(props.onQuote)}
        >
          Quote in note
        </button>
        <button
          type="button"
          className="small-button danger"
          onClick={() =>
            void api.deleteHighlight({ id: highlight.id }).then(
              (outcome) => props.onEdited(outcome.label),
              (caught: unknown) => onProblem(errorMessage(caught)),
            )
          }
        >
          Delete
        </button>
      </div>
    </div>
  )
}
