// The shipped page's Content-Security-Policy: the last line of defence if
// sanitizing ever let something through.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/main/app/window/appOrigin'

const html = readFileSync(new URL('../../src/renderer/index.html', import.meta.url), 'utf8')

function policy(): Map<string, string[]> {
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
  expect(match, 'index.html declares a CSP').not.toBeNull()
  const directives = new Map<string, string[]>()
  for (const part of (match?.[1] ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) directives.set(name, values)
  }
  return directives
}

describe('content security policy', () => {
  it('allows scripts only from the app bundle, never inline or eval', () => {
    expect(policy().get('script-src')).toEqual(["'self'"])
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  })

  it('loads nothing remote and embeds nothing', () => {
    const csp = policy()
    expect(csp.get('default-src')).toEqual(["'none'"])
    for (const directive of ['object-src', 'frame-src', 'base-uri', 'form-action']) {
      expect(csp.get(directive), directive).toEqual(["'none'"])
    }
    for (const values of csp.values()) {
      for (const value of values) expect(value).toMatch(/^('self'|'none'|data:)$/)
    }
  })

  it('is sent by the app:// protocol as a header, word for word the meta tag', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(CONTENT_SECURITY_POLICY).toBe(meta)
  })
})
