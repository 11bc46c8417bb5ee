// The CSL styles a library can format in: the six bundled with Offprint
// (resources/csl/, unchanged from the CSL project), and the `.csl` files the
// user added, kept in the library folder's styles/ so they travel with it.
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { BundledCitationStyle, CitationStyleInfo } from '../../../shared/model'
import {
  BUNDLED_CITATION_STYLES,
  CITATION_STYLE_ID_PATTERN,
  DEFAULT_CITATION_STYLE,
} from '../../../shared/model'
import { BadInputError, NotFoundError } from '../kernel/errors'

const BUNDLED_FILES: Record<BundledCitationStyle, string> = {
  apa: 'apa.csl',
  ieee: 'ieee.csl',
  'chicago-author-date': 'chicago-author-date.csl',
  nature: 'nature.csl',
  acm: 'association-for-computing-machinery.csl',
  vancouver: 'nlm-citation-sequence.csl',
}
const LOCALE_FILE = 'locales-en-US.xml'
/** Where a library keeps the styles its user added. */
export const USER_STYLES_FOLDER = 'styles'
/** Largest style accepted (APA, the largest in the CSL repository, is 86 KB). */
export const MAX_STYLE_CHARS = 2 * 1024 * 1024

/**
 * The bundled styles' folder when the caller names none: resources/csl of the
 * working folder, else the one beside the running script (out/main/cli.js).
 */
export function defaultStylesDir(): string {
  const candidates = [resolve('resources', 'csl')]
  const script = process.argv[1]
  if (script !== undefined)
    candidates.push(resolve(dirname(script), '..', '..', 'resources', 'csl'))
  return candidates.find((dir) => existsSync(join(dir, LOCALE_FILE))) ?? (candidates[0] as string)
}

export interface LoadedStyle {
  id: string
  xml: string
}

export class CslStyles {
  private locale: string | undefined

  constructor(
    private readonly bundledDir: string,
    private readonly libraryDir: string,
  ) {}

  async list(): Promise<CitationStyleInfo[]> {
    const styles: CitationStyleInfo[] = []
    for (const id of BUNDLED_CITATION_STYLES) {
      styles.push({ id, title: titleOf(await this.bundledXml(id)) ?? id, bundled: true })
    }
    for (const file of await this.userFiles()) {
      const id = file.slice(0, -'.csl'.length)
      const xml = await readFile(join(this.userDir(), file), 'utf8').catch(() => '')
      styles.push({ id, title: titleOf(xml) ?? id, bundled: false })
    }
    return styles
  }

  /** The style's XML; an unknown id is an error (a missing user file is reported as such). */
  async load(id: string): Promise<LoadedStyle> {
    if (isBundled(id)) return { id, xml: await this.bundledXml(id) }
    if (!CITATION_STYLE_ID_PATTERN.test(id)) throw new BadInputError(`"${id}" is not a style name`)
    const xml = await readFile(join(this.userDir(), `${id}.csl`), 'utf8').catch(() => undefined)
    if (xml === undefined) {
      const known = [...BUNDLED_CITATION_STYLES, ...(await this.userIds())].join(', ')
      throw new NotFoundError(`No citation style "${id}" (styles: ${known})`)
    }
    return { id, xml }
  }

  /** The chosen style, or the default one when the chosen one is gone. */
  async loadOrDefault(id: string): Promise<LoadedStyle> {
    try {
      return await this.load(id)
    } catch (error) {
      if (error instanceof NotFoundError) return this.load(DEFAULT_CITATION_STYLE)
      throw error
    }
  }

  async localeXml(): Promise<string> {
    this.locale ??= await readFile(join(this.bundledDir, LOCALE_FILE), 'utf8')
    return this.locale
  }

  /**
   * Keeps a user's `.csl` file in the library (written whole, then renamed
   * into place); `check` must accept it first. Its id is the file's name.
   */
  async add(
    fileName: string,
    xml: string,
    check: (xml: string) => void,
  ): Promise<CitationStyleInfo> {
    const id = fileName
      .replace(/^.*[\\/]/, '')
      .replace(/\.csl$/i, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
    if (!CITATION_STYLE_ID_PATTERN.test(id) || isBundled(id)) {
      throw new BadInputError(`"${fileName}" cannot be a style's name: rename the file`)
    }
    const title = titleOf(xml)
    if (title === undefined || !/<style\b/.test(xml)) {
      throw new BadInputError(`${fileName} is not a CSL style (no <style> with a <title>)`)
    }
    check(xml)
    await mkdir(this.userDir(), { recursive: true })
    const path = join(this.userDir(), `${id}.csl`)
    await writeFile(`${path}.tmp`, xml, { encoding: 'utf8', flush: true })
    await rename(`${path}.tmp`, path)
    return { id, title, bundled: false }
  }

  private async bundledXml(id: BundledCitationStyle): Promise<string> {
    return readFile(join(this.bundledDir, BUNDLED_FILES[id]), 'utf8')
  }

  private userDir(): string {
    return join(this.libraryDir, USER_STYLES_FOLDER)
  }

  private async userFiles(): Promise<string[]> {
    const names = await readdir(this.userDir()).catch(() => [])
    return names
      .filter((name) => name.endsWith('.csl') && CITATION_STYLE_ID_PATTERN.test(name.slice(0, -4)))
      .sort()
  }

  private async userIds(): Promise<string[]> {
    return (await this.userFiles()).map((file) => file.slice(0, -'.csl'.length))
  }
}

function isBundled(id: string): id is BundledCitationStyle {
  return (BUNDLED_CITATION_STYLES as readonly string[]).includes(id)
}

/** The `<title>` in a style's `<info>`, its entities decoded. */
function titleOf(xml: string): string | undefined {
  const raw = /<info>[\s\S]*?<title>([^<]*)<\/title>/.exec(xml)?.[1]?.trim()
  if (raw === undefined || raw === '') return undefined
  return raw
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}
