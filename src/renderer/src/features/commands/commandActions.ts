// What each command of src/shared/commands.ts does in the window. The record
// type makes a command without an action (or an action without a command) a
// compile error: a new feature adds its command there and its action here.
import type { CommandId } from '../../../../shared/commands'
import type { ThemeChoice } from '../../../../shared/model'
import type { ListCommand } from '../papers/listShortcuts'

/** The window's abilities the commands are made of (see app/useWindowCommands.ts). */
export interface CommandContext {
  importFiles(): void
  /** File > Get Daily Papers…: a day, week or month from Hugging Face, previewed. */
  openDailyPapers(): void
  /** File > Export…: format and scope, then saved as a download. */
  openExport(): void
  /** File > Find Duplicates…: groups of likely duplicates, merged on request. */
  openDuplicates(): void
  openSettings(): void
  /** File > Restore from backup…: the list of the library's backups. */
  openBackups(): void
  focusSearch(): void
  openPalette(): void
  toggleShortcuts(): void
  focusPane(pane: 'list' | 'paper' | 'notes'): void
  togglePane(pane: 'sidebar' | 'list' | 'notes'): void
  /** Light, dark, or following the OS (a setting, kept in the library). */
  setTheme(theme: ThemeChoice): void
  moveSelection(delta: number): void
  goBack(): void
  goForward(): void
  /** One of the paper list's commands, on the selected papers (star, status, tag, …). */
  onSelection(command: ListCommand): void
  /** The selected papers without ids, looked up on arXiv by title (previewed). */
  matchTitles(): void
  /** The selected papers on the clipboard as a bibliography (or BibTeX, or keys). */
  quickCopy(): void
  /** Go > Today: the inbox of the feeds, triaged from the keyboard. */
  openToday(): void
  /** File > Check the feeds now. */
  checkFeeds(): void
  /** View > Library map: every paper and note as a map (again: back to the panes). */
  toggleLibraryMap(): void
  /** Whether a paper is selected (commands on "the paper" need one). */
  hasSelection(): boolean
  /** PDFs of the selected paper (features/pdf). */
  pdf: {
    attach(): void
    open(): void
    quoteHighlight(): void
    quoteAll(): void
    toggleDarkPages(): void
  }
}

export interface CommandAction {
  run(context: CommandContext): void
  /** False when the command cannot run now; the palette greys it out. */
  enabled?(context: CommandContext): boolean
}

const needsPaper = (context: CommandContext): boolean => context.hasSelection()

export const COMMAND_ACTIONS: Record<CommandId, CommandAction> = {
  import: { run: (c) => c.importFiles() },
  'get-daily-papers': { run: (c) => c.openDailyPapers() },
  'check-feeds': { run: (c) => c.checkFeeds() },
  'open-today': { run: (c) => c.openToday() },
  export: { run: (c) => c.openExport() },
  'find-duplicates': { run: (c) => c.openDuplicates() },
  settings: { run: (c) => c.openSettings() },
  'restore-backup': { run: (c) => c.openBackups() },
  'new-note': { run: (c) => c.focusPane('notes'), enabled: needsPaper },
  find: { run: (c) => c.focusSearch() },
  'toggle-star': { run: (c) => c.onSelection('star'), enabled: needsPaper },
  'mark-unread': { run: (c) => c.onSelection('status-unread'), enabled: needsPaper },
  'mark-reading': { run: (c) => c.onSelection('status-reading'), enabled: needsPaper },
  'mark-read': { run: (c) => c.onSelection('status-read'), enabled: needsPaper },
  tag: { run: (c) => c.onSelection('tag'), enabled: needsPaper },
  'find-on-arxiv': { run: (c) => c.matchTitles(), enabled: needsPaper },
  'quick-copy': { run: (c) => c.quickCopy(), enabled: needsPaper },
  'add-to-collection': { run: (c) => c.onSelection('add-to-collection'), enabled: needsPaper },
  'toggle-sidebar': { run: (c) => c.togglePane('sidebar') },
  'command-palette': { run: (c) => c.openPalette() },
  'toggle-list': { run: (c) => c.togglePane('list') },
  'toggle-notes': { run: (c) => c.togglePane('notes') },
  'focus-list': { run: (c) => c.focusPane('list') },
  'focus-paper': { run: (c) => c.focusPane('paper'), enabled: needsPaper },
  'focus-notes': { run: (c) => c.focusPane('notes'), enabled: needsPaper },
  'library-map': { run: (c) => c.toggleLibraryMap() },
  'theme-system': { run: (c) => c.setTheme('system') },
  'theme-light': { run: (c) => c.setTheme('light') },
  'theme-dark': { run: (c) => c.setTheme('dark') },
  'next-paper': { run: (c) => c.moveSelection(1) },
  'previous-paper': { run: (c) => c.moveSelection(-1) },
  'go-back': { run: (c) => c.goBack() },
  'go-forward': { run: (c) => c.goForward() },
  'attach-pdf': { run: (c) => c.pdf.attach(), enabled: needsPaper },
  'open-pdf': { run: (c) => c.pdf.open(), enabled: needsPaper },
  'highlight-to-note': { run: (c) => c.pdf.quoteHighlight() },
  'all-highlights-to-note': { run: (c) => c.pdf.quoteAll(), enabled: needsPaper },
  'pdf-dark-pages': { run: (c) => c.pdf.toggleDarkPages() },
  'show-shortcuts': { run: (c) => c.toggleShortcuts() },
}

export function runCommand(id: CommandId, context: CommandContext): void {
  const action = COMMAND_ACTIONS[id]
  if (action.enabled?.(context) === false) return
  action.run(context)
}
