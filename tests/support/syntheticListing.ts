// A Daily Papers listing of any length, in the page's own shape (title, blank
// line, abstract, author count, date and upvotes), for tests of large imports.
// Deterministic: the same count gives the same text.

const TOPICS = [
  'tool learning',
  'multimodal reasoning',
  'robotic manipulation',
  'instruction tuning',
  'diffusion models',
  'retrieval augmentation',
  'reward modelling',
  'long-context attention',
]

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function syntheticTitle(index: number): string {
  const topic = TOPICS[index % TOPICS.length] ?? ''
  return `Synthetic Study ${index + 1}: Scaling ${topic} with Sparse Experts`
}

/** `count` entries; `titlePrefix` makes two listings that share no paper. */
export function syntheticListing(count: number, titlePrefix = ''): string {
  const lines = ['Daily Papers', '']
  for (let index = 0; index < count; index++) {
    const topic = TOPICS[index % TOPICS.length] ?? ''
    lines.push(
      `${titlePrefix}${syntheticTitle(index)}`,
      '',
      `We study ${topic} at scale. Our method improves the strong baseline by ${(index % 97) / 10}% ` +
        `on average across twelve benchmarks, while using fewer parameters than prior work. ` +
        `Experiments on ${index % 50} tasks show consistent gains, and ablations confirm that each ` +
        'component matters. Code and models are released for the community to build on.',
      '',
      `  • ${(index % 12) + 1} authors`,
      '·',
      `${MONTHS[index % 12] ?? 'Jan'} ${(index % 28) + 1}, ${2020 + (index % 6)} ${index % 300}`,
      '',
    )
  }
  return lines.join('\n')
}
