// Quick Copy through the application menu of macOS, in the built
// main process under the Electron stand-in: Edit holds the item with its
// accelerator (Ctrl/Cmd+Shift+C; on macOS a menu key equivalent, which a key
// press the page does not cancel reaches), and choosing it brings the command
// to the page, which asks main over IPC for the selected paper as a
// bibliography and puts its HTML and text on the clipboard. The page here is
// the built preload plus a stand-in doing what the window's Quick Copy does
// (src/renderer/src/features/citations/quickCopy.ts): it writes `text` as
// text/plain and `html` as text/html. tests/e2e/citations.test.ts checks the
// window's own clipboard write in Chromium, from the key press.
import { describe, expect, it, vi } from 'vitest'
import type { LibraryEvent } from '../../src/shared/model'
import { Library } from '../../src/main/core/library'
import { guideBibtex } from '../support/styleGuideExamples'
import type { MenuTemplateItem } from './support/fakeElectron'
import { shownPage, stoppedAfterEachTest, WAIT, type MainRun } from './support/mainProcess'
import type { Page } from './support/page'

/** Starts the built main process; each run is stopped after its test. */
const start = stoppedAfterEachTest()

/** What the stand-in page put on the clipboard, by media type. */
type Clipboard = Record<string, string>

function menuItem(main: MainRun, id: string): MenuTemplateItem & { menu: string } {
  for (const menu of main.electron.applicationMenu?.template ?? []) {
    const item = (menu.submenu ?? []).find((candidate) => candidate.id === id)
    if (item !== undefined) return { ...item, menu: menu.label ?? menu.role ?? '' }
  }
  throw new Error(`no menu item ${id}`)
}

/** The window's Quick Copy of `selected`, in the style and format its settings name. */
function quickCopyPage(selected: () => string, clipboard: Clipboard): (page: Page) => void {
  return (page) => {
    page.offprint.subscribe((event: LibraryEvent) => {
      page.events.push(event)
      if (event.type !== 'menu-command' || event.command !== 'quick-copy') return
      void (async () => {
        const settings = await page.offprint.getSettings({})
        if (!settings.ok) throw new Error(settings.error.message)
        const cited = await page.offprint.citePapers({
          paperIds: [selected()],
          style: settings.value.citationStyle,
          format: settings.value.quickCopyFormat,
        })
        if (!cited.ok) throw new Error(cited.error.message)
        clipboard['text/plain'] = cited.value.text
        if (cited.value.html !== undefined) clipboard['text/html'] = cited.value.html
      })()
    })
  }
}

// macOS only: there a menu accelerator is a key equivalent, the path a key
// press takes when the page lets it through (elsewhere the page handles the
// keys itself; lifecycle.test.ts checks each platform's accelerators).
describe('Quick Copy from the menu on macOS', () => {
  it('puts the selected paper on the clipboard as an APA reference, HTML and text', async () => {
    let paperId = ''
    const clipboard: Clipboard = {}
    const main = await start({
      platform: 'darwin',
      pageScript: quickCopyPage(() => paperId, clipboard),
    })
    const library = await Library.open(main.libraryDir)
    try {
      await library.api.importText({ text: guideBibtex('payne1985'), fileName: 'guides.bib' })
      paperId =
        (await library.api.suggestCitations({ query: 'payne1985', limit: 1 }))[0]?.paperId ?? ''
    } finally {
      await library.close()
    }
    main.ready()
    await shownPage(main)

    const item = menuItem(main, 'quick-copy')
    expect({ menu: item.menu, label: item.label, accelerator: item.accelerator }).toEqual({
      menu: 'Edit',
      label: 'Quick Copy: the selected papers as a bibliography',
      accelerator: 'CmdOrCtrl+Shift+C',
    })
    item.click?.()
    await vi.waitFor(
      () =>
        expect(clipboard).toEqual({
          'text/plain':
            'Payne, D. B., & Stern, J. R. (1985). Wavelength-switched passively coupled single-mode optical network. Proc. IOOC-ECOC, 585–590.',
          'text/html':
            '<div class="csl-bib-body">\n<div class="csl-entry">Payne, D. B., &#38; Stern, J. R. (1985). Wavelength-switched passively coupled single-mode optical network. <i>Proc. IOOC-ECOC</i>, 585–590.</div>\n</div>',
        }),
      WAIT,
    )
  })
})
