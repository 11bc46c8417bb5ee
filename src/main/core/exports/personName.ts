// Splitting a display name ("Jan van der Berg Jr.") into the parts citation
// formats want (family "Berg", particle "van der", given "Jan", suffix "Jr.").
// The importers join parts into display names; this is their inverse for the
// common Western name shapes, and keeps any other name whole.

export interface NameParts {
  given: string
  particle: string
  family: string
  suffix: string
}

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv', 'v'])
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'ter',
  'ten',
  'zu',
  'dos',
  'das',
  'bin',
  'al',
])

export function splitName(name: string): NameParts {
  const tokens = name
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '')
  let suffix = ''
  if (tokens.length > 2 && SUFFIXES.has((tokens[tokens.length - 1] ?? '').toLowerCase())) {
    suffix = tokens.pop() ?? ''
  }
  const family = tokens.pop() ?? ''
  const particles: string[] = []
  while (tokens.length > 0 && PARTICLES.has(tokens[tokens.length - 1] ?? '')) {
    particles.unshift(tokens.pop() ?? '')
  }
  return { given: tokens.join(' '), particle: particles.join(' '), family, suffix }
}
