import type { BrowserWindowConstructorOptions } from 'electron'
import type { ThemeChoice, WindowBounds } from '../../../shared/model'
import { MIN_WINDOW_SIZE } from './windowBounds'

/** The page background of each theme (src/renderer/src/styles/theme.css --bg), shown before the first paint. */
export const THEME_BACKGROUNDS = { light: '#f7f6f3', dark: '#1b1a18' } as const

export interface MainWindowSetup {
  /** Where and how large the window opens (see restoreWindowBounds). */
  bounds: WindowBounds
  theme: ThemeChoice
  /** Whether the OS is in dark mode, for the "system" theme. */
  systemDark: boolean
  /** The window icon (Linux and Windows show it; macOS uses the bundle's). */
  iconPath?: string
}

/**
 * The main window's options. Security settings are spelled out even where they
 * are Electron's defaults, so a test pins them and a future upgrade cannot
 * silently loosen them.
 */
export function mainWindowOptions(
  preloadPath: string,
  setup: MainWindowSetup,
): BrowserWindowConstructorOptions {
  const dark = setup.theme === 'dark' || (setup.theme === 'system' && setup.systemDark)
  const options: BrowserWindowConstructorOptions = {
    x: setup.bounds.x,
    y: setup.bounds.y,
    width: setup.bounds.width,
    height: setup.bounds.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Offprint',
    show: false,
    backgroundColor: dark ? THEME_BACKGROUNDS.dark : THEME_BACKGROUNDS.light,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  }
  if (setup.iconPath !== undefined) options.icon = setup.iconPath
  return options
}
