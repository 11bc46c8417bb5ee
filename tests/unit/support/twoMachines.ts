// Two machines' copies of one library folder (a laptop and a desktop), made
// afresh for each test, and what a sync tool does between them.
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { Library } from '../../../src/main/core/library'
import { makeDir, removeDir } from '../libraryFixture'

export type Machine = 'laptop' | 'desktop'

export interface TwoMachines {
  folderOf: (machine: Machine) => string
  openAs: (machine: Machine) => Promise<Library>
}

/** Registers the folders' making and removal around each test of the file. */
export function useTwoMachines(): TwoMachines {
  let dir = ''
  beforeEach(async () => {
    dir = await makeDir()
  })
  afterEach(async () => {
    await removeDir(dir)
  })
  const folderOf = (machine: Machine): string => join(dir, machine)
  return {
    folderOf,
    openAs: (machine) => Library.open(folderOf(machine), { device: machine, checkpointDelayMs: 0 }),
  }
}

/** Copies every file of one folder over the other's: what a sync tool does when only one side changed. */
export async function syncWhole(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true, force: true, filter: (path) => !path.endsWith('.lock') })
}
