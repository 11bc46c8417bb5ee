// Runs a long loop without freezing the process it runs in (Electron's main
// process also answers the window): every few milliseconds it hands the event
// loop a turn, reports progress, and stops if the import was cancelled.

import type { ParseControl } from './parsedRecord'

/** How long a loop may hold the event loop before it yields. */
const SLICE_MS = 25

/** Thrown when the caller's AbortSignal fires; nothing has been written at that point. */
export class ImportCancelledError extends Error {
  override readonly name = 'ImportCancelledError'
  constructor() {
    super('The import was cancelled; nothing was added to the library')
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new ImportCancelledError()
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** Calls `body(i)` for i in [0, total), yielding, reporting and checking for cancel between slices. */
export async function yieldingLoop(
  total: number,
  control: ParseControl,
  body: (index: number) => void,
): Promise<void> {
  let sliceStart = performance.now()
  for (let i = 0; i < total; i++) {
    if ((i & 15) === 0 && performance.now() - sliceStart > SLICE_MS) {
      control.onProgress?.(i, total)
      await nextTurn()
      throwIfCancelled(control.signal)
      sliceStart = performance.now()
    }
    body(i)
  }
  throwIfCancelled(control.signal)
  control.onProgress?.(total, total)
}

/**
 * Runs `step` until it says it is done, handing the event loop a turn (and
 * checking for cancel) whenever it returns early; `step` returns early when
 * the `sliceOver` it is given says its slice of time is spent.
 */
export async function yieldingRun(
  control: ParseControl,
  step: (sliceOver: () => boolean) => boolean,
): Promise<void> {
  let sliceStart = performance.now()
  const sliceOver = (): boolean => performance.now() - sliceStart > SLICE_MS
  while (!step(sliceOver)) {
    await nextTurn()
    throwIfCancelled(control.signal)
    sliceStart = performance.now()
  }
}
