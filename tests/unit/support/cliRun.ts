// Runs the CLI in-process on one library folder and keeps what it printed.
import { runCli } from '../../../src/main/cli/run'

export interface CliRun {
  code: number
  stdout: string[]
  stderr: string[]
}

/** `offprint ...args --library <library>`, with an empty environment. */
export async function runCliOn(library: string, ...args: string[]): Promise<CliRun> {
  const stdout: string[] = []
  const stderr: string[] = []
  const io = { out: (s: string) => stdout.push(s), err: (s: string) => stderr.push(s), env: {} }
  const code = await runCli([...args, '--library', library], io)
  return { code, stdout, stderr }
}
