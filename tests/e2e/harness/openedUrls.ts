// Web links leave the app through window.open (main hands them to the system
// browser). These record what the page would have opened, instead of opening it.
import type { Page } from 'playwright-core'

/** Records window.open from now on; read with `openedUrls`. */
export async function recordOpened(page: Page): Promise<void> {
  await page.evaluate(() => {
    const opened: string[] = []
    Object.assign(window, { openedUrls: opened })
    window.open = (url?: string | URL) => {
      opened.push(String(url))
      return null
    }
  })
}

/** The URLs the page asked to open since `recordOpened`, in order. */
export async function openedUrls(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { openedUrls: string[] }).openedUrls)
}
