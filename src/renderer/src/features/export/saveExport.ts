// Saving an export. The renderer cannot write files, so it hands the text to
// the browser as a download: Electron shows the system Save dialog for it, and
// the Chromium test harness receives it as a Playwright download. A Markdown
// vault is a folder of files, so it is saved as one .zip (fflate, in memory).
import { strToU8, zipSync } from 'fflate'
import type { ExportFile, ExportResult } from '../../../../shared/model'

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export function saveExport(result: ExportResult): void {
  if (result.format !== 'markdown') {
    const file = result.files[0]
    download(
      new Blob([file?.text ?? ''], { type: `${result.mediaType};charset=utf-8` }),
      result.name,
    )
    return
  }
  const entries: Record<string, Uint8Array> = {}
  for (const file of result.files) entries[`${result.name}/${file.path}`] = strToU8(file.text)
  download(new Blob([zipSync(entries)], { type: 'application/zip' }), `${result.name}.zip`)
}

/** Files of one export (a note as a document): one file as it is, several as `name.zip`. */
export function saveFiles(name: string, files: readonly ExportFile[], mediaType: string): void {
  const [only, ...more] = files
  if (only !== undefined && more.length === 0) {
    download(new Blob([only.text], { type: `${mediaType};charset=utf-8` }), only.path)
    return
  }
  const entries: Record<string, Uint8Array> = {}
  for (const file of files) entries[`${name}/${file.path}`] = strToU8(file.text)
  download(new Blob([zipSync(entries)], { type: 'application/zip' }), `${name}.zip`)
}
