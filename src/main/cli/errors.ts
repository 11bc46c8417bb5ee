// The two ways a CLI command fails, and the exit code of each.

/** The command line is wrong: exit code 2, as is customary. */
export class UsageError extends Error {}

/** The command failed on its input or the library: exit code 1. */
export class CommandError extends Error {}

export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError ? 2 : 1
}
