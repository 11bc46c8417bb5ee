// The core's side of the extraction worker (extractWorker.ts): one worker
// thread, started on first use, asked for one file at a time, ended on close.
// The built app runs out/main/pdfTextWorker.js; tests run from the sources,
// where the worker loads the .ts file through tsx.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ExtractReply } from './extractWorker'
import type { PdfText } from './pageText'

/**
 * The worker: the built script beside the main bundle, or (running from the
 * sources, as the unit tests do) a bootstrap that registers tsx in the worker
 * and imports the .ts file.
 */
function startWorker(): Worker {
  // The core is bundled into out/main/chunks/, the worker beside the entries in out/main/.
  for (const folder of [__dirname, dirname(__dirname)]) {
    const built = join(folder, 'pdfTextWorker.js')
    if (existsSync(built)) return new Worker(built)
  }
  const tsx = createRequire(__filename).resolve('tsx/cjs/api')
  const source = join(__dirname, 'extractWorker.ts')
  const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)})`
  return new Worker(bootstrap, { eval: true })
}

/** A PDF that keeps the reader busy this long (a hostile or pathological file) is given up on. */
const EXTRACT_TIMEOUT_MS = 120_000

export class PdfTextExtractor {
  private worker: Worker | undefined
  private nextId = 0
  private readonly pending = new Map<number, (reply: ExtractReply) => void>()

  /** The text of the PDF at `path`, or a rejection with why it could not be read. */
  extract(path: string): Promise<PdfText> {
    const worker = this.start()
    // Held while a file is being read: the CLI's process waits for the answer.
    worker.ref()
    const id = this.nextId++
    return new Promise<PdfText>((resolve, reject) => {
      // The worker is stopped (and started again for the next file) if this one never ends.
      const timer = setTimeout(() => {
        void worker.terminate()
      }, EXTRACT_TIMEOUT_MS)
      timer.unref()
      this.pending.set(id, (reply) => {
        clearTimeout(timer)
        // Idle, the worker does not keep the process alive.
        if (this.pending.size === 0) worker.unref()
        if (reply.ok) resolve(reply.text)
        else reject(new Error(reply.reason))
      })
      worker.postMessage({ id, path })
    })
  }

  private start(): Worker {
    if (this.worker !== undefined) return this.worker
    const worker = startWorker()
    worker.unref()
    worker.on('message', (reply: ExtractReply) => {
      const settle = this.pending.get(reply.id)
      this.pending.delete(reply.id)
      settle?.(reply)
    })
    const fail = (reason: string): void => {
      this.worker = undefined
      for (const [id, settle] of this.pending) settle({ id, ok: false, reason })
      this.pending.clear()
    }
    worker.on('error', (error) => fail(`the PDF reader stopped: ${error.message}`))
    worker.on('exit', (code) => fail(`the PDF reader stopped (exit code ${code})`))
    this.worker = worker
    return worker
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    await worker?.terminate()
  }
}
