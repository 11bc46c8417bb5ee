import { describe, expect, it } from 'vitest'
import type { LibraryEvent } from '../../src/shared/model'
import { EventOutbox } from '../../src/main/app/window/eventOutbox'

const CHANGED: LibraryEvent = {
  type: 'library-changed',
  change: { topics: ['papers'], paperIds: ['p1'] },
}

const OPENED: LibraryEvent = {
  type: 'open-file',
  fileName: 'refs.bib',
  content: { ok: true, text: '@article{x}' },
}

describe('event outbox', () => {
  it('holds a file opened at launch until the page listens, and drops stale change events', () => {
    const delivered: LibraryEvent[] = []
    const outbox = new EventOutbox((event) => delivered.push(event))
    outbox.send(CHANGED)
    outbox.send(OPENED)
    outbox.send({ type: 'menu-command', command: 'settings' })
    expect(delivered).toEqual([])
    outbox.pageListening()
    expect(delivered).toEqual([OPENED, { type: 'menu-command', command: 'settings' }])
    outbox.send(CHANGED)
    expect(delivered.at(-1)).toEqual(CHANGED)
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
