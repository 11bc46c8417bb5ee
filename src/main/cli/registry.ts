// The commands by name: `offprint <name> ...` runs the one registered here.
import type { Command } from './commandLine'
import { addToCollectionCommand } from './commands/addToCollection'
import { attachCommand, attachmentsCommand, highlightsCommand } from './commands/attachments'
import { backlinksCommand } from './commands/backlinks'
import { citeCommand } from './commands/cite'
import { collectionsCommand } from './commands/collections'
import { dailyCommand } from './commands/daily'
import { exportCommand } from './commands/export'
import { exportNoteCommand } from './commands/exportNote'
import { feedCommand } from './commands/feed'
import { graphCommand } from './commands/graph'
import { helpCommand } from './commands/help'
import { importCommand } from './commands/import'
import { inboxCommand } from './commands/inbox'
import { listCommand } from './commands/list'
import { noteCommand } from './commands/note'
import { relatedCommand } from './commands/related'
import { searchCommand } from './commands/search'
import { syncCommand } from './commands/sync'
import { tagCommand } from './commands/tag'

const COMMANDS = new Map<string, Command>([
  ['import', importCommand],
  ['daily', dailyCommand],
  ['feed', feedCommand],
  ['inbox', inboxCommand],
  ['export', exportCommand],
  ['list', listCommand],
  ['search', searchCommand],
  ['collections', collectionsCommand],
  ['add-to-collection', addToCollectionCommand],
  ['tag', tagCommand],
  ['related', relatedCommand],
  ['backlinks', backlinksCommand],
  ['cite', citeCommand],
  ['export-note', exportNoteCommand],
  ['note', noteCommand],
  ['sync', syncCommand],
  ['attach', attachCommand],
  ['attachments', attachmentsCommand],
  ['highlights', highlightsCommand],
  ['graph', graphCommand],
  ['help', helpCommand],
])

export function commandNamed(name: string): Command | undefined {
  return COMMANDS.get(name)
}
