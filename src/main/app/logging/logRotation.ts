// When and how the log file rotates. Pure: the file logger asks these functions
// and performs the file operations they return, so the policy is tested
// without touching a disk (and without Electron).

export interface RotationPolicy {
  /** Rotate before a write would make the current file larger than this. */
  maxBytes: number
  /** How many older files to keep beside the current one (offprint.1.log …). */
  keep: number
}

export const DEFAULT_ROTATION: RotationPolicy = { maxBytes: 1024 * 1024, keep: 3 }

export type LogLevel = 'info' | 'warn' | 'error'

/** Whether `incomingBytes` must go to a fresh file. A single oversized line still goes in one. */
export function needsRotation(
  currentBytes: number,
  incomingBytes: number,
  policy: RotationPolicy,
): boolean {
  return currentBytes > 0 && currentBytes + incomingBytes > policy.maxBytes
}

/** offprint.log -> offprint.2.log for generation 2; generation 0 is the file itself. */
export function rotatedName(fileName: string, generation: number): string {
  if (generation === 0) return fileName
  const dot = fileName.lastIndexOf('.')
  return dot <= 0
    ? `${fileName}.${generation}`
    : `${fileName.slice(0, dot)}.${generation}${fileName.slice(dot)}`
}

export interface RotationPlan {
  /** Delete first (the oldest generation, which falls off the end). */
  remove: string
  /** Then rename, oldest first, so nothing is overwritten. */
  renames: { from: string; to: string }[]
}

export function rotationPlan(fileName: string, policy: RotationPolicy): RotationPlan {
  const renames: { from: string; to: string }[] = []
  for (let generation = policy.keep - 1; generation >= 0; generation--) {
    renames.push({
      from: rotatedName(fileName, generation),
      to: rotatedName(fileName, generation + 1),
    })
  }
  return { remove: rotatedName(fileName, policy.keep), renames }
}

/** One line of the log: time, level, message, and any detail (an error's stack) indented. */
export function formatLogLine(at: Date, level: LogLevel, message: string, detail?: string): string {
  const head = `${at.toISOString()} ${level.toUpperCase().padEnd(5)} ${message.replace(/\r?\n/g, ' ')}`
  const tail =
    detail === undefined || detail === ''
      ? ''
      : '\n' +
        detail
          .split(/\r?\n/)
          .map((line) => `    ${line}`)
          .join('\n')
  return `${head}${tail}\n`
}
