// The window's abilities as the commands (keys, menus, the palette) use them,
// and where the palette's jumps lead: a paper (found in the whole library if
// the list's view or search leaves it out), a collection, a standalone note.
import type { RefObject } from 'react'
import type { CommandId } from '../../../shared/commands'
import type { Settings, TitleMatch } from '../../../shared/model'
import type { SettingsPatch } from '../../../shared/model'
import { quickCopy } from '../features/citations/quickCopy'
import { runCommand, type CommandContext } from '../features/commands/commandActions'
import { useKeyboardCommands } from '../features/commands/useKeyboardCommands'
import type { ListCommand } from '../features/papers/listShortcuts'
import type { PaperListHandle } from '../features/papers/PaperListPane'
import type { Navigation } from '../features/navigation/useNavigation'
import type { PdfReaderControl } from '../features/pdf/usePdfReader'
import type { ListView } from './useListView'
import type { Overlays } from './useOverlays'
import type { PaneFocus } from './usePaneFocus'
import type { WindowDialogs } from './useWindowDialogs'

interface WindowCommandsContext {
  settings: Settings | undefined
  update(patch: SettingsPatch): void
  importFiles(): void
  dialogs: WindowDialogs
  overlays: Overlays
  paneFocus: PaneFocus
  listHandle: RefObject<PaperListHandle | null>
  navigation: Navigation
  onListCommand(command: ListCommand): void
  matchTitles(): void
  list: ListView
  reveal(id: string): void
  openNote(noteId: string): void
  openToday(): void
  checkFeeds(): void
  pdf: PdfReaderControl
  toggleLibraryMap(): void
}

export interface WindowCommands {
  context: CommandContext
  runFromPalette(id: CommandId): void
  jumpTo(match: TitleMatch): void
  openCollection(id: string): void
  openStandaloneNote(id: string): void
}

const PANE_SETTING = {
  sidebar: 'sidebarOpen',
  list: 'listPaneOpen',
  notes: 'notesPaneOpen',
} as const

export function useWindowCommands(ctx: WindowCommandsContext): WindowCommands {
  const { settings, update, dialogs, overlays, paneFocus, navigation, list } = ctx
  const { focusPane } = paneFocus
  const context: CommandContext = {
    importFiles: ctx.importFiles,
    openDailyPapers: dialogs.openDailyPapers,
    openExport: dialogs.openExport,
    openDuplicates: dialogs.openDuplicates,
    openSettings: dialogs.openSettings,
    openBackups: dialogs.openBackups,
    focusSearch: paneFocus.focusSearch,
    openPalette: () => overlays.openOverlay('palette'),
    toggleShortcuts: () =>
      overlays.overlay === 'shortcuts'
        ? overlays.closeOverlay()
        : overlays.openOverlay('shortcuts'),
    focusPane,
    togglePane: (pane) => {
      if (settings === undefined) return
      const key = PANE_SETTING[pane]
      update({ [key]: !settings[key] })
    },
    setTheme: (theme) => update({ theme }),
    moveSelection: (delta) => ctx.listHandle.current?.move(delta),
    goBack: navigation.back,
    goForward: navigation.forward,
    onSelection: ctx.onListCommand,
    matchTitles: ctx.matchTitles,
    quickCopy: () => {
      if (settings === undefined) return
      quickCopy(list.selection.ids, settings.citationStyle, settings.quickCopyFormat).catch(
        (caught: unknown) => console.error('Quick Copy failed', caught),
      )
    },
    hasSelection: () => list.selection.ids.length > 0,
    openToday: ctx.openToday,
    checkFeeds: ctx.checkFeeds,
    pdf: pdfCommands(ctx.pdf, () => list.selection.ids[0]),
    toggleLibraryMap: ctx.toggleLibraryMap,
  }
  useKeyboardCommands(context)

  return {
    context,
    runFromPalette: (id) => {
      overlays.closeOverlay()
      runCommand(id, context)
    },
    jumpTo: (match) => {
      overlays.leaveOverlay()
      // A paper outside the list's view or search is found in the whole library.
      if (list.rows.indexOf(match.paperId) === -1) {
        list.setQuery('')
        list.choose({ kind: 'library' }, [])
      }
      list.selection.selectOnly(match.paperId)
      ctx.reveal(match.paperId)
      focusPane(match.kind === 'note' ? 'notes' : 'list')
    },
    // As a click on it in the sidebar: the list shows the collection.
    openCollection: (id) => {
      overlays.leaveOverlay()
      list.choose({ kind: 'collection', id }, [])
      const { place, go } = navigation
      if (place.view !== 'papers') go({ ...place, view: 'papers' })
      focusPane('list')
    },
    openStandaloneNote: (id) => {
      overlays.leaveOverlay()
      ctx.openNote(id)
      focusPane('notes')
    },
  }
}

/** The PDF commands act on the first selected paper. */
function pdfCommands(
  pdf: PdfReaderControl,
  paper: () => string | undefined,
): CommandContext['pdf'] {
  const withPaper = (action: (paperId: string) => void) => () => {
    const paperId = paper()
    if (paperId !== undefined) action(paperId)
  }
  return {
    attach: withPaper(pdf.chooseAndAttach),
    open: withPaper((paperId) => pdf.open(paperId)),
    quoteHighlight: () => void pdf.quoteHighlight(),
    quoteAll: withPaper((paperId) => void pdf.quoteAll(paperId)),
    toggleDarkPages: pdf.toggleDarkPages,
  }
}
