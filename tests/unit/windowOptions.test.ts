import { describe, expect, it } from 'vitest'
import { mainWindowOptions } from '../../src/main/window/windowOptions'

describe('main window options', () => {
  it('locks the renderer down', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.js').webPreferences
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    })
  })

  it('opens hidden until the first paint, at a usable size', () => {
    const options = mainWindowOptions('/p.js')
    expect(options.show).toBe(false)
    expect(options.minWidth).toBeGreaterThanOrEqual(600)
    expect(options.width).toBeGreaterThan(options.minWidth ?? 0)
  })
})

describe('the Electron security checklist', () => {
  it('sets no web preference beyond the known, locked-down ones', () => {
    // A new option (say, enableRemoteModule or allowRunningInsecureContent: true)
    // must be added here on purpose, not slip in.
    expect(Object.keys(mainWindowOptions('/p.js').webPreferences ?? {}).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    )
  })

  it('uses no remote module, in dependencies or in code', async () => {
    const { readFile } = await import('node:fs/promises')
    const { listFiles } = await import('./support/libraryFolder')
    const manifest = JSON.parse(
      await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as Record<string, Record<string, string> | undefined>
    const dependencies = { ...manifest['dependencies'], ...manifest['devDependencies'] }
    expect(Object.keys(dependencies)).not.toContain('@electron/remote')
    const sources = await listFiles(new URL('../../src', import.meta.url).pathname)
    expect(sources.length).toBeGreaterThan(20)
    for (const file of sources) {
      const text = await readFile(file, 'utf8')
      expect(text, file).not.toMatch(/@electron\/remote|enableRemoteModule|\.remote\b/)
    }
  })
})
