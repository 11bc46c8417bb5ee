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
 * The corpus in groups of `size` consecutive payloads, each group one payload
 * (the members joined by `separator`, labelled by their ids and categories), so
 * a test renders a page per group rather than per payload.
 */
export function inBatches(corpus: Payload[], size: number, separator: string): Payload[] {
  const batches: Payload[] = []
  for (let start = 0; start < corpus.length; start += size) {
    const members = corpus.slice(start, start + size)
    const first = members[0]
    if (first === undefined) continue
    batches.push({
      id: first.id,
      category: [...new Set(members.map((member) => member.category))].join(', '),
      payload: members.map((member) => member.payload).join(separator),
      source: `payloads ${first.id}–${members.at(-1)?.id ?? first.id}`,
    })
  }
  return batches
}
