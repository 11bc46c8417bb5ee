// The theme and reading size on the page: a data-theme attribute on <html>
// that styles/theme.css keys its colours on, and a --reading-size variable. "system"
// follows the OS (prefers-color-scheme) live.
import { useEffect } from 'react'
import type { ThemeChoice } from '../../../../shared/model'

const DARK_QUERY = '(prefers-color-scheme: dark)'

export function resolveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light'
}

/** Sets the theme before the first render, so a dark desktop never sees a light flash. */
export function applyTheme(choice: ThemeChoice): void {
  document.documentElement.dataset['theme'] = resolveTheme(choice)
}

export function useAppearance(theme: ThemeChoice | undefined, readingFontSize: number | undefined) {
  useEffect(() => {
    if (theme === undefined) return
    applyTheme(theme)
    if (theme !== 'system') return
    const query = window.matchMedia(DARK_QUERY)
    const onChange = (): void => applyTheme('system')
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [theme])

  useEffect(() => {
    if (readingFontSize === undefined) return
    // Through the CSSOM, which the CSP allows (style attributes in HTML it does not).
    document.documentElement.style.setProperty('--reading-size', `${readingFontSize}px`)
  }, [readingFontSize])
}
