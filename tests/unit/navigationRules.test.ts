import { describe, expect, it } from 'vitest'
import {
  decideWindowOpen,
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
    'not a url',
    '',
    '//example.org/relative',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
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
  })

  it('allows no navigation away from the app page', () => {
    const app = 'file:///opt/Offprint/resources/app/out/renderer/index.html'
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
    const page = 'file:///opt/Offprint/resources/app.asar/out/renderer/index.html'
    const top = (url: string) => ({ url, isMainFrame: true })
    expect(isTrustedSender(top(page), page)).toBe(true)
    expect(isTrustedSender(top(`${page}#notes`), page)).toBe(true)
    // Another local file (an HTML file a link led to, a dropped file) gets nothing.
    expect(isTrustedSender(top('file:///home/me/Downloads/evil.html'), page)).toBe(false)
    expect(isTrustedSender(top('file:///opt/Offprint/resources/app.asar/out/x.html'), page)).toBe(
      false,
    )
    expect(
      isTrustedSender(top('file://remote-host/opt/Offprint/out/renderer/index.html'), page),
    ).toBe(false)
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
