// The layers of src/ hold because lint says so: shared ← core ← {app, cli};
// shared ← renderer; preload imports shared and electron only. Each case lints
// a planted file (text only, never written) at a path inside the tree, with the
// project's own ESLint config, and expects the layering rule to name it.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ESLint, type Linter } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')
const CONFIG = '.config/eslint.config.mjs'

let eslint: ESLint

// A planted file is text that no TypeScript project knows, so it is linted
// without the type-aware rules (the layering rules need no types).
const WITHOUT_TYPES = { OFFPRINT_LINT_WITHOUT_TYPES: '1' }

beforeAll(() => {
  Object.assign(process.env, WITHOUT_TYPES)
  eslint = new ESLint({ overrideConfigFile: CONFIG, cwd: ROOT })
})

/** What lint says about `code` if it were the file at `path` (relative to the project). */
async function lint(path: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) })
  return result?.messages ?? []
}

const PATHS = 'import-x/no-restricted-paths'
const IMPORTS = 'no-restricted-imports'

describe('lint keeps each layer of src/ to what it may import', () => {
  it('a core file that imports the Electron app fails lint', async () => {
    expect(
      await lint('src/main/core/planted.ts', "export { registerIpc } from '../app/ipc'\n"),
    ).toEqual([
      expect.objectContaining({
        ruleId: PATHS,
        message: expect.stringContaining(
          'src/main/core is plain Node under app and cli: it imports only core and shared.',
        ),
      }),
    ])
  })

  it('a core file that imports electron or the CLI fails lint', async () => {
    const messages = await lint(
      'src/main/core/organize/planted.ts',
      "import { app } from 'electron'\nimport { runCli } from '../../cli/main'\nexport const x = [app, runCli]\n",
    )
    expect(messages).toEqual([
      expect.objectContaining({
        ruleId: IMPORTS,
        message: expect.stringContaining('Only src/main/app and src/preload may import electron.'),
      }),
      expect.objectContaining({ ruleId: PATHS, line: 2 }),
    ])
  })

  it('a renderer file that imports the core fails lint', async () => {
    expect(
      await lint(
        'src/renderer/src/planted.ts',
        "export { Library } from '../../main/core/library'\n",
      ),
    ).toEqual([
      expect.objectContaining({
        ruleId: PATHS,
        message: expect.stringContaining('src/renderer reaches main only through the API'),
      }),
    ])
  })

  it('a preload file that imports node:fs, or any package but electron, fails lint', async () => {
    const messages = await lint(
      'src/preload/planted.ts',
      "import { readFile } from 'node:fs'\nimport { z } from 'zod'\nimport { ipcRenderer } from 'electron'\nexport const x = [readFile, z, ipcRenderer]\n",
    )
    expect(messages.map(({ ruleId, line, message }) => ({ ruleId, line, message }))).toEqual([
      {
        ruleId: IMPORTS,
        line: 1,
        message: expect.stringContaining('src/preload imports only shared and electron.'),
      },
      {
        ruleId: IMPORTS,
        line: 2,
        message: expect.stringContaining('src/preload imports only shared and electron.'),
      },
    ])
  })

  it('a preload file that imports main fails lint', async () => {
    expect(
      await lint(
        'src/preload/planted.ts',
        "export { dispatch } from '../main/core/kernel/dispatch'\n",
      ),
    ).toEqual([expect.objectContaining({ ruleId: PATHS })])
  })

  it('a shared file that imports node:fs or electron, or reads window or process, fails lint', async () => {
    const messages = await lint(
      'src/shared/text/planted.ts',
      "import { readFile } from 'node:fs'\nimport { app } from 'electron'\nexport const x = [readFile, app, window.name, process.env]\n",
    )
    expect(messages.map(({ ruleId, message }) => ({ ruleId, message }))).toEqual([
      {
        ruleId: 'import-x/no-nodejs-modules',
        message: 'Do not import Node.js builtin module "node:fs"',
      },
      { ruleId: IMPORTS, message: expect.stringContaining('may import electron') },
      {
        ruleId: 'no-restricted-globals',
        message: expect.stringContaining('src/shared runs in main too: no DOM global.'),
      },
      {
        ruleId: 'no-restricted-globals',
        message: expect.stringContaining('src/shared runs in the renderer too: no Node global.'),
      },
    ])
  })

  it('a shared file that imports the core fails lint', async () => {
    expect(
      await lint('src/shared/planted.ts', "export { Library } from '../main/core/library'\n"),
    ).toEqual([
      expect.objectContaining({
        ruleId: PATHS,
        message: expect.stringContaining('src/shared is the bottom layer'),
      }),
    ])
  })

  it('a CLI file that imports the Electron app fails lint, and so does an app file importing the CLI', async () => {
    const message = expect.stringContaining(
      'src/main/app and src/main/cli both stand on core: neither imports the other.',
    )
    expect(
      await lint('src/main/cli/planted.ts', "export { registerIpc } from '../app/ipc'\n"),
    ).toEqual([expect.objectContaining({ ruleId: PATHS, message })])
    expect(await lint('src/main/app/planted.ts', "export { runCli } from '../cli/main'\n")).toEqual(
      [expect.objectContaining({ ruleId: PATHS, message })],
    )
  })

  it('a core file that imports shared, and an app file that imports the core, pass lint', async () => {
    expect(
      await lint(
        'src/main/core/planted.ts',
        "import { channelFor } from '../../shared/api'\nexport const x = channelFor\n",
      ),
    ).toEqual([])
    expect(
      await lint('src/main/app/planted.ts', "export { Library } from '../core/library'\n"),
    ).toEqual([])
  })

  it('an import cycle in src/ fails lint', async () => {
    // searchIndex.ts imports editDistance.ts: editDistance importing it back closes a loop.
    const messages = await lint(
      'src/main/core/search/editDistance.ts',
      "import { SearchIndex } from './searchIndex'\nexport const x = SearchIndex\nexport function withinEditDistance(): boolean {\n  return true\n}\n",
    )
    expect(messages).toEqual([
      expect.objectContaining({
        ruleId: 'import-x/no-cycle',
        message: 'Dependency cycle detected',
      }),
    ])
  })

  it('`npm run lint`’s command fails on a planted file', () => {
    // The script's own command line, fed the planted file on stdin instead of the tree.
    const script = (
      JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
        scripts: { lint: string }
      }
    ).scripts.lint
    const [command, ...args] = script.replace(/ \.$/, '').split(' ')
    expect(command).toBe('eslint')
    const run = spawnSync(
      resolve(ROOT, 'node_modules/.bin/eslint'),
      [...args, '--stdin', '--stdin-filename', 'src/main/core/planted.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, ...WITHOUT_TYPES },
        input: "export { registerIpc } from '../app/ipc'\n",
        encoding: 'utf8',
      },
    )
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('import-x/no-restricted-paths')
  })
})
