// Entry point of the headless CLI: `node out/main/cli.js <command> ... --library DIR`.
// Only wires the process; run.ts reads the command line and runs the command.
import { runCli } from './run'

// `offprint list | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

void runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  env: process.env,
}).then((code) => {
  // exitCode rather than exit(): lets a large `list --json` finish flushing.
  process.exitCode = code
})
