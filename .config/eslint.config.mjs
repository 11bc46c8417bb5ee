// ESLint flat config. It lives in .config/ to keep the project's top level to
// the fixed set of entries; basePath points file patterns at the project root.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  {
    basePath: '..',
    ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'bench-results/**'],
  },
  {
    basePath: '..',
    files: ['**/*.{ts,tsx,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    basePath: '..',
    files: [
      'src/main/**/*.ts',
      'src/preload/**/*.ts',
      'src/shared/**/*.ts',
      'tests/**/*.ts',
      '*.ts',
      '.config/**/*.mjs',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // The core must run without Electron (vitest, CLI, browser harness).
    basePath: '..',
    files: ['src/main/core/**/*.ts', 'src/main/cli/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['electron/*'] }],
    },
  },
  {
    basePath: '..',
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: ['**/main/**', 'node:*'] }],
    },
  },
)
