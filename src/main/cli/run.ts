// The headless CLI as a function, so tests can run it in-process: reads the
// command line, runs the command it names, and turns a failure into one line
// on standard error and an exit code. main.ts wires it to the process.
import { messageOf } from '../core/kernel/errors'
import { parseCommandLine } from './commandLine'
import { helpCommand, USAGE } from './commands/help'
import { UsageError, exitCodeOf } from './errors'
import { oneLine } from './io'
import type { CliIo } from './io'
import { commandNamed } from './registry'

export type { CliIo } from './io'

/** Runs the CLI with `argv` (the arguments after the script name); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const line = parseCommandLine(argv)
    if (line.help) return await helpCommand(line, io)
    if (line.command === undefined) {
      io.err(USAGE)
      return 2
    }
    const command = commandNamed(line.command)
    if (command === undefined) {
      throw new UsageError(`unknown command "${line.command}" (see: offprint help)`)
    }
    return await command(line, io)
  } catch (error) {
    io.err(`offprint: ${oneLine(messageOf(error))}`)
    return exitCodeOf(error)
  }
}
