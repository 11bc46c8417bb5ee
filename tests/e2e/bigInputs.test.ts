// Enormous fields render without freezing the window: a 10 MB abstract, a
// 1 MB title and a 5 MB note show their start, with "Show more", while the
// whole text stays stored; and the page keeps answering input.
import { describe, expect, it } from 'vitest'
import type { Note } from '../../src/shared/model'
import { appSession } from './harness/appSession'
import type { RunningApp } from './harness/launchApp'
import { noteRecord, paperRecord, seedLibrary } from './harness/seedLibrary'

/** Rendering megabytes or hundreds of papers takes a while on a busy machine. */
const SLOW = { timeout: 20_000 }

const MB = 1024 * 1024
/** The renderer's caps (src/renderer/src/display/clipText.ts), as a user sees them. */
const SHOWN = { title: 1000, abstract: 20_000, notePreview: 100_000 }

const session = appSession()

/** Text of about `bytes` characters: words and paragraphs, like a real (if absurd) field. */
function longText(bytes: number, word: string): string {
  const paragraph = `${`${word} `.repeat(150).trim()}.\n\n`
  return paragraph.repeat(Math.ceil(bytes / paragraph.length)).slice(0, bytes)
}

/**
 * Types one character into the note and counts animation frames until the
 * editor shows it: a page that is frozen (or renders megabytes per keystroke)
 * cannot show it within a few frames.
 */
async function framesUntilKeystrokeShows(running: RunningApp): Promise<number> {
  return running.page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLTextAreaElement>('[data-testid=note-input]')
        if (input === null) throw new Error('no note editor')
        input.focus()
        input.setSelectionRange(0, 0)
        const before = input.value.length
        // The same events a keystroke produces; React's onChange listens to "input".
        const setValue = Object.getOwnPropertyDescriptor(
          HTMLTextAreaElement.prototype,
          'value',
        )?.set
        setValue?.call(input, `!${input.value}`)
        input.dispatchEvent(new Event('input', { bubbles: true }))
        let frames = 0
        const indicator = document.querySelector('[data-testid=save-indicator]')
        const check = () => {
          frames++
          const shown =
            indicator?.textContent === 'Unsaved changes' && input.value.length === before + 1
          if (shown || frames > 600) resolve(frames)
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      }),
  )
}

describe('big inputs', () => {
  it('shows the start of a 1 MB title, a 10 MB abstract and a 5 MB note, stores them whole, and stays responsive', async () => {
    const dir = await session.scratchDir()
    const title = longText(1 * MB, 'Title')
    const abstract = longText(10 * MB, 'abstract')
    const body = `# A 5 MB note\n\n${longText(5 * MB, 'note')}`
    const big = paperRecord('big', {
      title,
      abstract,
      organization: longText(50_000, 'Org'),
      published: '2026-01-02',
    })
    const small = paperRecord('small', { title: 'A normal paper', published: '2026-01-01' })
    const notes: Note[] = [noteRecord('big-note', 'big', { body })]
    await seedLibrary(dir, { papers: [big, small], notes })

    const app = await session.launch({ libraryDir: dir })
    const { page } = app
    await page.locator('[data-testid=paper-view][data-paper-id="big"]').waitFor()
    await expect
      .poll(
        () =>
          page
            .getByTestId('note-input')
            .inputValue()
            .then((v) => v.length),
        SLOW,
      )
      .toBe(body.length)
    await expect.poll(() => page.getByTestId('save-indicator').textContent(), SLOW).toBe('Saved')
    await app.screenshot('big-inputs')

    // What is laid out is bounded; "Show more" says how much is left.
    const textLength = (selector: string) =>
      page.locator(selector).evaluate((element) => element.textContent?.length ?? 0)
    const rowTitle = await textLength('.paper-row.selected .paper-row-title')
    expect(rowTitle).toBeLessThanOrEqual(300)
    expect(await textLength('#paper-title')).toBeLessThan(SHOWN.title + 100)
    expect(await textLength('[data-testid=paper-abstract]')).toBeLessThan(SHOWN.abstract + 100)
    expect(await textLength('[data-testid=paper-organization]')).toBeLessThan(1100)
    const abstractMore = page
      .getByTestId('paper-abstract')
      .getByRole('button', { name: /Show more/ })
    expect(await abstractMore.textContent()).toBe(
      `Show more (${(abstract.length - SHOWN.abstract).toLocaleString('en')} more characters)`,
    )
    expect(await textLength('[data-testid=note-preview]')).toBeLessThanOrEqual(SHOWN.notePreview)
    expect(await page.getByTestId('note-preview-clipped').textContent()).toContain(
      `The preview shows the first`,
    )

    // Show more shows more, a step at a time.
    await abstractMore.click()
    await expect
      .poll(() => textLength('[data-testid=paper-abstract]'), SLOW)
      .toBeGreaterThan(SHOWN.abstract * 5)
    expect(await textLength('[data-testid=paper-abstract]')).toBeLessThan(SHOWN.abstract * 7)

    // The page still answers a keystroke within a few frames, and the 5 MB note saves whole.
    expect(await framesUntilKeystrokeShows(app)).toBeLessThanOrEqual(10)
    await expect.poll(() => page.getByTestId('save-indicator').textContent(), SLOW).toBe('Saved')
    const stored = await app.dispatch('getNote', { paperId: 'big' })
    expect(stored).toMatchObject({ ok: true })
    expect(stored.ok && (stored.value as Note).body).toBe(`!${body}`)
    const paper = await app.dispatch('getPaper', { id: 'big' })
    expect(paper.ok && (paper.value as { abstract: string }).abstract.length).toBe(abstract.length)

    // Moving to another paper and back stays quick too.
    await page.getByText('A normal paper').click()
    await page.locator('[data-testid=paper-view][data-paper-id="small"]').waitFor()
    await page.locator('.paper-row').first().click()
    await page.locator('[data-testid=paper-view][data-paper-id="big"]').waitFor()
    expect(await textLength('[data-testid=paper-abstract]')).toBeLessThan(SHOWN.abstract + 100)
  })
})
