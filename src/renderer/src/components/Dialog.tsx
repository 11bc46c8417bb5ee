// A modal dialog: a labelled box over a dimmed window, Esc to close, focus
// moved into it when it opens.
import { useEffect, useRef, type ReactNode } from 'react'

export function Dialog(props: {
  title: string
  testId: string
  onClose: () => void
  children: ReactNode
  actions: ReactNode
}) {
  const box = useRef<HTMLDivElement>(null)
  const { onClose } = props
  useEffect(() => {
    box.current?.focus()
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${props.testId}-title`}
        tabIndex={-1}
        data-testid={props.testId}
      >
        <h2 id={`${props.testId}-title`} className="dialog-title">
          {props.title}
        </h2>
        <div className="dialog-body">{props.children}</div>
        <div className="dialog-actions">{props.actions}</div>
      </div>
    </div>
  )
}
