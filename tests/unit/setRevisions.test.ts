// Two copies of a record whose set fields (a paper's tags) were edited apart,
// as merging reads them: with element stamps, and as libraries written before
// element stamps hold them.
import { describe, expect, it } from 'vitest'
import { mergeCopies } from '../../src/main/core/store/recordRevisions'
import type { RecordCopy } from '../../src/main/core/store/recordRevisions'

const S1 = '00000000a.0000.laptop'
const S2 = '00000000b.0000.desktop'
const S3 = '00000000c.0000.laptop'

function paper(tags: string[], revision: RecordCopy['revision']): RecordCopy {
  return { record: { id: 'p1', tags } as { id: string }, revision, tombstone: undefined }
}

const tagsOf = (copy: RecordCopy | undefined): unknown =>
  (copy?.record as { tags?: unknown } | undefined)?.tags

describe('merging the tags of two copies of a paper', () => {
  it('keeps a tag added on each side, in the same order whichever side merges', () => {
    const laptop = paper(['survey', 'to-read'], { at: S1, sets: { tags: { 'to-read': S3 } } })
    const desktop = paper(['survey', 'methods'], { at: S1, sets: { tags: { methods: S2 } } })
    // The laptop wrote last (S3): its order first, then the desktop's addition.
    expect(tagsOf(mergeCopies('papers', laptop, desktop))).toEqual(['survey', 'to-read', 'methods'])
    expect(tagsOf(mergeCopies('papers', desktop, laptop))).toEqual(['survey', 'to-read', 'methods'])
  })

  it('keeps a tag removed on one side removed when the other side still has it from before', () => {
    const laptop = paper([], { at: S1, sets: { tags: { survey: S3 } } })
    const desktop = paper(['survey'], { at: S1 })
    expect(tagsOf(mergeCopies('papers', desktop, laptop))).toEqual([])
    expect(mergeCopies('papers', laptop, desktop)).toBeUndefined()
  })

  it('reads a copy from a library written before tag stamps: a tag added since is kept', () => {
    const old = paper(['survey'], { at: S1 })
    const added = paper(['survey', 'methods'], { at: S1, sets: { tags: { methods: S2 } } })
    expect(tagsOf(mergeCopies('papers', old, added))).toEqual(['survey', 'methods'])
  })

  it('takes the later list when neither copy has tag stamps, as before', () => {
    const older = paper(['survey'], { at: S1 })
    const newer = paper(['methods'], { at: S2 })
    expect(tagsOf(mergeCopies('papers', older, newer))).toEqual(['methods'])
    expect(mergeCopies('papers', newer, older)).toBeUndefined()
  })

  it("merges an ordered list, a paper's authors, as one value: the later one", () => {
    const a: RecordCopy = {
      record: { id: 'p1', authors: ['Ada Lovelace'] } as { id: string },
      revision: { at: S1, fields: { authors: S3 } },
      tombstone: undefined,
    }
    const b: RecordCopy = {
      record: { id: 'p1', authors: ['A. Lovelace'] } as { id: string },
      revision: { at: S1, fields: { authors: S2 } },
      tombstone: undefined,
    }
    expect((mergeCopies('papers', b, a)?.record as { authors?: unknown }).authors).toEqual([
      'Ada Lovelace',
    ])
  })
})
