// Where requests go: the origins in the settings, each replaceable for one run
// by an environment variable (a mirror, a proxy, a test's stub server on
// 127.0.0.1). Read at every request, so a change in Settings applies at once.
import type { ServiceOrigins } from '../../../shared/model'
import { readSettings } from '../../../shared/api/schemas'
import type { LibraryKernel } from '../kernel/kernel'

/** The environment variable that overrides each origin. */
export const ORIGIN_VARIABLES: Readonly<Record<keyof ServiceOrigins, string>> = Object.freeze({
  huggingFace: 'OFFPRINT_HF_API',
  arxivApi: 'OFFPRINT_ARXIV_API',
  arxivRss: 'OFFPRINT_ARXIV_RSS',
})

export type Environment = Readonly<Record<string, string | undefined>>

/** `value` as an origin (http or https, no query, no trailing slash), or undefined. */
function asOrigin(value: string | undefined): string | undefined {
  const text = value?.trim() ?? ''
  if (text === '') return undefined
  try {
    const url = new URL(text)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    if (url.search !== '' || url.hash !== '') return undefined
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
  } catch {
    return undefined
  }
}

/** The settings' origins with the environment's overrides applied (invalid overrides are ignored). */
export function effectiveOrigins(settings: ServiceOrigins, env: Environment): ServiceOrigins {
  const origins = { ...settings }
  for (const key of Object.keys(ORIGIN_VARIABLES) as (keyof ServiceOrigins)[]) {
    const override = asOrigin(env[ORIGIN_VARIABLES[key]])
    if (override !== undefined) origins[key] = override
  }
  return origins
}

/** Reads the library's settings each time: what a service calls before each request. */
export function originsOf(kernel: LibraryKernel, env: Environment): () => ServiceOrigins {
  return () => effectiveOrigins(readSettings(kernel.store.settings).serviceOrigins, env)
}

/** `path` (with its query) under `origin`, keeping the origin's own path prefix. */
export function serviceUrl(origin: string, path: string): URL {
  return new URL(`${origin.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`)
}
