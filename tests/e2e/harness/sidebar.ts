// Helpers for the sidebar tree: rows are found by their visible name.
import type { Locator, Page } from 'playwright-core'

export function sidebarTree(page: Page): Locator {
  return page.getByRole('tree', { name: 'Library' })
}

/** The tree row with exactly this name (a collection, view, tag, or Library/Unfiled/Trash). */
export function sidebarRow(page: Page, name: string): Locator {
  return sidebarTree(page)
    .getByRole('treeitem')
    .filter({ has: page.locator('.sidebar-label').getByText(name, { exact: true }) })
}

/** The count shown beside a sidebar row. */
export async function sidebarCount(page: Page, name: string): Promise<string | null> {
  return sidebarRow(page, name).locator('.sidebar-count').textContent()
}
