// What a right-click offers, and what a gone renderer tells the user.
import { describe, expect, it } from 'vitest'
import { contextMenuTemplate, type ContextMenuFacts } from '../../src/main/app/window/contextMenu'
import { rendererGoneDialog } from '../../src/main/app/window/rendererCrash'

const NOTHING_POSSIBLE = {
  canUndo: false,
  canRedo: false,
  canCut: false,
  canCopy: false,
  canPaste: false,
  canSelectAll: false,
}

function facts(overrides: Partial<ContextMenuFacts>): ContextMenuFacts {
  return {
    isEditable: false,
    selectionText: '',
    misspelledWord: '',
    dictionarySuggestions: [],
    editFlags: NOTHING_POSSIBLE,
    ...overrides,
  }
}

const noActions = { replaceMisspelling: () => undefined, addToDictionary: () => undefined }

function labels(items: ReturnType<typeof contextMenuTemplate>): string[] {
  return items.map((item) => String(item.label ?? item.role ?? item.type))
}

describe('the context menu', () => {
  it('offers nothing on plain page text without a selection (no empty menu pops up)', () => {
    expect(contextMenuTemplate(facts({}), noActions)).toEqual([])
  })

  it('offers Copy for selected text outside a text field', () => {
    const items = contextMenuTemplate(
      facts({ selectionText: 'attention', editFlags: { ...NOTHING_POSSIBLE, canCopy: true } }),
      noActions,
    )
    expect(items).toEqual([{ role: 'copy', enabled: true }])
  })

  it('says so when the spellchecker has no guess, and still offers to learn the word', () => {
    const learned: string[] = []
    const items = contextMenuTemplate(facts({ isEditable: true, misspelledWord: 'transformerz' }), {
      ...noActions,
      addToDictionary: (word) => void learned.push(word),
    })
    expect(labels(items).slice(0, 3)).toEqual([
      'No guesses found',
      'Add to Dictionary',
      'separator',
    ])
    expect(items[0]?.enabled).toBe(false)
    items[1]?.click?.(undefined as never, undefined, undefined as never)
    expect(learned).toEqual(['transformerz'])
    // The edit roles follow, greyed out where the field cannot do them.
    expect(items.find((item) => item.role === 'paste')?.enabled).toBe(false)
  })

  it('shows at most five suggestions', () => {
    const items = contextMenuTemplate(
      facts({
        isEditable: true,
        misspelledWord: 'teh',
        dictionarySuggestions: ['the', 'tech', 'ten', 'tea', 'tel', 'tee'],
      }),
      noActions,
    )
    expect(labels(items).slice(0, 6)).toEqual([
      'the',
      'tech',
      'ten',
      'tea',
      'tel',
      'Add to Dictionary',
    ])
  })
})

describe('a renderer that is gone', () => {
  it('tells what happened and offers Reload first', () => {
    expect(rendererGoneDialog({ reason: 'oom', exitCode: -1 })).toMatchObject({
      message: 'The Offprint window ran out of memory.',
      detail:
        'Exit code -1. Your library is safe: everything saved is on disk. Reload the window to go on, or quit Offprint.',
      buttons: ['Reload', 'Quit'],
      defaultId: 0,
    })
  })

  it('asks nothing when the page ended cleanly (the window closed)', () => {
    expect(rendererGoneDialog({ reason: 'clean-exit', exitCode: 0 })).toBeUndefined()
  })
})
