// Reading a file the user asked Offprint to open (on its command line or a
// second launch's) into the event the window imports it from. Failures become
// a message the window shows, never an exception in main.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { MAX_IMPORT_CHARS } from '../../shared/apiSchemas'
import type { LibraryEvent } from '../../shared/model'
import { messageOf } from '../library/errors'

// fatal: a binary file must be refused, not turned into replacement characters.
const utf8 = new TextDecoder('utf-8', { fatal: true })

export async function readOpenedFile(path: string): Promise<LibraryEvent> {
  const fileName = basename(path)
  try {
    const info = await stat(path)
    if (!info.isFile()) return failed(fileName, 'it is not a file')
    // Every UTF-8 character is at least one byte: a larger file is surely too long.
    if (info.size > MAX_IMPORT_CHARS * 4) return failed(fileName, 'the file is too large to import')
    const text = utf8.decode(await readFile(path))
    if (text.length > MAX_IMPORT_CHARS) return failed(fileName, 'the file is too large to import')
    return { type: 'open-file', fileName, content: { ok: true, text } }
  } catch (error) {
    const reason = error instanceof TypeError ? 'it is not UTF-8 text' : messageOf(error)
    return failed(fileName, reason)
  }
}

function failed(fileName: string, message: string): LibraryEvent {
  return { type: 'open-file', fileName, content: { ok: false, message } }
}
