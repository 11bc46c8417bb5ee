// Serves the built renderer (out/renderer) to Chromium from a made-up origin,
// through Playwright's request interception: no server, no port, no network.
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const APP_ORIGIN = 'https://offprint.invalid'
export const RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url))

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
}

/** The file for an app URL, or undefined when the URL is not one of the app's files. */
export async function readRendererFile(
  url: string,
): Promise<{ body: Buffer; contentType: string } | undefined> {
  const parsed = new URL(url)
  if (parsed.origin !== APP_ORIGIN) return undefined
  const relative =
    parsed.pathname === '/' ? 'index.html' : decodeURIComponent(parsed.pathname.slice(1))
  const path = normalize(join(RENDERER_DIR, relative))
  if (!path.startsWith(RENDERER_DIR + sep)) return undefined
  try {
    return {
      body: await readFile(path),
      contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    }
  } catch {
    return undefined
  }
}
