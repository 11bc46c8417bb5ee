import { isSafeExternalUrl } from '../../../shared/text/externalUrl'

/**
 * Hand a web link to the system browser. The renderer has no shell access: it
 * asks for a new window, which main's window-open handler denies and forwards
 * to shell.openExternal after checking the URL again.
 */
export function openExternal(url: string): void {
  if (!isSafeExternalUrl(url)) return
  window.open(url, '_blank', 'noopener,noreferrer')
}
