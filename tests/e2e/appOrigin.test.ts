// The page's origin: the renderer is served as the app serves app://offprint
// (harness/rendererFiles.ts), with the CSP as a response header as well as the
// meta tag. `'self'` is then the app's own files, not the disk: a script, an
// image or a fetch from file:// is refused. The same page opened from file://,
// as the app used to open it, lets a planted local script run: that control
// shows the checks below can see a script that runs.
import { readdir, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/main/app/window/appOrigin'
import { appSession } from './harness/appSession'
import { APP_ORIGIN, RENDERER_DIR, serveAppRequest } from './harness/rendererFiles'

const session = appSession()

/** A 1×1 PNG, so a refused image is refused for where it is, not for what it is. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
)

/** A script and an image in a folder outside the app, as a sanitizer bypass would point at. */
async function plantLocalFiles(): Promise<{ script: string; image: string }> {
  const dir = await session.scratchDir()
  await writeFile(join(dir, 'planted.js'), "globalThis.__planted = 'ran'\n")
  await writeFile(join(dir, 'planted.png'), PIXEL)
  return {
    script: pathToFileURL(join(dir, 'planted.js')).href,
    image: pathToFileURL(join(dir, 'planted.png')).href,
  }
}

interface Outcome {
  script: 'loaded' | 'refused'
  image: 'loaded' | 'refused'
  fetched: string
  planted: string
  /** Each CSP violation: directive and the policy that reported it. */
  violations: { directive: string; policy: string }[]
}

/** Adds a <script> and an <img> pointing at the planted files, and fetches the script. */
function tryLocalFiles(page: Page, planted: { script: string; image: string }): Promise<Outcome> {
  return page.evaluate(async ({ script, image }) => {
    const violations: { directive: string; policy: string }[] = []
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push({ directive: event.effectiveDirective, policy: event.originalPolicy }),
    )
    const loads = (element: HTMLScriptElement | HTMLImageElement) =>
      new Promise<'loaded' | 'refused'>((resolve) => {
        element.addEventListener('load', () => resolve('loaded'))
        element.addEventListener('error', () => resolve('refused'))
      })
    const scriptElement = document.createElement('script')
    scriptElement.src = script
    const scriptLoad = loads(scriptElement)
    document.head.append(scriptElement)
    const imageElement = document.createElement('img')
    const imageLoad = loads(imageElement)
    imageElement.src = image
    const fetched = await fetch(script).then(
      (response) => response.text(),
      () => 'refused',
    )
    const outcome = { script: await scriptLoad, image: await imageLoad, fetched }
    const planted = (globalThis as { __planted?: string }).__planted ?? 'did not run'
    return { ...outcome, planted, violations }
  }, planted)
}

