// ESLint flat config. It lives in .config/ to keep the project's top level to
// the fixed set of entries. basePath is absolute: with --config, ESLint would
// resolve a relative one against the working directory, not this folder.
import { fileURLToPath } from 'node:url'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const root = fileURLToPath(new URL('..', import.meta.url))

// The layers of src/ (README, "Layout"): shared ← core ← {app, cli}; shared ←
// renderer; preload imports shared and electron only. Each zone names a folder
// and the folders it must not import from; imports are resolved to real files
// first, so `../../app/ipc` and `src/main/app/ipc` are the same import.
const LAYERS = [
  {
    target: 'src/shared',
    from: ['src/main', 'src/preload', 'src/renderer'],
    message: 'src/shared is the bottom layer: it imports nothing from main, preload or renderer.',
  },
  {
    target: 'src/main/core',
    from: ['src/main/app', 'src/main/cli', 'src/preload', 'src/renderer'],
    message: 'src/main/core is plain Node under app and cli: it imports only core and shared.',
  },
  {
    target: 'src/main/app',
    from: ['src/main/cli', 'src/preload', 'src/renderer'],
    message: 'src/main/app and src/main/cli both stand on core: neither imports the other.',
  },
  {
    target: 'src/main/cli',
    from: ['src/main/app', 'src/preload', 'src/renderer'],
    message: 'src/main/app and src/main/cli both stand on core: neither imports the other.',
  },
  {
    target: 'src/preload',
    from: ['src/main', 'src/renderer'],
    message: 'src/preload imports only shared and electron.',
  },
  {
    target: 'src/renderer',
    from: ['src/main', 'src/preload'],
    message: 'src/renderer reaches main only through the API in src/shared (window.offprint).',
  },
]

/** Packages a layer must not import, by name (a package has no path of ours to resolve). */
const noElectron = {
  name: 'electron',
  message: 'Only src/main/app and src/preload may import electron.',
}
const DOM_ONLY = ['react', 'react-dom', 'react-dom/client', 'dompurify'].map((name) => ({
  name,
  message: 'src/shared runs in main too: no DOM-only package.',
}))
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'location'].map((name) => ({
  name,
  message: 'src/shared runs in main too: no DOM global.',
}))
const NODE_GLOBALS = ['process', 'Buffer', '__dirname', '__filename', 'require'].map((name) => ({
  name,
  message: 'src/shared runs in the renderer too: no Node global.',
}))

export default tseslint.config(
  {
    basePath: root,
    ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'bench-results/**'],
  },
  {
    basePath: root,
    files: ['**/*.{ts,tsx,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  // Type-aware rules: a promise nobody awaits loses its error (and, for a
  // write, the moment it is durable); one handed where a void callback is
  // expected (an event handler) does the same. Each file is checked with the
  // tsconfig that covers it (renderer, e2e tests, or the root one). Text that
  // is no file of any project (tests/unit/layering.test.ts plants imports that
  // way) is linted without them: OFFPRINT_LINT_WITHOUT_TYPES=1.
  ...(process.env['OFFPRINT_LINT_WITHOUT_TYPES'] === '1'
    ? []
    : [
        {
          basePath: root,
          files: ['**/*.{ts,tsx}'],
          languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
          rules: {
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/no-misused-promises': 'error',
            '@typescript-eslint/await-thenable': 'error',
          },
        },
      ]),
  {
    basePath: root,
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts', 'tests/**/*.ts', '*.ts', '.config/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Layering and cycles, on src/ only (tests may reach into any layer).
    basePath: root,
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Read imported .ts files too (no-cycle follows them), with the TypeScript parser.
      'import-x/extensions': ['.ts', '.tsx', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.mjs', '.js', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: LAYERS }],
      // Type-only imports are erased at build time and do not count.
      'import-x/no-cycle': 'error',
    },
  },
  {
    // The core (and shared, below) must run without Electron: vitest, CLI, browser harness.
    basePath: root,
    files: ['src/main/core/**/*.ts', 'src/main/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    // Shared runs in every process: no electron, no node: module, nothing DOM-only.
    basePath: root,
    files: ['src/shared/**/*.ts'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': ['error', { paths: [noElectron, ...DOM_ONLY] }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS, ...NODE_GLOBALS],
    },
  },
  {
    // Preload is sandboxed: electron and src/shared, nothing else.
    basePath: root,
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.)',
              message: 'src/preload imports only shared and electron.',
            },
          ],
        },
      ],
    },
  },
  {
    basePath: root,
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
)
