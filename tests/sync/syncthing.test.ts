// Two real Syncthing instances (Debian's `syncthing`) on 127.0.0.1, no global
// discovery, relays or NAT, each syncing one library folder with the other,
// while two Offprint cores (devices "laptop" and "desktop") write notes, stars
// and collections on both sides, some while the sync is paused so that the
// same files change on both sides (conflict copies). After the sync settles,
// every acknowledged edit is on both sides. `npm run test:sync` (run by .ci/run).
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { appendFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import { syntheticListing } from '../support/syntheticListing'

const run = promisify(execFile)
const API_KEY = 'offprint-sync-test-key'

interface Instance {
  name: 'laptop' | 'desktop'
  home: string
  folder: string
  guiPort: number
  syncPort: number
  id: string
  process?: ChildProcess
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

async function rest(
  instance: Instance,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${instance.guiPort}${path}`, {
    method,
    headers: { 'X-API-Key': API_KEY, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  const text = await response.text()
  return text === '' ? undefined : (JSON.parse(text) as unknown)
}

/** Waits for `check` to hold, trying again every 200 ms until `limitMs`. */
async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  limitMs = 60_000,
): Promise<T> {
  const start = Date.now()
  let last: unknown
  for (;;) {
    try {
      const value = await check()
      if (value !== undefined) return value
    } catch (error) {
      last = error
    }
    if (Date.now() - start > limitMs)
      throw new Error(`gave up waiting for ${what}: ${String(last)}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

let root: string
const instances: Instance[] = []

async function makeInstance(name: Instance['name']): Promise<Instance> {
  const home = join(root, `${name}-syncthing`)
  const folder = join(root, `${name}-library`)
  await mkdir(join(folder, '.stfolder'), { recursive: true })
  const { stdout, stderr } = await run('syncthing', [
    'generate',
    `--home=${home}`,
    '--no-default-folder',
  ])
  const id = /Device ID: ([A-Z0-9-]+)/.exec(`${stdout}\n${stderr}`)?.[1]
  if (id === undefined) throw new Error(`no device id in: ${stdout}${stderr}`)
  return { name, home, folder, guiPort: await freePort(), syncPort: await freePort(), id }
}

function configOf(me: Instance, peer: Instance): string {
  const device = (d: Instance, address: string): string =>
    `<device id="${d.id}" name="${d.name}" compression="metadata" introducer="false"><address>${address}</address><paused>false</paused><autoAcceptFolders>false</autoAcceptFolders></device>`
  return `<configuration version="36">
  <folder id="offprint" label="offprint" path="${me.folder}" type="sendreceive" rescanIntervalS="1" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
    <device id="${me.id}"></device>
    <device id="${peer.id}"></device>
    <minDiskFree unit="%">0</minDiskFree>
    <maxConflicts>-1</maxConflicts>
  </folder>
  ${device(me, 'dynamic')}
  ${device(peer, `tcp://127.0.0.1:${peer.syncPort}`)}
  <gui enabled="true" tls="false"><address>127.0.0.1:${me.guiPort}</address><apikey>${API_KEY}</apikey><theme>default</theme></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${me.syncPort}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <urAccepted>-1</urAccepted>
    <crashReportingEnabled>false</crashReportingEnabled>
    <startBrowser>false</startBrowser>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <minHomeDiskFree unit="%">0</minHomeDiskFree>
  </options>
</configuration>
`
}

async function start(instance: Instance): Promise<void> {
  const child = spawn(
    'syncthing',
    ['serve', `--home=${instance.home}`, '--no-browser', '--no-restart', '--no-upgrade'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1' },
    },
  )
  const log = join(root, `${instance.name}-syncthing.log`)
  child.stdout?.on('data', (chunk: Buffer) => void appendFile(log, chunk))
  child.stderr?.on('data', (chunk: Buffer) => void appendFile(log, chunk))
  instance.process = child
  await until(
    `${instance.name}'s Syncthing`,
    async () => (await rest(instance, 'GET', '/rest/system/ping')) ?? undefined,
  )
}

async function setPaused(paused: boolean): Promise<void> {
  for (const instance of instances) {
    await rest(instance, 'PATCH', '/rest/config/folders/offprint', { paused })
  }
}

/** Both folders fully synced: each side's completion of the other at 100 % with nothing to pull. */
async function settled(): Promise<void> {
  await until(
    'the sync to settle',
    async () => {
      for (const [me, peer] of [instances, [...instances].reverse()] as const) {
        if (me === undefined || peer === undefined) return undefined
        await rest(me, 'POST', '/rest/db/scan?folder=offprint')
        const completion = (await rest(
          me,
          'GET',
          `/rest/db/completion?folder=offprint&device=${peer.id}`,
        )) as { completion: number; needItems: number }
        const status = (await rest(me, 'GET', '/rest/db/status?folder=offprint')) as {
          needFiles: number
          state: string
        }
        if (
          completion.completion < 100 ||
          completion.needItems > 0 ||
          status.needFiles > 0 ||
          status.state !== 'idle'
        )
          return undefined
      }
      return true
    },
    120_000,
  )
}

function openSide(instance: Instance): Promise<Library> {
  return Library.open(instance.folder, { device: instance.name, checkpointDelayMs: 0 })
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'offprint-syncthing-'))
  instances.push(await makeInstance('laptop'), await makeInstance('desktop'))
  const [laptop, desktop] = instances as [Instance, Instance]
  await writeFile(join(laptop.home, 'config.xml'), configOf(laptop, desktop))
  await writeFile(join(desktop.home, 'config.xml'), configOf(desktop, laptop))
  await start(laptop)
  await start(desktop)
}, 60_000)

