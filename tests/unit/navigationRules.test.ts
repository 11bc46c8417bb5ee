import { describe, expect, it } from 'vitest'
import {
  decideWindowOpen,
  externalUrlToOpen,
  isNavigationAllowed,
  isPermissionGranted,
  isSafeExternalUrl,
  isTrustedSender,
} from '../../src/main/app/window/navigationRules'

describe('external links', () => {
  it.each([
    'https://github.com/deep-kaixun/GenAgent',
    'http://example.org/paper?id=1#sec',
    'mailto:author@example.org',
  ])('opens %s in the system browser', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/file',
    'https://user:pass@example.org/',
    'mailto:',
    'mailto:?to=author@example.org',
    'mailto:not-an-address',
    'mailto:author@example.org%0ABcc:spy@evil.example',
    'mailto:<author@example.org>',
    'not a url',
    '',
    '//example.org/relative',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})

describe('mailto: links', () => {
  it.each([
    ['mailto:ada@example.org', 'mailto:ada@example.org'],
    ['MAILTO:ada@example.org', 'mailto:ada@example.org'],
    ['mailto:first.last+offprint@cs.example.ac.uk', 'mailto:first.last+offprint@cs.example.ac.uk'],
    // The query goes whole: attachments, extra recipients, subject and body.
    ['mailto:ada@example.org?attach=/home/me/.ssh/id_rsa', 'mailto:ada@example.org'],
    ['mailto:ada@example.org?bcc=spy@evil.example&cc=x@evil.example', 'mailto:ada@example.org'],
    ['mailto:ada@example.org?subject=Your%20paper&body=Hello', 'mailto:ada@example.org'],
    // Only the first of several addresses.
    ['mailto:ada@example.org,spy@evil.example', 'mailto:ada@example.org'],
    ['mailto:ada%40example.org', 'mailto:ada@example.org'],
    ['mailto:josé@exämple.org', 'mailto:jos%C3%A9@ex%C3%A4mple.org'],
  ])('opens %s as %s', (url, opened) => {
    expect(externalUrlToOpen(url)).toBe(opened)
  })

  it('leaves web links as they are', () => {
    const url = 'https://github.com/deep-kaixun/GenAgent?tab=readme#usage'
    expect(externalUrlToOpen(url)).toBe(url)
  })
})

describe('window rules', () => {
  it('denies every window.open, forwarding only safe links to the browser', () => {
    expect(decideWindowOpen('https://arxiv.org/abs/2504.13958')).toEqual({
      action: 'deny',
      openExternally: 'https://arxiv.org/abs/2504.13958',
    })
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(decideWindowOpen('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(decideWindowOpen('mailto:ada@example.org?attach=/etc/passwd')).toEqual({
      action: 'deny',
      openExternally: 'mailto:ada@example.org',
    })
  })

  it('allows no navigation away from the app page', () => {
    const app = 'app://offprint/index.html'
    expect(isNavigationAllowed(app, app)).toBe(true)
    expect(isNavigationAllowed(`${app}#notes`, app)).toBe(true)
    expect(isNavigationAllowed('https://evil.example/', app)).toBe(false)
    expect(isNavigationAllowed('file:///etc/passwd', app)).toBe(false)
  })

  it('grants no permission', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      expect(isPermissionGranted(permission)).toBe(false)
    }
  })

  it('answers IPC only from the top frame of the app page or the dev server', () => {
    const page = 'app://offprint/index.html'
    const top = (url: string) => ({ url, isMainFrame: true })
    expect(isTrustedSender(top(page), page)).toBe(true)
    expect(isTrustedSender(top(`${page}#notes`), page)).toBe(true)
    // Local files (an HTML file a link led to, a dropped file, the bundle itself) get nothing.
    expect(isTrustedSender(top('file:///home/me/Downloads/evil.html'), page)).toBe(false)
    expect(
      isTrustedSender(top('file:///opt/Offprint/resources/app.asar/out/renderer/index.html'), page),
    ).toBe(false)
    // Another file, host or query of the app's scheme gets nothing either.
    expect(isTrustedSender(top('app://offprint/assets/x.html'), page)).toBe(false)
    expect(isTrustedSender(top('app://elsewhere/index.html'), page)).toBe(false)
    expect(isTrustedSender(top(`${page}?x=1`), page)).toBe(false)
    // A subframe of the app page, should one ever exist, gets nothing either.
    expect(isTrustedSender({ url: page, isMainFrame: false }, page)).toBe(false)

    const dev = 'http://localhost:5173/'
    expect(isTrustedSender(top('http://localhost:5173/index.html'), dev)).toBe(true)
    expect(isTrustedSender(top('http://localhost:5174/'), dev)).toBe(false)
    expect(isTrustedSender(top('https://evil.example/'), dev)).toBe(false)
    expect(isTrustedSender(top('http://localhost:5173/'), page)).toBe(false)
    expect(isTrustedSender(top(''), page)).toBe(false)
    expect(isTrustedSender(top('not a url'), page)).toBe(false)
    expect(isTrustedSender(top('about:blank'), page)).toBe(false)
    expect(isTrustedSender(top('data:text/html,<script>1</script>'), page)).toBe(false)
  })
})