describe('the page origin', () => {
  it('refuses a script, an image and a fetch from file://: the CSP’s self is not the disk', async () => {
    const app = await session.launch()
    await expect
      .poll(() => app.page.getByRole('button', { name: /Import/ }).count())
      .toBeGreaterThan(0)
    const planted = await plantLocalFiles()
    const outcome = await tryLocalFiles(app.page, planted)
    expect(outcome).toMatchObject({
      script: 'refused',
      image: 'refused',
      fetched: 'refused',
      planted: 'did not run',
    })
    // The script and the image are refused before any request: file:// is another
    // origin, and an https or app:// page may not load local resources. The fetch
    // is refused by connect-src 'self', reported twice by the same policy: once
    // as the response header, once as the meta tag. The header reached the page.
    expect(outcome.violations).toEqual([
      { directive: 'connect-src', policy: CONTENT_SECURITY_POLICY },
      { directive: 'connect-src', policy: CONTENT_SECURITY_POLICY },
    ])
    expect(app.securityEvents).toEqual([
      'csp: connect-src blocked file',
      'csp: connect-src blocked file',
    ])
    const connectRefused = `Connecting to '${planted.script}' violates the following Content Security Policy directive: "connect-src 'self'". The action has been blocked.`
    expect([...app.pageErrors].sort()).toEqual(
      [
        `Not allowed to load local resource: ${planted.script}`,
        `Not allowed to load local resource: ${planted.image}`,
        connectRefused,
        connectRefused,
        `Fetch API cannot load ${planted.script}. Refused to connect because it violates the document's Content Security Policy.`,
      ].sort(),
    )
    app.securityEvents.splice(0)
    app.pageErrors.splice(0)
  })

  it('answers only the renderer’s files: paths out of it are 404, and nothing else is read', async () => {
    const app = await session.launch()
    const statuses = await app.page.evaluate(async () => {
      const paths = [
        '/index.html',
        '/..%2f..%2fpackage.json',
        '/assets/%2e%2e/%2e%2e/package.json',
        '/index.html%00.js',
        '/index.html?x=../../package.json',
      ]
      const answers: string[] = []
      for (const path of paths) {
        const response = await fetch(path)
        answers.push(`${response.status} ${response.headers.get('content-type') ?? ''}`)
      }
      return answers
    })
    expect(statuses).toEqual([
      '200 text/html; charset=utf-8',
      '404 text/plain; charset=utf-8',
      '404 text/plain; charset=utf-8',
      '404 text/plain; charset=utf-8',
      '404 text/plain; charset=utf-8',
    ])
    expect(app.foreignRequests).toEqual([
      'https://offprint.invalid/..%2f..%2fpackage.json',
      'https://offprint.invalid/package.json',
      'https://offprint.invalid/index.html%00.js',
      'https://offprint.invalid/index.html?x=../../package.json',
    ])
    expect(app.pageErrors).toEqual(
      Array(4).fill(
        'Failed to load resource: the server responded with a status of 404 (Not Found)',
      ),
    )
    app.foreignRequests.splice(0)
    app.pageErrors.splice(0)
  })

  it('serves every file the build writes, each with its type', async () => {
    const files = (await readdir(RENDERER_DIR, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) =>
        relative(RENDERER_DIR, join(entry.parentPath, entry.name)).split(sep).join('/'),
      )
    const served = new Map<string, number>()
    for (const file of files) {
      const response = await serveAppRequest(`${APP_ORIGIN}/${file}`, 'GET')
      const key = `${response.status} ${response.headers['Content-Type'] ?? ''}`
      served.set(key, (served.get(key) ?? 0) + 1)
    }
    // index.html; the bundle, the PDF reader's chunk (loaded when a PDF is first
    // opened), pdf.js's worker and the graph's layout worker; a stylesheet for each
    // of the first two; KaTeX's fonts (woff2 only); and pdf.js's icons: its note
    // annotations' and its viewer's.
    expect(Object.fromEntries(served)).toEqual({
      '200 text/html; charset=utf-8': 1,
      '200 text/javascript; charset=utf-8': 4,
      '200 text/css; charset=utf-8': 2,
      '200 font/woff2': files.filter((file) => file.endsWith('.woff2')).length,
      '200 image/svg+xml': files.filter((file) => file.endsWith('.svg')).length,
    })
    expect(files.filter((file) => file.startsWith('pdf-annotations/')).length).toBe(11)
    expect(files.filter((file) => file.endsWith('.woff2')).length).toBeGreaterThan(0)
  })

  it('from file://, as the app used to serve it, the same page runs the planted script', async () => {
    const app = await session.launch()
    const browser = app.page.context().browser()
    if (browser === null) throw new Error('the harness runs a browser')
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      await page.goto(pathToFileURL(join(RENDERER_DIR, 'index.html')).href)
      const outcome = await tryLocalFiles(page, await plantLocalFiles())
      expect(outcome).toMatchObject({ script: 'loaded', image: 'loaded', planted: 'ran' })
      expect(outcome.violations).toEqual([])
    } finally {
      await context.close()
    }
  })
})