afterAll(async () => {
  for (const instance of instances) instance.process?.kill('SIGTERM')
  if (process.env['OFFPRINT_KEEP_SYNC'] === undefined)
    // Retried: a Syncthing told to stop may still be writing its index for a moment.
    await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
})

describe('two Offprint devices syncing through real Syncthing instances', () => {
  it('keeps every acknowledged edit on both sides, including edits made while the sync was paused', async () => {
    const [laptop, desktop] = instances as [Instance, Instance]
    // The laptop starts the library; Syncthing brings it to the desktop.
    const first = await openSide(laptop)
    const { addedIds } = await first.api.importText({ text: syntheticListing(6) })
    const plan = await first.api.createNote({ title: 'Plan', body: 'One.\n\nTwo.\n\nThree.' })
    await first.close()
    await settled()
    const [a = '', b = '', c = ''] = addedIds

    // Both sides edit while connected.
    const desktopFirst = await openSide(desktop)
    expect((await desktopFirst.api.getLibraryInfo({})).paperCount).toBe(6)
    await desktopFirst.api.setStarred({ paperIds: [a], starred: true })
    const reading = await desktopFirst.api.createCollection({ name: 'Reading group' })
    await desktopFirst.api.addToCollection({ collectionId: reading.id, paperIds: [a, b] })
    await desktopFirst.close()
    await settled()

    // Paused: the same paper, the same note and the same shards change on both sides.
    await setPaused(true)
    const offline = await openSide(laptop)
    await offline.api.tagPapers({ paperIds: [a, c], add: ['robots'] })
    await offline.api.removeFromCollection({ collectionId: reading.id, paperIds: [b] })
    await offline.api.updateNote({ id: plan.id, body: 'One, read on the train.\n\nTwo.\n\nThree.' })
    await offline.api.saveNote({ paperId: b, body: 'Laptop: the ablation in §4.' })
    await offline.close()
    const alsoOffline = await openSide(desktop)
    await alsoOffline.api.setStarred({ paperIds: [c], starred: true })
    await alsoOffline.api.tagPapers({ paperIds: [a], add: ['to-print'] })
    await alsoOffline.api.addToCollection({ collectionId: reading.id, paperIds: [c] })
    await alsoOffline.api.updateNote({ id: plan.id, body: 'One.\n\nTwo.\n\nThree, with the code.' })
    await alsoOffline.api.createCollection({ name: 'Desktop picks' })
    await alsoOffline.close()
    await setPaused(false)
    await settled()

    // Each side opens (merging journals and conflict copies), the sync settles again.
    for (const side of [laptop, desktop, laptop, desktop]) {
      await (await openSide(side)).close()
      await settled()
    }
    for (const side of instances) {
      const library = await openSide(side)
      const paperA = await library.api.getPaper({ id: a })
      const paperC = await library.api.getPaper({ id: c })
      expect([side.name, paperA.starred, [...paperA.tags].sort()]).toEqual([
        side.name,
        true,
        ['robots', 'to-print'],
      ])
      for (const [id, filed] of [
        [a, ['Reading group']],
        [b, []],
        [c, ['Reading group']],
      ] as const) {
        const refs = await library.api.getPaperCollections({ id })
        expect([side.name, id, refs.map((ref) => ref.name)]).toEqual([side.name, id, filed])
      }
      expect([side.name, paperC.starred, paperC.tags]).toEqual([side.name, true, ['robots']])
      expect((await library.api.getNote({ paperId: b }))?.body).toBe('Laptop: the ablation in §4.')
      expect((await library.api.getNoteById({ id: plan.id })).body).toBe(
        'One, read on the train.\n\nTwo.\n\nThree, with the code.',
      )
      const names = (await library.api.getSidebar({})).collections.map((node) => node.name).sort()
      expect([side.name, names]).toEqual([side.name, ['Desktop picks', 'Reading group']])
      const status = await library.api.getSyncStatus({})
      expect(status.devices).toEqual(['desktop', 'laptop'])
      expect(status.conflicts).toEqual([])
      await library.close()
    }
    // What Syncthing kept of the clashes was merged and set aside, not deleted.
    const kept: string[] = []
    for (const side of instances) {
      const entries = await readdir(join(side.folder, 'merged-conflicts'), {
        recursive: true,
      }).catch(() => [])
      kept.push(...entries.filter((name) => name.includes('.sync-conflict-')))
    }
    expect(kept.length).toBeGreaterThan(0)
  }, 170_000)
})
