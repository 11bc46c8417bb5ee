// Runs a TypeScript script against the real core in a separate Node process
// (through tsx), optionally under a file size limit: how tests put the core
// through a full disk or a kill without touching the test runner itself.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

export interface ScriptResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export function runCoreScript(
  script: string,
  args: string[],
  options: { maxFileBytes?: number } = {},
): Promise<ScriptResult> {
  const node = [
    process.execPath,
    '--import',
    'tsx',
    fileURLToPath(new URL(script, import.meta.url)),
    ...args,
  ]
  // prlimit (util-linux) caps the size of any file the process writes: writes past it fail
  // with EFBIG, exactly as writes to a full disk fail with ENOSPC.
  const command =
    options.maxFileBytes === undefined
      ? node
      : ['prlimit', `--fsize=${options.maxFileBytes}`, '--', ...node]
  return new Promise((resolve, reject) => {
    const child = spawn(command[0] ?? '', command.slice(1), {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}
