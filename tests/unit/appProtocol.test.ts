// The app:// protocol: what the window gets for each URL. A renderer folder is
// laid out in a temp folder beside a "secret" script outside it, with a symlink
// that leads out; every hostile URL must come back 404 with no body, and the
// renderer's own files with their exact bytes and type.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  handleAppScheme,
  registerAppScheme,
  type ProtocolSession,
} from '../../src/main/app/appProtocol'
import {
  APP_PAGE_URL,
  CONTENT_SECURITY_POLICY,
  resolveRendererRequest,
} from '../../src/main/app/window/appOrigin'
import { serveRendererRequest } from '../../src/main/app/window/rendererFiles'

/** Electron's protocol module, as far as appProtocol.ts uses it before `ready`. */
const privileged = vi.hoisted(() => ({ schemes: [] as unknown[] }))
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.schemes.push(...schemes),
  },
}))

let base: string
let rendererDir: string
const PAGE = '<!doctype html><title>Offprint</title>'
const SCRIPT = 'console.log("the bundle")'
const SECRET = 'globalThis.stolen = true'

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'offprint-protocol-'))
  rendererDir = join(base, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await mkdir(join(rendererDir, 'folder.js'))
  await writeFile(join(rendererDir, 'index.html'), PAGE)
  await writeFile(join(rendererDir, 'assets', 'index-D9Q9XgD2.js'), SCRIPT)
  await writeFile(join(rendererDir, 'assets', 'KaTeX_Main-Regular-B22Nviop.woff2'), 'wOF2')
  await writeFile(join(rendererDir, 'notes.txt'), 'not a type the renderer ships')
  await writeFile(join(rendererDir, '.hidden.js'), SECRET)
  await writeFile(join(base, 'secret.js'), SECRET)
  await symlink(join(base, 'secret.js'), join(rendererDir, 'escape.js'))
  await symlink(join(base, 'secret.js'), join(rendererDir, 'assets', 'escape.js'))
  await symlink(join(rendererDir, 'assets', 'index-D9Q9XgD2.js'), join(rendererDir, 'alias.js'))
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

async function get(url: string, method = 'GET') {
  const response = await serveRendererRequest(rendererDir, { url, method })
  return {
    status: response.status,
    type: response.headers['Content-Type'],
    body: response.body?.toString('utf8'),
  }
}

describe('the app:// protocol', () => {
  it('serves the page at app://offprint/index.html and at the bare origin', async () => {
    expect(APP_PAGE_URL).toBe('app://offprint/index.html')
    const page = { status: 200, type: 'text/html; charset=utf-8', body: PAGE }
    expect(await get('app://offprint/index.html')).toEqual(page)
    expect(await get('app://offprint/')).toEqual(page)
    expect(await get('app://OFFPRINT/index.html')).toEqual(page)
  })

  it('serves the bundle and fonts with their types', async () => {
    expect(await get('app://offprint/assets/index-D9Q9XgD2.js')).toEqual({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: SCRIPT,
    })
    expect(await get('app://offprint/assets/KaTeX_Main-Regular-B22Nviop.woff2')).toEqual({
      status: 200,
      type: 'font/woff2',
      body: 'wOF2',
    })
    // A link that stays inside the folder is the file it points to.
    expect((await get('app://offprint/alias.js')).body).toBe(SCRIPT)
  })

  it('sends the CSP and nosniff with every answer, found or not', async () => {
    for (const url of ['app://offprint/index.html', 'app://offprint/nothing.js']) {
      const { headers } = await serveRendererRequest(rendererDir, { url, method: 'GET' })
      expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
      expect(headers['X-Content-Type-Options']).toBe('nosniff')
    }
  })

  it.each([
    // Leaving the folder: dot segments, encoded or not, stay at the root…
    'app://offprint/../secret.js',
    'app://offprint/%2e%2e/secret.js',
    'app://offprint/assets/%2E%2e/%2e./secret.js',
    // …and an encoded slash or backslash is not a separator.
    'app://offprint/..%2fsecret.js',
    'app://offprint/assets%2f..%2f..%2fsecret.js',
    'app://offprint/..%5csecret.js',
    'app://offprint/..\\secret.js',
    'app://offprint/%252e%252e/secret.js',
    // Absolute paths.
    `app://offprint/${encodeURIComponent('/etc/passwd')}`,
    'app://offprint//etc/passwd.js',
    'app://offprint/C:%5cWindows%5cwin.ini',
    // Symlinks out of the folder.
    'app://offprint/escape.js',
    'app://offprint/assets/escape.js',
    // NUL and other bytes no file name of the build has.
    'app://offprint/index.html%00.js',
    'app://offprint/index.html%00',
    'app://offprint/index%0a.html',
    'app://offprint/%E0%A4%A.js',
    // Queries never name a file.
    'app://offprint/index.html?x=1',
    'app://offprint/index.html?../../secret.js',
    'app://offprint/index.html?',
    // Hidden files, folders, types the renderer does not ship, files that do not exist.
    'app://offprint/.hidden.js',
    'app://offprint/folder.js',
    'app://offprint/assets',
    'app://offprint/assets/',
    'app://offprint/notes.txt',
    'app://offprint/missing.js',
    'app://offprint/a/b/c/d/e.js',
    // Anything that is not the app's origin.
    'app://elsewhere/index.html',
    'app://offprint:8080/index.html',
    'app://user@offprint/index.html',
    'https://offprint/index.html',
    'file:///tmp/renderer/index.html',
    'not a url',
  ])('answers %s with 404 and no body', async (url) => {
    expect(await get(url)).toEqual({
      status: 404,
      type: 'text/plain; charset=utf-8',
      body: undefined,
    })
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    expect(await get('app://offprint/index.html', 'HEAD')).toEqual({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: undefined,
    })
    expect((await get('app://offprint/index.html', 'POST')).status).toBe(405)
    expect((await get('app://offprint/index.html', 'PUT')).status).toBe(405)
  })

  it('says why a request names no file', () => {
    expect(resolveRendererRequest('app://offprint/..%2fsecret.js', 'GET')).toEqual({
      kind: 'refused',
      status: 404,
      reason: 'not a file name',
    })
    expect(resolveRendererRequest('app://offprint/index.html?x', 'GET')).toMatchObject({
      reason: 'query',
    })
    expect(resolveRendererRequest('app://evil/index.html', 'GET')).toMatchObject({
      reason: 'not the app origin',
    })
    expect(resolveRendererRequest('app://offprint/notes.txt', 'GET')).toMatchObject({
      reason: 'type .txt',
    })
  })

  it('serves the same files from another origin when told to (the e2e harness)', async () => {
    const origin = 'https://offprint.invalid'
    const served = await serveRendererRequest(
      rendererDir,
      { url: `${origin}/index.html`, method: 'GET' },
      origin,
    )
    expect(served.body?.toString('utf8')).toBe(PAGE)
    const refused = await serveRendererRequest(
      rendererDir,
      { url: 'app://offprint/index.html', method: 'GET' },
      origin,
    )
    expect(refused.status).toBe(404)
  })
})

describe('the app:// protocol in Electron', () => {
  it('registers app: as standard and secure, never bypassing the CSP', () => {
    registerAppScheme()
    expect(privileged.schemes).toEqual([
      {
        scheme: 'app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          corsEnabled: true,
          codeCache: true,
        },
      },
    ])
  })

  it('answers the session’s requests with the renderer’s files, headers and 404s', async () => {
    const handlers = new Map<string, (request: Request) => Promise<Response>>()
    const session: ProtocolSession = {
      protocol: {
        handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
          handlers.set(scheme, handler),
      },
    }
    handleAppScheme(session, rendererDir)
    const handler = handlers.get('app')
    if (handler === undefined) throw new Error('app: is handled')
    const page = await handler(new Request('app://offprint/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await page.text()).toBe(PAGE)
    const escape = await handler(new Request('app://offprint/escape.js'))
    expect(escape.status).toBe(404)
    expect(await escape.text()).toBe('')
  })
})
