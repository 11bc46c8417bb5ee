// Inline editing of a name in the sidebar (a new collection, a rename):
// Enter or leaving the field commits, Esc cancels.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'

export function NameInput(props: {
  initial: string
  label: string
  onCommit: (name: string) => void
  onCancel: () => void
}) {
  const [value, setValue] = useState(props.initial)
  const input = useRef<HTMLInputElement>(null)
  const settled = useRef(false)

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])

  function settle(commit: boolean): void {
    if (settled.current) return
    settled.current = true
    const name = value.trim()
    if (commit && name !== '' && name !== props.initial) props.onCommit(name)
    else props.onCancel()
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    // Typing here must not reach the tree's or the window's shortcuts.
    event.stopPropagation()
    if (event.key === 'Enter') {
      event.preventDefault()
      settle(true)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      settle(false)
    }
  }

  return (
    <input
      ref={input}
      className="name-input"
      type="text"
      aria-label={props.label}
      value={value}
      maxLength={200}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => settle(true)}
      data-testid="name-input"
    />
  )
}
