// The online services a test's in-process core talks to, stood in for by a
// stub server on 127.0.0.1: started before each test, named in this process's
// environment (the core reads its origins from there, as the app does), then
// closed and the environment put back after the test.
import { afterEach, beforeEach } from 'vitest'

const SERVICE_VARIABLES = ['OFFPRINT_HF_API', 'OFFPRINT_ARXIV_API', 'OFFPRINT_ARXIV_RSS'] as const

/** Call once at the top of a test file; `current()` is the running test's stub. */
export function stubServices<Stub extends { origin: string; close(): Promise<void> }>(
  start: () => Promise<Stub>,
): { current(): Stub } {
  const before = SERVICE_VARIABLES.map((name) => process.env[name])
  let stub: Stub | undefined
  beforeEach(async () => {
    stub = await start()
    for (const name of SERVICE_VARIABLES) process.env[name] = stub.origin
  })
  afterEach(async () => {
    await stub?.close()
    stub = undefined
    SERVICE_VARIABLES.forEach((name, index) => {
      const value = before[index]
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    })
  })
  return {
    current() {
      if (stub === undefined) throw new Error('No stub server outside a test')
      return stub
    },
  }
}
