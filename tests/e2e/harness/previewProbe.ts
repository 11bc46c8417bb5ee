// In-page probes for a note's preview, passed to page.evaluate (so they use
// only DOM APIs and nothing from outside their own bodies).

/** What the hit-test reports: the points of the app's own parts that something else covers. */
export interface Coverage {
  /** How many points were tested. */
  points: number
  /** "search box at 312,48: <div> in note-preview", one per covered point. */
  covered: string[]
}

/**
 * Hit-tests a grid of points (`perSide` × `perSide`) over each of `targets`
 * (name → selector) with document.elementFromPoint: no point may hit anything
 * inside `preview` (what a note put there), unless the target is in it.
 */
export function hitTestParts(input: {
  targets: Record<string, string>
  preview: string
  perSide: number
}): Coverage {
  const covered: string[] = []
  let points = 0
  for (const [name, selector] of Object.entries(input.targets)) {
    const target = document.querySelector(selector)
    if (target === null) {
      covered.push(`${name}: not on screen`)
      continue
    }
    const box = target.getBoundingClientRect()
    for (let row = 0; row < input.perSide; row++) {
      for (let column = 0; column < input.perSide; column++) {
        // Inset by a pixel, so a point on the edge belongs to the target alone.
        const x = Math.round(box.left + 1 + ((box.width - 2) * column) / (input.perSide - 1))
        const y = Math.round(box.top + 1 + ((box.height - 2) * row) / (input.perSide - 1))
        points++
        const hit = document.elementFromPoint(x, y)
        if (hit === null || target.contains(hit) || hit.closest(input.preview) === null) continue
        const where = hit?.closest('[data-testid]')?.getAttribute('data-testid') ?? 'the page'
        covered.push(
          `${name} at ${x},${y}: <${hit?.tagName.toLowerCase() ?? 'nothing'}> in ${where}`,
        )
      }
    }
  }
  return { points, covered }
}

/**
 * Every element in `scope` a user could follow or activate: links, image-map
 * areas, anything with an href, a role of link or button, or a tab stop (an
 * <a> without any of these is plain text to the mouse and the keyboard).
 */
export function linkLikeIn(scope: string): string[] {
  const root = document.querySelector(scope)
  if (root === null) return []
  const selector = 'area, [href], [role=link], [role=button], [tabindex]:not(pre)'
  return Array.from(root.querySelectorAll(selector), (element) => {
    const role = element.getAttribute('role')
    const href = element.getAttribute('href')
    return `<${element.tagName.toLowerCase()}${role === null ? '' : ` role=${role}`}${href === null ? '' : ` href=${href}`}> ${element.textContent ?? ''}`
  })
}

/** What clicking every link-like element in a preview did. */
export interface ClickReport {
  clicked: number
  /** The URLs handed to window.open (the system browser), in order. */
  opened: string[]
}

/**
 * Clicks every link-like element inside `scope`, and every <a> however bare, in turn (element.click(),
 * which runs the preview's handler and the browser's default action), with
 * window.open recorded instead of opening anything. A broken link's menu is
 * closed again after each click.
 */
export async function clickEveryLink(scope: string): Promise<ClickReport> {
  // A broken link's menu is closed with Cancel; a missing citation's "Find
  // paper…" with Escape, as a user closes it. (Defined here: this runs in the page.)
  const closeMenu = (): boolean => {
    const menu = document.querySelector<HTMLElement>('[data-testid=broken-link-menu]')
    if (menu === null) return false
    const cancel = menu.querySelector<HTMLElement>('.link-button')
    if (cancel !== null) cancel.click()
    else {
      menu
        .querySelector('[role=combobox]')
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    }
    return true
  }
  const opened: string[] = []
  const realOpen = window.open
  window.open = (url?: string | URL) => {
    opened.push(String(url))
    return null
  }
  let clicked = 0
  try {
    const root = document.querySelector(scope)
    const selector = 'a, area, [href], [role=link], [role=button], [tabindex]:not(pre)'
    const elements = root === null ? [] : Array.from(root.querySelectorAll<HTMLElement>(selector))
    for (const element of elements) {
      if (!element.isConnected) continue
      element.click()
      clicked++
      closeMenu()
    }
    // React commits the clicks' state; a frame passes so anything they set in motion happens.
    await new Promise((resolve) => requestAnimationFrame(resolve))
    // The last click's menu, shown only now.
    if (closeMenu()) await new Promise((resolve) => requestAnimationFrame(resolve))
  } finally {
    window.open = realOpen
  }
  return { clicked, opened }
}
