// Helpers for the virtualized paper list: rows exist in the DOM only while on screen.
import type { Locator, Page } from 'playwright-core'

export function listbox(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Papers' })
}

/** The titles of the rows on screen, in order. */
export function rowTitles(page: Page): Promise<string[]> {
  return listbox(page).locator('.paper-row-title').allTextContents()
}

/** The selected row's title, without the star mark. */
export async function selectedTitle(page: Page): Promise<string> {
  return (
    (await page.locator('[role="option"][aria-selected="true"] .paper-row-title').textContent()) ??
    ''
  ).replace(/^★\s*/, '')
}

/** Scroll the list from the top until a row with exactly this title is mounted. */
export async function scrollToRow(page: Page, title: string): Promise<Locator> {
  const list = listbox(page)
  await list.evaluate((element) => element.scrollTo(0, 0))
  for (let step = 0; step < 2000; step++) {
    const matching = list
      .locator('[data-testid="paper-row"]')
      .filter({ has: page.locator('.paper-row-title').getByText(title, { exact: true }) })
    if ((await matching.count()) > 0) {
      await matching.first().scrollIntoViewIfNeeded()
      return matching.first()
    }
    const atEnd = await list.evaluate((element) => {
      const before = element.scrollTop
      element.scrollBy(0, element.clientHeight * 0.8)
      return element.scrollTop === before
    })
    if (atEnd) break
    await page.waitForTimeout(30)
  }
  throw new Error(`No row titled "${title}" in the list`)
}

/** Every paper id in the list, collected by scrolling through it once. */
export async function collectRowIds(page: Page): Promise<string[]> {
  const list = listbox(page)
  await list.evaluate((element) => element.scrollTo(0, 0))
  const ids: string[] = []
  const seen = new Set<string>()
  for (let step = 0; step < 100_000; step++) {
    await page.waitForTimeout(30)
    const visible = await list
      .locator('[data-testid="paper-row"]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-paper-id') ?? ''))
    for (const id of visible) {
      if (id !== '' && !seen.has(id)) {
        seen.add(id)
        ids.push(id)
      }
    }
    const atEnd = await list.evaluate((element) => {
      const before = element.scrollTop
      element.scrollBy(0, element.clientHeight * 0.8)
      return element.scrollTop === before
    })
    if (atEnd) break
  }
  return ids
}
