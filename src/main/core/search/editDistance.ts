// Typo tolerance: is one word within k edits of another? An edit is an insertion,
// a deletion, a substitution or a swap of two neighbouring letters ("retreival"
// is one edit from "retrieval"), i.e. the optimal string alignment distance.
// The band of the table is k wide and the loop stops as soon as every cell of a
// row exceeds k, so rejecting a word usually costs a few comparisons.

const MAX_LENGTH = 64
const rows = [new Int32Array(MAX_LENGTH + 1), new Int32Array(MAX_LENGTH + 1)]
const twoBack = new Int32Array(MAX_LENGTH + 1)

export function withinEditDistance(a: string, b: string, k: number): boolean {
  if (Math.abs(a.length - b.length) > k) return false
  if (a.length > MAX_LENGTH || b.length > MAX_LENGTH) return a === b
  const big = k + 1
  let previous = rows[0] as Int32Array
  let current = rows[1] as Int32Array
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - k)
    const to = Math.min(b.length, i + k)
    current[0] = i
    if (from > 1) current[from - 1] = big
    let rowMin = big
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let value = Math.min(
        (previous[j - 1] ?? big) + cost,
        (previous[j] ?? big) + 1,
        (current[j - 1] ?? big) + 1,
      )
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, (twoBack[j - 2] ?? big) + 1)
      }
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (to < b.length) current[to + 1] = big
    if (rowMin > k) return false
    twoBack.set(previous)
    const swap = previous
    previous = current
    current = swap
  }
  return (previous[b.length] ?? big) <= k
}
