// The Electron fuses of the packaged app (package.json "build".electronFuses):
// switches compiled into the Electron binary that no environment variable or
// command-line flag can turn back. Checked twice: the configuration as
// electron-builder loads it, and electron-builder's own fuse step run over a
// stand-in Electron binary (its fuse wire with Electron's defaults), read back
// with @electron/fuses as a packaged app's binary would be.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants'
import { PlatformPackager, type AfterPackContext, type Configuration } from 'app-builder-lib'
import { getConfig } from 'app-builder-lib/out/util/config/config'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')

/**
 * Electron's fuse wire as it ships (electron/build/fuses/fuses.json5), one
 * character a fuse in FuseV1Options order: RunAsNode, EnableCookieEncryption,
 * EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
 * LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges.
 */
const ELECTRON_DEFAULT_WIRE = '10110001'

/** A file holding Electron's fuse wire among other bytes, as the real binary does. */
function standInElectronBinary(): Buffer {
  return Buffer.concat([
    Buffer.from('\x7fELF stand-in for the Electron binary '),
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE, 'ascii'),
    Buffer.from(' the rest of the binary'),
  ])
}

/** The part of electron-builder's packager that flips fuses after packing. */
interface FuseStep {
  doAddElectronFuses(this: unknown, context: Partial<AfterPackContext>): Promise<void>
}

/** Runs electron-builder's fuse step with `config` over a packed Linux app in `appOutDir`. */
async function flipFusesAsElectronBuilderDoes(config: Configuration, appOutDir: string) {
  const step = PlatformPackager.prototype as unknown as FuseStep & Record<string, unknown>
  const packager = {
    config,
    appInfo: { productFilename: 'Offprint' },
    generateFuseConfig: step['generateFuseConfig'],
    addElectronFuses: step['addElectronFuses'],
  }
  await step.doAddElectronFuses.call(packager, { appOutDir, electronPlatformName: 'linux' })
}

describe('Electron fuses', () => {
  it('are set in the packaging configuration, with the app in an asar archive', async () => {
    const config = await getConfig(ROOT, null, null)
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: false,
    })
  })

  it('are flipped in the packaged binary by electron-builder’s own fuse step', async () => {
    const config = await getConfig(ROOT, null, null)
    const dir = await mkdtemp(join(tmpdir(), 'offprint-fuses-'))
    try {
      const binary = join(dir, 'Offprint')
      await writeFile(binary, standInElectronBinary())
      expect(await getCurrentFuseWire(binary)).toMatchObject({
        [FuseV1Options.RunAsNode]: FuseState.ENABLE,
        [FuseV1Options.GrantFileProtocolExtraPrivileges]: FuseState.ENABLE,
      })

      await flipFusesAsElectronBuilderDoes(config, dir)

      expect(await getCurrentFuseWire(binary)).toEqual({
        version: '1',
        [FuseV1Options.RunAsNode]: FuseState.DISABLE,
        [FuseV1Options.EnableCookieEncryption]: FuseState.DISABLE,
        [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.DISABLE,
        [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.DISABLE,
        [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.ENABLE,
        [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.ENABLE,
        // Not configured: left as Electron ships it.
        [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: FuseState.DISABLE,
        [FuseV1Options.GrantFileProtocolExtraPrivileges]: FuseState.DISABLE,
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
