// A modal dialog: focus moves in (to the element marked data-autofocus, or
// the first control), Tab stays inside, Esc cancels, and focus returns to
// where it was when the dialog closes.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'

const FOCUSABLE = 'button:not([disabled]), input, select, textarea, [tabindex="0"]'

export function Dialog(props: {
  title: string
  onCancel: () => void
  children: ReactNode
  className?: string
}) {
  const element = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const opener = document.activeElement
    const target =
      element.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      element.current?.querySelector<HTMLElement>(FOCUSABLE)
    target?.focus()
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    }
  }, [])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    // The window's shortcuts (list keys, undo) do not apply behind a dialog.
    event.stopPropagation()
    if (event.key === 'Escape') {
      event.preventDefault()
      props.onCancel()
      return
    }
    if (event.key !== 'Tab') return
    const focusable = Array.from(element.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])
    const first = focusable[0]
    const last = focusable[focusable.length - 1]
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last?.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first?.focus()
    }
  }

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && props.onCancel()}
    >
      <div
        ref={element}
        className={`dialog ${props.className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        onKeyDown={onKeyDown}
      >
        <h2 className="dialog-title">{props.title}</h2>
        {props.children}
      </div>
    </div>
  )
}
