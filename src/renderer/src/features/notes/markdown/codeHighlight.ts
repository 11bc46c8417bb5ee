// Syntax highlighting for code blocks in notes: highlight.js's core with the
// languages researchers paste most, so the bundle carries 14 grammars, not 190.
// It emits <span class="hljs-…"> only (no inline styles, which the CSP would
// refuse); the colours come from styles/reading.css and follow the theme.
import hljs from 'highlight.js/lib/core'
import bash from 'highlight.js/lib/languages/bash'
import cpp from 'highlight.js/lib/languages/cpp'
import javascript from 'highlight.js/lib/languages/javascript'
import json from 'highlight.js/lib/languages/json'
import julia from 'highlight.js/lib/languages/julia'
import latex from 'highlight.js/lib/languages/latex'
import markdown from 'highlight.js/lib/languages/markdown'
import plaintext from 'highlight.js/lib/languages/plaintext'
import python from 'highlight.js/lib/languages/python'
import r from 'highlight.js/lib/languages/r'
import rust from 'highlight.js/lib/languages/rust'
import sql from 'highlight.js/lib/languages/sql'
import typescript from 'highlight.js/lib/languages/typescript'
import yaml from 'highlight.js/lib/languages/yaml'

const LANGUAGES = {
  bash,
  cpp,
  javascript,
  json,
  julia,
  latex,
  markdown,
  plaintext,
  python,
  r,
  rust,
  sql,
  typescript,
  yaml,
}
for (const [name, grammar] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, grammar)

/** Highlighted HTML for a code block; unknown or missing languages are escaped plain text. */
export function highlightCode(code: string, language: string): string {
  const known = language !== '' && hljs.getLanguage(language) !== undefined
  return hljs.highlight(code, { language: known ? language : 'plaintext', ignoreIllegals: true })
    .value
}

/** Names a fence may use (```py, ```ts, ```sh …), for the README and tests. */
export function supportedLanguages(): string[] {
  return hljs.listLanguages()
}
