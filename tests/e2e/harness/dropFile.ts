// Drops a text file on the window, as a user dragging it from the file manager
// does: the same dragover and drop events, carrying a real File.
import type { Page } from 'playwright-core'

export async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([fileName, content]) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([content], fileName, { type: 'text/plain' }))
      const init = { dataTransfer: transfer, bubbles: true, cancelable: true }
      document.body.dispatchEvent(new DragEvent('dragover', init))
      document.body.dispatchEvent(new DragEvent('drop', init))
    },
    [name, text] as const,
  )
}
