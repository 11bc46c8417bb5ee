// The XSS payload corpus (tests/fixtures/xss-payloads.json, sources in the
// README beside it), read by the hostile-content tests.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

export interface Payload {
  id: number
  category: string
  payload: string
  /** Where it comes from: a public list (repository, path, commit) or "offprint" for the app's own. */
  source: string
}

const CORPUS = fileURLToPath(new URL('../../fixtures/xss-payloads.json', import.meta.url))

export async function payloads(): Promise<Payload[]> {
  return (JSON.parse(await readFile(CORPUS, 'utf8')) as { payloads: Payload[] }).payloads
}

/**
 * The corpus in groups of consecutive payloads, each group one payload (the
 * members joined by `separator`, labelled by their ids and categories), so a
 * test renders a page per group rather than per payload. A group holds at most
 * `size` payloads and, where more than one, at most `maxChars` characters (a
 * longer payload stands alone).
 */
export function inBatches(
  corpus: Payload[],
  size: number,
  separator: string,
  maxChars = Infinity,
): Payload[] {
  const batches: Payload[] = []
  let members: Payload[] = []
  let chars = 0
  const close = (): void => {
    const first = members[0]
    if (first === undefined) return
    batches.push({
      id: first.id,
      category: [...new Set(members.map((member) => member.category))].join(', '),
      payload: members.map((member) => member.payload).join(separator),
      source: `payloads ${first.id}–${members.at(-1)?.id ?? first.id}`,
    })
    members = []
    chars = 0
  }
  for (const payload of corpus) {
    const grown = chars + (members.length > 0 ? separator.length : 0) + payload.payload.length
    if (members.length === size || (members.length > 0 && grown > maxChars)) close()
    chars += (members.length > 0 ? separator.length : 0) + payload.payload.length
    members.push(payload)
  }
  close()
  return batches
}
