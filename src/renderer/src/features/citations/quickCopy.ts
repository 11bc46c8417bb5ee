// Quick Copy (Ctrl/Cmd+Shift+C): the selected papers on the clipboard as a
// bibliography in the chosen style, HTML for a rich-text editor and plain text
// for everything else; or, as Settings says, their BibTeX or citation keys.
// Written through a copy event (no clipboard permission to ask for: the
// window denies every permission request), within the key press's activation.
import type { QuickCopyFormat } from '../../../../shared/model'
import { api } from '../../data/client'

/** What was put on the clipboard, for the status line. */
export interface CopiedSummary {
  count: number
  format: QuickCopyFormat
}

export async function quickCopy(
  paperIds: readonly string[],
  style: string,
  format: QuickCopyFormat,
): Promise<CopiedSummary | undefined> {
  if (paperIds.length === 0) return undefined
  const cited = await api.citePapers({ paperIds: [...paperIds], style, format })
  const write = (event: ClipboardEvent): void => {
    event.preventDefault()
    event.clipboardData?.setData('text/plain', cited.text)
    if (cited.html !== undefined) event.clipboardData?.setData('text/html', cited.html)
  }
  document.addEventListener('copy', write, { once: true })
  try {
    if (!document.execCommand('copy')) throw new Error('The clipboard refused the copy')
  } finally {
    document.removeEventListener('copy', write)
  }
  return { count: paperIds.length, format }
}
