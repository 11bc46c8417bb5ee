// The attachments' files: each PDF once, named by the SHA-256 of its bytes
// (`attachments/<sha256>.pdf`), written durably (temp file, fsync, rename,
// fsync of the folder) before any record names it, and never rewritten. Two
// papers with the same PDF, or the same PDF attached twice, share one file.
import { createHash } from 'node:crypto'
import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { BadInputError } from '../kernel/errors'
import { writeTextDurably } from '../store/durableJsonFile'

/** The folder beside the attachment records' shards that holds the files. */
export const ATTACHMENTS_FOLDER = 'attachments'

const SHA256 = /^[0-9a-f]{64}$/

export function isSha256(value: string): boolean {
  return SHA256.test(value)
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Absolute path of the file with that hash in library folder `dir` (the hash is checked). */
export function attachmentFilePath(dir: string, sha256: string): string {
  if (!isSha256(sha256)) throw new BadInputError(`"${sha256}" is not a SHA-256`)
  return join(dir, ATTACHMENTS_FOLDER, `${sha256}.pdf`)
}

/** A PDF starts with `%PDF-` within its first kilobyte (readers allow leading junk). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  return head.includes('%PDF-')
}

/**
 * Stores `bytes` under their hash unless a file of that hash is there already.
 * Resolves once the file is on disk for good; `created` is false when it was there.
 */
export async function storeAttachmentFile(
  dir: string,
  bytes: Uint8Array,
): Promise<{ sha256: string; created: boolean }> {
  if (!looksLikePdf(bytes)) throw new BadInputError('This file is not a PDF (no %PDF- header)')
  const sha256 = sha256Of(bytes)
  const path = attachmentFilePath(dir, sha256)
  if (await hasFile(path, bytes.byteLength)) return { sha256, created: false }
  await mkdir(join(dir, ATTACHMENTS_FOLDER), { recursive: true })
  await writeTextDurably(path, bytes)
  return { sha256, created: true }
}

/** The file's bytes, or undefined when it is missing. */
export async function readAttachmentFile(dir: string, sha256: string): Promise<Buffer | undefined> {
  try {
    return await readFile(attachmentFilePath(dir, sha256))
  } catch {
    return undefined
  }
}

/** True when a file of the expected size is at `path` (a name is its hash: same size, same bytes). */
async function hasFile(path: string, size: number): Promise<boolean> {
  try {
    const info = await stat(path)
    return info.isFile() && info.size === size
  } catch {
    return false
  }
}
