// The core in a child process (see core.ts): answers calls from the parent
// through the same dispatcher main uses, and forwards change events.
import type { ApiResponse } from '../../../src/shared/api'
import { createDispatcher } from '../../../src/main/core/kernel/dispatch'
import { Library } from '../../../src/main/core/library'

const [dir, samplePath] = process.argv.slice(2) as [string, string]

type ParentMessage = { type: 'call'; id: number; method: string; args: unknown } | { type: 'close' }

function reply(message: unknown): void {
  process.send?.(message)
}

async function main(): Promise<void> {
  const library = await Library.open(dir, { samplePath })
  const dispatch = createDispatcher(library.api)
  library.onChange((change) => reply({ type: 'event', event: { type: 'library-changed', change } }))
  library.onProgress((progress) => reply({ type: 'event', event: { type: 'progress', progress } }))
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'call') {
      void dispatch(message.method, message.args).then((response: ApiResponse<unknown>) =>
        reply({ type: 'response', id: message.id, response }),
      )
    } else {
      void library.close().finally(() => process.exit(0))
    }
  })
  reply({ type: 'ready' })
}

void main()
