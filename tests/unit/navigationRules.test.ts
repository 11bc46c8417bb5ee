import { describe, expect, it } from 'vitest'
import {
  decideWindowOpen,
  isNavigationAllowed,
  isPermissionGranted,
  isSafeExternalUrl,
  isTrustedSender,
} from '../../src/main/window/navigationRules'

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

  it('answers IPC only from the app bundle or the dev server', () => {
    expect(isTrustedSender('file:///opt/Offprint/out/renderer/index.html', undefined)).toBe(true)
    expect(isTrustedSender('http://localhost:5173/', undefined)).toBe(false)
    expect(isTrustedSender('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true)
    expect(isTrustedSender('https://evil.example/', 'http://localhost:5173')).toBe(false)
    expect(isTrustedSender('', undefined)).toBe(false)
  })
})
