// The main process's log: lines appended to a file in the user-data folder,
// rotated by size (see logRotation.ts). Writes are synchronous so the last lines
// before a crash are on disk; a failure to log never takes the app down.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { DEFAULT_ROTATION, formatLogLine, needsRotation, rotationPlan } from './logRotation'
import type { LogLevel, RotationPolicy } from './logRotation'

export class FileLogger {
  private size: number | undefined

  constructor(
    readonly path: string,
    private readonly policy: RotationPolicy = DEFAULT_ROTATION,
    private readonly now: () => Date = () => new Date(),
  ) {}

  info(message: string, detail?: unknown): void {
    this.write('info', message, detail)
  }

  warn(message: string, detail?: unknown): void {
    this.write('warn', message, detail)
  }

  error(message: string, detail?: unknown): void {
    this.write('error', message, detail)
  }

  private write(level: LogLevel, message: string, detail: unknown): void {
    const line = formatLogLine(this.now(), level, message, describe(detail))
    const bytes = Buffer.byteLength(line)
    try {
      if (this.size === undefined) {
        mkdirSync(dirname(this.path), { recursive: true })
        this.size = currentSize(this.path)
      }
      if (needsRotation(this.size, bytes, this.policy)) this.rotate()
      appendFileSync(this.path, line)
      this.size += bytes
    } catch (error) {
      this.size = undefined // look at the file afresh next time
      console.error('offprint: could not write the log:', error, line)
    }
  }

  private rotate(): void {
    const folder = dirname(this.path)
    const plan = rotationPlan(basename(this.path), this.policy)
    rmSync(join(folder, plan.remove), { force: true })
    for (const { from, to } of plan.renames) {
      try {
        renameSync(join(folder, from), join(folder, to))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    }
    this.size = 0
  }
}

function currentSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

function describe(detail: unknown): string | undefined {
  if (detail === undefined) return undefined
  if (detail instanceof Error) return detail.stack ?? `${detail.name}: ${detail.message}`
  if (typeof detail === 'string') return detail
  try {
    return JSON.stringify(detail)
  } catch {
    return String(detail)
  }
}
