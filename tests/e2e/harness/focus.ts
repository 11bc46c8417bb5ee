// Where the keyboard focus is in the window, and whether it is drawn.
import type { Page } from 'playwright-core'

/** The data-testid of the focused element, or null. */
export function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)
}

/**
 * Whether the focused element is drawn as focused: an outline or a focus
 * shadow on it or on the element wrapping it (a radio's label), or, for the
 * paper list, the bar on its focused row.
 */
export function focusShows(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const focused = document.activeElement
    if (!(focused instanceof HTMLElement) || focused === document.body) return false
    const drawn = (element: Element): boolean => {
      const style = getComputedStyle(element)
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
      return outline || style.boxShadow !== 'none'
    }
    const row = focused.querySelector('.paper-row.focused')
    if (focused.getAttribute('role') === 'listbox' && row !== null) return drawn(row)
    return drawn(focused) || (focused.parentElement !== null && drawn(focused.parentElement))
  })
}

/** The focused element in words, for a failure message. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const focused = document.activeElement
    if (focused === null) return 'nothing'
    const label = focused.getAttribute('aria-label') ?? focused.textContent?.slice(0, 30) ?? ''
    return `${focused.tagName.toLowerCase()}.${focused.className} “${label}”`
  })
}
