// The electron-builder configuration (package.json "build"), checked without
// building anything: electron-builder's own loader and schema validation, plus
// what Offprint needs from it. `npm run dist` itself needs Electron's binary.
import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { join, resolve } from 'node:path'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import type { Configuration } from 'app-builder-lib'
import { DebugLogger } from 'builder-util'
import { describe, expect, it } from 'vitest'
import { OPENABLE_EXTENSIONS } from '../../src/main/app/openedFiles'

const ROOT = resolve(__dirname, '../..')

function loadConfig(): Promise<Configuration> {
  return getConfig(ROOT, null, null)
}

function targetsOf(platform: Configuration['linux'] | Configuration['mac'] | Configuration['win']) {
  const target = platform?.target
  return (Array.isArray(target) ? target : [target]).map((entry) =>
    typeof entry === 'string' ? entry : entry?.target,
  )
}

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(path: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(path)
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('packaging configuration', () => {
  it('passes electron-builder’s own validation', async () => {
    const config = await loadConfig()
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('would be refused by that validation if it had a mistake', async () => {
    const config = await loadConfig()
    const broken = { ...config, linux: { ...config.linux, categroy: 'Office' } } as Configuration
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /configuration\.linux should be/,
    )
  })

  it('names the app and builds AppImage + deb, dmg and nsis', async () => {
    const config = await loadConfig()
    expect(config.appId).toBe('org.offprint.Offprint')
    expect(config.productName).toBe('Offprint')
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb'])
    expect(targetsOf(config.mac)).toEqual(['dmg'])
    expect(targetsOf(config.win)).toEqual(['nsis'])
    expect(config.directories?.output).toBe('dist')
  })

  it('opens .bib and .ris files, which main knows how to hand to the importer', async () => {
    const config = await loadConfig()
    const associations = [config.fileAssociations ?? []].flat()
    expect(associations.map((association) => association.ext)).toEqual(['bib', 'ris'])
    for (const association of associations) {
      expect(association.name).toBeTruthy()
      expect(OPENABLE_EXTENSIONS).toContain(`.${String(association.ext)}`)
    }
  })

  it('gives .bib and .ris the types of the shared MIME database, and a desktop name Electron and the launcher share', async () => {
    const config = await loadConfig()
    const associations = [config.fileAssociations ?? []].flat()
    expect(associations.map(({ ext, mimeType }) => [ext, mimeType])).toEqual([
      ['bib', 'text/x-bibtex'],
      // Not in freedesktop.org.xml; the type Zotero, JabRef and Apache's mime.types use.
      ['ris', 'application/x-research-info-systems'],
    ])
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      desktopName?: string
    }
    // Electron takes its Wayland app_id / WM_CLASS from desktopName; the .desktop
    // file is named after it (syncDesktopName), so the launcher finds the window.
    expect(pkg.desktopName).toBe('offprint.desktop')
    expect(config.linux?.executableName).toBe('offprint')
    expect(config.linux?.syncDesktopName).toBe(true)
    // No executableArgs: electron-builder then ends Exec with %U (file: URIs, see openedFiles.ts).
    expect(config.linux?.executableArgs).toBeUndefined()
  })

  const SHARED_MIME_DATABASE = '/usr/share/mime/packages/freedesktop.org.xml'
  it.runIf(existsSync(SHARED_MIME_DATABASE))(
    'declares for .bib the type this machine’s shared MIME database gives *.bib',
    async () => {
      const database = await readFile(SHARED_MIME_DATABASE, 'utf8')
      const owner = [...database.matchAll(/<mime-type type="([^"]+)">([\s\S]*?)<\/mime-type>/g)]
        .filter(([, , body]) => body?.includes('<glob pattern="*.bib"/>'))
        .map(([, type]) => type)
      const config = await loadConfig()
      const bib = [config.fileAssociations ?? []].flat().find((entry) => entry.ext === 'bib')
      expect(owner).toEqual([bib?.mimeType])
    },
  )

  it('lists as dependencies exactly the packages the built main process requires at run time', async () => {
    // electron-builder copies "dependencies" into the package; the renderer's
    // bundle already holds React, KaTeX and the rest, and main bundles lowdb & co.
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    const required = new Set<string>()
    const outMain = join(ROOT, 'out/main')
    const files = (await readdir(outMain, { recursive: true })).filter((f) => f.endsWith('.js'))
    expect(files).toContain('index.js')
    for (const file of files) {
      const code = await readFile(join(outMain, file), 'utf8')
      // require(), and import() of an ES-module-only package (pdfjs-dist, in the PDF text worker).
      for (const [, name] of code.matchAll(/(?:require|import)\("([^".][^"]*)"\)/g)) {
        const bare = name ?? ''
        if (bare.startsWith('node:') || builtinModules.includes(bare) || bare === 'electron') {
          continue
        }
        const parts = bare.split('/')
        required.add(bare.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? bare))
      }
    }
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...required].sort())
  })

  it('packs the built app and the files main reads at run time', async () => {
    const config = await loadConfig()
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      main: string
      scripts: Record<string, string>
    }
    expect(pkg.main).toBe('./out/main/index.js')
    // Only the build output: sources, tests and fixtures stay out of the package.
    expect(config.files).toEqual([{ filter: ['out/**/*', 'package.json'] }])
    expect(pkg.scripts['dist']).toBe('npm run build && electron-builder')
    // main reads <resources>/resources/… when packaged (see src/main/app/index.ts).
    const extra = [config.extraResources ?? []].flat() as { from: string; to: string }[]
    for (const { from, to } of extra) {
      expect(to).toBe(from)
      expect((await stat(join(ROOT, from))).isFile()).toBe(true)
    }
    expect(extra.map((entry) => entry.from)).toEqual([
      'resources/sample-daily-papers.txt',
      'resources/icons/512x512.png',
    ])
  })

  it('has the icon at every size, each a square PNG of its named size', async () => {
    const config = await loadConfig()
    const folder = join(ROOT, String(config.linux?.icon))
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(await pngSize(join(folder, `${size}x${size}.png`))).toEqual({
        width: size,
        height: size,
      })
    }
    // macOS and Windows take the largest; both need at least 512 (icns) and 256 (ico).
    expect(config.mac?.icon).toBe('resources/icons/1024x1024.png')
    expect(config.win?.icon).toBe('resources/icons/1024x1024.png')
  })
})
