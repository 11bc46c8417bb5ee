// Which links may leave the app for the system browser. Shared by main (the
// final gate before shell.openExternal) and the renderer (which only offers
// such links as clickable).

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** True when `url` may be handed to the system browser. Parses, never pattern-matches. */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return false
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0
  // Credentials in a URL are a classic phishing disguise; no paper link needs them.
  return parsed.hostname.length > 0 && parsed.username === '' && parsed.password === ''
}
