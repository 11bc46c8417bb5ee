import { describe, expect, it } from 'vitest'
import type { WindowBounds } from '../../src/shared/model'
import { MIN_WINDOW_SIZE } from '../../src/main/app/window/windowBounds'
import { mainWindowOptions, THEME_BACKGROUNDS } from '../../src/main/app/window/windowOptions'

const BOUNDS: WindowBounds = { x: 40, y: 30, width: 1280, height: 800, maximized: false }
const SETUP = { bounds: BOUNDS, theme: 'system', systemDark: false } as const

describe('main window options', () => {
  it('locks the renderer down', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.js', SETUP).webPreferences
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

  it('opens hidden until the first paint, where it was left, never below the minimum size', () => {
    const options = mainWindowOptions('/p.js', { ...SETUP, iconPath: '/r/icons/512x512.png' })
    expect(options).toMatchObject({ show: false, x: 40, y: 30, width: 1280, height: 800 })
    expect(options.minWidth).toBe(MIN_WINDOW_SIZE.width)
    expect(options.minHeight).toBe(MIN_WINDOW_SIZE.height)
    expect(options.icon).toBe('/r/icons/512x512.png')
  })

  it('paints the background of the theme it will show, so there is no white flash in dark mode', () => {
    const background = (theme: 'system' | 'light' | 'dark', systemDark: boolean) =>
      mainWindowOptions('/p.js', { bounds: BOUNDS, theme, systemDark }).backgroundColor
    expect(background('system', false)).toBe(THEME_BACKGROUNDS.light)
    expect(background('system', true)).toBe(THEME_BACKGROUNDS.dark)
    expect(background('dark', false)).toBe(THEME_BACKGROUNDS.dark)
    expect(background('light', true)).toBe(THEME_BACKGROUNDS.light)
  })
})

describe('the Electron security checklist', () => {
  it('sets no web preference beyond the known, locked-down ones', () => {
    // A new option (say, enableRemoteModule or allowRunningInsecureContent: true)
    // must be added here on purpose, not slip in.
    expect(Object.keys(mainWindowOptions('/p.js', SETUP).webPreferences ?? {}).sort()).toEqual(
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
