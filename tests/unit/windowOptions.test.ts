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
