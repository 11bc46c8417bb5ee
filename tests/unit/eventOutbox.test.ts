import { describe, expect, it } from 'vitest'
import type { LibraryEvent } from '../../src/shared/model'
import { EventOutbox } from '../../src/main/window/eventOutbox'

const OPENED: LibraryEvent = {
  type: 'open-file',
  fileName: 'refs.bib',
  content: { ok: true, text: '@article{x}' },
}

describe('event outbox', () => {
  it('holds a file opened at launch until the page listens, and drops stale change events', () => {
    const delivered: LibraryEvent[] = []
    const outbox = new EventOutbox((event) => delivered.push(event))
    outbox.send({ type: 'library-changed' })
    outbox.send(OPENED)
    outbox.send({ type: 'menu-command', command: 'settings' })
    expect(delivered).toEqual([])
    outbox.pageListening()
    expect(delivered).toEqual([OPENED, { type: 'menu-command', command: 'settings' }])
    outbox.send({ type: 'library-changed' })
    expect(delivered.at(-1)).toEqual({ type: 'library-changed' })
  })

  it('holds events again while the page reloads', () => {
    const delivered: LibraryEvent[] = []
    const outbox = new EventOutbox((event) => delivered.push(event))
    outbox.pageListening()
    outbox.pageLoading()
    outbox.send(OPENED)
    expect(delivered).toEqual([])
    outbox.pageListening()
    expect(delivered).toEqual([OPENED])
  })
})
