// The one form in which titles are compared: Unicode-normalized (NFKC), lower
// case, every run of non-letters/digits collapsed to one space. Duplicate
// detection keys papers by it (the same paper arrives with other punctuation,
// case or Unicode forms of its title), and a hand-typed `[[toolrl reward is all
// tool learning needs]]` finds "ToolRL: Reward is All Tool Learning Needs".

export function normalizeTitle(title: string): string {
  // ASCII (most titles) is its own NFKC form and lowercases to ASCII, whose
  // letters and digits are [a-z0-9]: the same result without Unicode tables.
  if (!NON_ASCII.test(title))
    return title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const NON_ASCII = /[^ -~\t\n\r]/
