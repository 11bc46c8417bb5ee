// The commands by name: `offprint <name> ...` runs the one registered here.
import type { Command } from './commandLine'
import { addToCollectionCommand } from './commands/addToCollection'
import { backlinksCommand } from './commands/backlinks'
import { collectionsCommand } from './commands/collections'
import { dailyCommand } from './commands/daily'
import { exportCommand } from './commands/export'
import { feedCommand } from './commands/feed'
import { graphCommand } from './commands/graph'
import { helpCommand } from './commands/help'
import { importCommand } from './commands/import'
import { listCommand } from './commands/list'
import { relatedCommand } from './commands/related'
import { searchCommand } from './commands/search'
import { tagCommand } from './commands/tag'

const COMMANDS = new Map<string, Command>([
  ['import', importCommand],
  ['daily', dailyCommand],
  ['feed', feedCommand],
  ['export', exportCommand],
  ['list', listCommand],
  ['search', searchCommand],
  ['collections', collectionsCommand],
  ['add-to-collection', addToCollectionCommand],
  ['tag', tagCommand],
  ['related', relatedCommand],
  ['backlinks', backlinksCommand],
  ['graph', graphCommand],
  ['help', helpCommand],
])

export function commandNamed(name: string): Command | undefined {
  return COMMANDS.get(name)
}
