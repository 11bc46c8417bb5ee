// An in-page context menu: opened by right-click or the context-menu key
// (Shift+F10), driven by the arrow keys, Home/End, Enter or Space, and closed
// by Esc, Tab or a click elsewhere, after which focus goes back where it was.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'

export type MenuEntry =
  | { label: string; onSelect: () => void; shortcut?: string; disabled?: boolean; danger?: boolean }
  | 'separator'

export interface OpenMenu {
  x: number
  y: number
  entries: MenuEntry[]
  /** What the menu is about, for screen readers ("3 papers"). */
  label: string
}

type Item = Exclude<MenuEntry, 'separator'>

export function ContextMenu(props: { menu: OpenMenu; onClose: () => void }) {
  const { menu, onClose } = props
  const element = useRef<HTMLDivElement>(null)
  const opener = useRef<Element | null>(document.activeElement)
  const items = menu.entries.filter((entry): entry is Item => entry !== 'separator')
  const firstEnabled = items.findIndex((item) => item.disabled !== true)
  const [active, setActive] = useState(firstEnabled)
  const [position, setPosition] = useState({ left: menu.x, top: menu.y })

  // Kept inside the window, measured before the first paint.
  useLayoutEffect(() => {
    const box = element.current?.getBoundingClientRect()
    if (box === undefined) return
    setPosition({
      left: Math.max(4, Math.min(menu.x, window.innerWidth - box.width - 4)),
      top: Math.max(4, Math.min(menu.y, window.innerHeight - box.height - 4)),
    })
  }, [menu.x, menu.y])

  useEffect(() => {
    element.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus()
  }, [active])

  useEffect(() => {
    const onPointerDown = (event: PointerEvent): void => {
      if (!element.current?.contains(event.target as Node)) onClose()
    }
    window.addEventListener('pointerdown', onPointerDown, true)
    window.addEventListener('blur', onClose)
    const returnTo = opener.current
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true)
      window.removeEventListener('blur', onClose)
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus()
    }
  }, [onClose])

  function step(from: number, delta: number): number {
    for (let i = 1; i <= items.length; i++) {
      const next = (from + delta * i + items.length * i) % items.length
      if (items[next]?.disabled !== true) return next
    }
    return from
  }

  function choose(item: Item | undefined): void {
    if (item === undefined || item.disabled === true) return
    onClose()
    item.onSelect()
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const keys: Record<string, () => void> = {
      ArrowDown: () => setActive((i) => step(i, 1)),
      ArrowUp: () => setActive((i) => step(i, -1)),
      Home: () => setActive(step(-1, 1)),
      End: () => setActive(step(items.length, -1)),
      Enter: () => choose(items[active]),
      ' ': () => choose(items[active]),
      Escape: onClose,
      Tab: onClose,
    }
    const action = keys[event.key]
    if (action === undefined) return
    event.preventDefault()
    event.stopPropagation()
    action()
  }

  let index = -1
  return (
    <div
      ref={element}
      className="context-menu"
      role="menu"
      aria-label={menu.label}
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
      data-testid="context-menu"
    >
      {menu.entries.map((entry, position) => {
        if (entry === 'separator') return <div key={`s${position}`} role="separator" />
        index++
        const mine = index
        return (
          <button
            key={entry.label}
            type="button"
            role="menuitem"
            data-index={mine}
            tabIndex={mine === active ? 0 : -1}
            aria-disabled={entry.disabled === true}
            className={`context-menu-item${entry.danger === true ? ' danger' : ''}`}
            onMouseEnter={() => entry.disabled !== true && setActive(mine)}
            onFocus={() => setActive(mine)}
            onClick={() => choose(entry)}
          >
            <span>{entry.label}</span>
            {entry.shortcut !== undefined && (
              <kbd className="context-menu-shortcut">{entry.shortcut}</kbd>
            )}
          </button>
        )
      })}
    </div>
  )
}
