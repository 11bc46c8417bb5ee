// How many of a thing, as messages and labels say it, in one place for the
// core, the CLI and the window.

/** "1 paper", "3 papers", "0 papers"; `plural` for nouns that do not just take an s. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`
}
