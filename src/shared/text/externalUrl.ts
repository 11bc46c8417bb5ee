// Which links may leave the app for the system browser. Shared by main (the
// final gate before shell.openExternal) and the renderer (which only offers
// such links as clickable).

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/**
 * One mail address: a local part of letters, digits and `. _ + ' -`, and a
 * dotted domain. Nothing a mail client could read as a second recipient, a
 * header or a query.
 */
const MAIL_ADDRESS =
  /^[\p{L}\p{N}._+'-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u

/**
 * The URL to hand to the system browser or mail client for `url`, or
 * undefined when it may not leave the app. Parses, never pattern-matches the
 * whole URL.
 *
 * A `mailto:` link keeps only its first address. Its query is dropped whole:
 * `attach=` (honoured by some mail clients) would attach a local file, `cc`,
 * `bcc` and `to` add recipients the user may not notice, and `subject` and
 * `body` are text chosen by whoever wrote the imported record or the note,
 * pre-filled into a message that goes out under the user's name. An author's
 * contact link needs only the address; the user writes the rest.
 */
export function externalUrlToOpen(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return undefined
  if (parsed.protocol === 'mailto:') return mailtoAddressOnly(parsed.pathname)
  // Credentials in a URL are a classic phishing disguise; no paper link needs them.
  if (parsed.hostname.length === 0 || parsed.username !== '' || parsed.password !== '') {
    return undefined
  }
  return url
}

function mailtoAddressOnly(path: string): string | undefined {
  let addresses: string
  try {
    addresses = decodeURIComponent(path)
  } catch {
    return undefined
  }
  const first = addresses.split(',')[0]?.trim() ?? ''
  return MAIL_ADDRESS.test(first) ? `mailto:${encodeURI(first)}` : undefined
}

/** True when `url` may be handed to the system browser (see externalUrlToOpen). */
export function isSafeExternalUrl(url: string): boolean {
  return externalUrlToOpen(url) !== undefined
}
