// Which shard file holds a record. Records are spread over a fixed number of
// files per kind by a hash of their id, so an edit rewrites one small file
// instead of the whole library. The hash must never change: it is the layout.

/** FNV-1a, 32 bit: tiny, fast, and stable across platforms and Node versions. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export function shardOf(id: string, shardCount: number): number {
  return fnv1a(id) % shardCount
}

/** "papers/0a.json": two hex digits for up to 256 shards, sorted the same on every system. */
export function shardFileName(kind: string, shard: number): string {
  return `${kind}/${shard.toString(16).padStart(2, '0')}.json`
}
