import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

// lowdb (and its writer, steno) and stemmer ship as ES modules only, while main
// is built as CommonJS; bundling them avoids a require() of an ES module at run
// time. The BibTeX parser and unicode2latex declare "type": "module" over
// CommonJS builds that Node then refuses to load, so their ES builds are bundled too.
const bundledInMain = ['lowdb', 'steno', 'stemmer', '@retorquere/bibtex-parser', 'unicode2latex']

/**
 * The dev server injects an inline React Refresh preamble and talks to the page
 * over a websocket; the shipped CSP forbids both. Loosen it for `npm run dev`
 * only: built files keep the strict policy that the tests check.
 */
function devServerCsp(): Plugin {
  return {
    name: 'offprint-dev-server-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:*"),
  }
}

/**
 * KaTeX's stylesheet offers each font as woff2, woff and ttf. Chromium (all
 * Electron is) takes woff2, so the other two would only add ~0.9 MB of unused
 * files to the app: keep woff2 alone.
 */
function katexWoff2Only(): Plugin {
  return {
    name: 'offprint-katex-woff2-only',
    // Before Vite's own CSS plugin resolves the url()s into emitted assets.
    enforce: 'pre',
    transform(code, id) {
      if (!/katex(\.min)?\.css(\?|$)/.test(id)) return undefined
      return code.replace(/,\s*url\([^)]+\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, '')
    },
  }
}

/**
 * pdf.js draws a PDF's note annotations with its own icons, loaded by name
 * (`<imageResourcesPath>annotation-note.svg`), so they are shipped under those
 * names beside the page (see features/pdf/readerView.ts), from pdfjs-dist itself.
 */
function pdfAnnotationIcons(): Plugin {
  const folder = resolve(__dirname, 'node_modules/pdfjs-dist/web/images')
  return {
    name: 'offprint-pdf-annotation-icons',
    apply: 'build',
    generateBundle() {
      for (const name of readdirSync(folder).filter((file) => /^annotation-\w+\.svg$/.test(file))) {
        this.emitFile({
          type: 'asset',
          fileName: `pdf-annotations/${name}`,
          source: readFileSync(resolve(folder, name)),
        })
      }
    },
  }
}

/**
 * pdf.js's viewer stylesheet is global, and a few of its class names are ours
 * too: `.toggle-button`, `.dialog` and `.sidebar` (pdf.js's own viewer app's
 * widgets, which the embedded viewer never creates). Loaded as is, they restyle
 * the window's toolbar, dialogs and sidebar once a PDF is opened. Renamed here,
 * they can only reach pdf.js's elements.
 */
const PDFJS_CLASHING_CLASSES = ['toggle-button', 'dialog', 'sidebar']

function pdfViewerCssScoped(): Plugin {
  const clashing = new RegExp(`\\.(${PDFJS_CLASHING_CLASSES.join('|')})(?![\\w-])`, 'g')
  return {
    name: 'offprint-pdf-viewer-css-scoped',
    enforce: 'pre',
    transform(code, id) {
      if (!/pdfjs-dist\/web\/pdf_viewer\.css(\?|$)/.test(id)) return undefined
      return code.replace(clashing, '.pdfjs-$1')
    },
  }
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: bundledInMain },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/app/index.ts'),
          // The headless CLI shares the core and runs with plain Node.
          cli: resolve(__dirname, 'src/main/cli/main.ts'),
          // The worker thread that reads PDFs' text (see attachments/pdfText/extractor.ts).
          pdfTextWorker: resolve(__dirname, 'src/main/core/attachments/pdfText/extractWorker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require() node_modules: bundle everything.
    build: { externalizeDeps: false },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [
      react(),
      devServerCsp(),
      katexWoff2Only(),
      pdfAnnotationIcons(),
      pdfViewerCssScoped(),
    ],
    build: {
      rolldownOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
  },
})
