// The checks on a command's operands that several commands share.
import type { CommandLine } from '../commandLine'
import { UsageError } from '../errors'

/** For a command that takes none: `list takes no file (got "x")`. */
export function noOperands(line: CommandLine, command: string, noun: 'file' | 'operand'): void {
  if (line.operands.length > 0) {
    throw new UsageError(`${command} takes no ${noun} (got "${line.operands[0]}")`)
  }
}

/** For a command that takes exactly one: `related ID`. */
export function oneOperand(
  line: CommandLine,
  command: string,
  noun: 'file' | 'id' | 'categories',
): string {
  const [operand, ...extra] = line.operands
  if (operand === undefined || extra.length > 0) {
    const usage = `offprint ${command} ${noun.toUpperCase()} --library DIR`
    throw new UsageError(`${command} takes one ${noun}: ${usage}`)
  }
  return operand
}
