// Atom titles come as plain text, escaped HTML or inline XHTML (issue 22, item
// 6): whatever the form, the title a user sees is every word of it, in order,
// as text. Fixtures: feedparser's own test feeds, unchanged.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readImport } from '../../src/main/core/imports/readImport'

const FIXTURES = resolve(__dirname, '../fixtures/formats/atom-titles')

async function titlesOf(name: string): Promise<string[]> {
  const text = await readFile(resolve(FIXTURES, name), 'utf8')
  const parsed = await readImport(text, { fileName: name, today: '2026-02-10' })
  expect(parsed.format).toBe('arxiv-atom')
  expect(parsed.skipped).toEqual([])
  return parsed.records.map((record) => record.title)
}

describe('an Atom title', () => {
  it('with XHTML child elements keeps their text in place', async () => {
    expect(await titlesOf('entry_title_inline_markup.xml')).toEqual(['Example Atom'])
  })

  it('in XHTML with escaped brackets shows the brackets as text', async () => {
    expect(await titlesOf('entry_title_inline_markup_2.xml')).toEqual([
      'History of the <blink> tag',
    ])
  })

  it('of type html shows the text of the markup, not the markup', async () => {
    expect(await titlesOf('entry_title_escaped_markup.xml')).toEqual(['Example Atom'])
  })

  it('of type text keeps brackets that are not markup', async () => {
    expect(await titlesOf('entry_title_text_plain_brackets.xml')).toEqual([
      'History of the <blink> tag',
    ])
  })
})
