// `npm run bench`: builds synthetic libraries and measures each operation
// against a reference measured in the same run on the same data. Prints a
// table and writes bench-results/latest.{json,md}. Sizes: BENCH_SIZES=1000,10000
import { execFile } from 'node:child_process'
import { build } from 'esbuild'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Library } from '../../src/main/core/library'
import type { Paper } from '../../src/shared/model'
import { listFiles } from '../unit/support/libraryFolder'
import { unitOf, type BenchRow } from './benchRow'
import { timeDurableEdits, type EditTimes } from './durableEdits'
import { benchFullParser, benchImportBibtex } from './importBibtex'
import { benchImportHf, savedPageOf, syntheticHfResponse } from './importHf'
import { benchCitations } from './citations'
import { benchLinkedNotes } from './linkedNotes'
import { benchSyncMerge } from './syncMerge'
import { benchToday } from './todayInbox'
import { benchPdfFirstPage } from './pdfFirstPage'
import { benchPdfExtraction, benchPdfSearch } from './pdfText'
import { benchPdfLibrarySearch } from './pdfSearchLibrary'
import { median, percentile, time } from './measure'
import type { ReferenceFigures, RestartFigures } from './restartWorker'
import { synthesize, writeSyntheticLibrary } from './syntheticLibrary'

const SIZES = (process.env['BENCH_SIZES'] ?? '1000,10000,50000,100000').split(',').map(Number)
/** BibTeX entries imported (once: it takes minutes at 100k); defaults to the largest size. */
const IMPORT_ENTRIES = Number(process.env['BENCH_IMPORT_ENTRIES'] ?? Math.max(...SIZES))
/** Papers in the Hugging Face API response and saved page imported; 0 skips them. */
const HF_PAPERS = Number(process.env['BENCH_HF_PAPERS'] ?? 2000)
const RESULTS_DIR = fileURLToPath(new URL('../../bench-results', import.meta.url))
const RESTART_WORKER = fileURLToPath(new URL('./restartWorker.ts', import.meta.url))
/** Fresh processes started on each library, for the restart and memory rows. */
const RESTARTS = 3
const SEARCH_BENCH = fileURLToPath(new URL('./search.bench.ts', import.meta.url))
/** Papers for the search rows (its own child process); 0 skips them. */
const SEARCH_PAPERS = Number(process.env['BENCH_SEARCH_PAPERS'] ?? Math.max(...SIZES))
const SAVES = 200
/** Papers in the library Today's 2,000 new items are ranked against; 0 skips Today's rows. */
const TODAY_PAPERS = Number(process.env['BENCH_TODAY_PAPERS'] ?? Math.max(...SIZES))
/** The PDF reader's row needs the built renderer (npm run build) and Chromium; 0 skips it. */
const PDF_READER = process.env['BENCH_PDF'] !== '0'
/** PDFs extracted and indexed, and PDFs' text searched (issue 17); 0 skips them. */
const BENCH_PDFS = Number(process.env['BENCH_PDFS'] ?? 1000)
const BENCH_PDF_SEARCH = Number(process.env['BENCH_PDF_SEARCH'] ?? 10000)
const BENCH_PDF_LIBRARY = Number(process.env['BENCH_PDF_LIBRARY'] ?? 10000)

const rows: BenchRow[] = []

function record(row: Omit<BenchRow, 'ratio'>): void {
  const ratio = row.referenceMs === undefined ? undefined : row.timeMs / row.referenceMs
  rows.push(ratio === undefined ? row : { ...row, ratio })
  const shown = ratio === undefined ? '' : ` (${ratio.toFixed(2)}×)`
  const unit = unitOf(row)
  console.log(`  ${row.operation}: ${row.timeMs.toFixed(2)} ${unit}${shown}`)
}

async function benchSize(count: number): Promise<void> {
  console.log(`\n${count} papers`)
  const dir = await mkdtemp(join(tmpdir(), `offprint-bench-${count}-`))
  try {
    const generated = synthesize(count)
    const generation = await time(() => writeSyntheticLibrary(dir, generated))
    const files = (await listFiles(dir)).filter((path) => path.endsWith('.json'))
    let bytes = 0
    for (const file of files) bytes += (await readFile(file)).length
    console.log(
      `  generated in ${(generation / 1000).toFixed(1)} s: ${(bytes / 1e6).toFixed(1)} MB`,
    )

    const library = await Library.open(dir)
    const scratch = join(dir, 'reference-record.json')
    const recordEdits = (operation: string, times: EditTimes, reference: string): void => {
      for (const p of [50, 95]) {
        record({
          papers: count,
          operation: `${operation}, durable (p${p} of ${SAVES})`,
          timeMs: percentile(times.edits, p),
          referenceMs: percentile(times.references, p),
          reference,
          target: 'p95 ≤ 20 ms',
        })
      }
    }

    // Each edit touches another paper: 7919 is prime, so the first SAVES are distinct.
    const paperAt = (i: number): Paper => {
      const paper = generated.papers[(i * 7919) % generated.papers.length]
      if (paper === undefined) throw new Error('the synthetic library has no papers')
      return paper
    }
    const noteBody = (i: number): string =>
      `# Note ${i}\n\n${'A line of a note, as a researcher writes it. '.repeat(60 + (i % 40))}`
    const notes = await timeDurableEdits(SAVES, scratch, {
      apply: (i) => library.api.saveNote({ paperId: paperAt(i).id, body: noteBody(i) }),
      bytes: noteBody,
    })
    recordEdits('save one note', notes, "fs.writeFile + fsync of the note's bytes alone")

    const toggled = (i: number): Paper => ({ ...paperAt(i), starred: !paperAt(i).starred })
    const stars = await timeDurableEdits(SAVES, scratch, {
      apply: (i) =>
        library.api.setStarred({ paperIds: [paperAt(i).id], starred: toggled(i).starred }),
      bytes: (i) => JSON.stringify(toggled(i)),
    })
    recordEdits('toggle a star', stars, "fs.writeFile + fsync of the paper's bytes alone")

    const target = generated.collections[0]
    if (target === undefined) throw new Error('the synthetic library has no collections')
    const filedIds = [...target.paperIds]
    const filed = await timeDurableEdits(SAVES, scratch, {
      apply: (i) => {
        const paperId = paperAt(i + SAVES).id
        if (!filedIds.includes(paperId)) filedIds.push(paperId)
        return library.api.addToCollection({ collectionId: target.id, paperIds: [paperId] })
      },
      bytes: () => JSON.stringify({ ...target, paperIds: filedIds }),
    })
    recordEdits(
      'add a paper to a collection',
      filed,
      "fs.writeFile + fsync of the collection's bytes alone",
    )
    await benchLinkedNotes(library, generated.papers, record)
    await benchCitations(library, generated.papers, record)
    await library.close()
    await benchSyncMerge(dir, generated.papers, record)

    // Each start is a fresh process, as the app starts (after one untimed
    // warm-up of each); closing above saved the search index (a large
    // library's), so each start loads it.
    const references: ReferenceFigures[] = []
    const restarts: RestartFigures[] = []
    for (let i = 0; i <= RESTARTS; i++) {
      const reference = await runWorker<ReferenceFigures>(dir, 'reference')
      const restart = await runWorker<RestartFigures>(dir, 'start')
      if (i === 0) continue
      references.push(reference)
      restarts.push(restart)
    }
    const reference = median(references.map((figures) => figures.parseMs))
    const freshReference = `JSON.parse of the same bytes read raw (fresh process, median of ${RESTARTS})`
    record({
      papers: count,
      operation: `open the library (read + parse + ready to list; fresh process, median of ${RESTARTS})`,
      timeMs: median(restarts.map((figures) => figures.listMs)),
      referenceMs: reference,
      reference: freshReference,
      target: '≤ 1.5×',
    })
    record({
      papers: count,
      operation: `search ready after a start (open → first search answered; fresh process, median of ${RESTARTS})`,
      timeMs: median(restarts.map((figures) => figures.searchMs)),
      referenceMs: reference,
      reference: freshReference,
      target: '≤ 2 s',
    })
    record({
      papers: count,
      operation: `main-process memory after open, search ready (RSS, MB; fresh process, median of ${RESTARTS})`,
      timeMs: median(restarts.map((figures) => figures.rss)) / 1e6,
      referenceMs: bytes / 1e6,
      reference: 'the size of the JSON bytes (MB)',
      target: '≤ 700 MB',
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Runs the search bench in a fresh process (its own heap) and returns its rows. */
async function searchRows(papers: number): Promise<BenchRow[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'offprint-bench-search-'))
  const rowsFile = join(scratch, 'rows.json')
  try {
    await new Promise<void>((resolve, reject) => {
      const child = execFile(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', SEARCH_BENCH],
        {
          env: {
            ...process.env,
            OFFPRINT_BENCH_PAPERS: String(papers),
            OFFPRINT_BENCH_ROWS: rowsFile,
          },
          maxBuffer: 16 * 1024 * 1024,
        },
        (error) => (error ? reject(error) : resolve()),
      )
      child.stdout?.pipe(process.stdout)
    })
    return JSON.parse(await readFile(rowsFile, 'utf8')) as BenchRow[]
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/** restartWorker.ts bundled into plain JavaScript, once per run. */
let bundledWorker: Promise<string> | undefined
function restartWorker(): Promise<string> {
  bundledWorker ??= (async () => {
    const outfile = join(await mkdtemp(join(tmpdir(), 'offprint-bench-worker-')), 'worker.mjs')
    await build({
      entryPoints: [RESTART_WORKER],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Bundled CommonJS packages still call require().
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
      logLevel: 'error',
    })
    return outfile
  })()
  return bundledWorker
}

/** Runs restartWorker.ts on `dir` in a fresh process and returns what it measured. */
async function runWorker<T>(dir: string, mode: 'start' | 'reference'): Promise<T> {
  const worker = await restartWorker()
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', worker, dir, mode],
      { maxBuffer: 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as T)),
    )
  })
}

function markdownTable(): string {
  const lines = [
    '| papers | operation | time | reference | reference time | ratio | target at 100k |',
    '| ---: | --- | ---: | --- | ---: | ---: | --- |',
  ]
  for (const row of rows) {
    const unit = ` ${unitOf(row)}`
    lines.push(
      `| ${row.papers.toLocaleString('en')} | ${row.operation} | ${row.timeMs.toFixed(1)}${unit} | ${row.reference} | ${
        row.referenceMs === undefined ? '—' : `${row.referenceMs.toFixed(1)}${unit}`
      } | ${row.ratio === undefined ? '—' : `${row.ratio.toFixed(2)}×`} | ${row.target} |`,
    )
  }
  return lines.join('\n')
}

async function main(): Promise<void> {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`
  console.log(`Offprint benchmark on ${machine}`)
  for (const size of SIZES) await benchSize(size)
  if (IMPORT_ENTRIES > 0) {
    console.log(`\nimport ${IMPORT_ENTRIES} BibTeX entries`)
    const result = await benchImportBibtex(IMPORT_ENTRIES)
    const size = `${result.megabytes.toFixed(0)} megabytes`
    const speed = `${(result.megabytes / (result.importMs / 1000)).toFixed(1)} megabytes/s`
    const json = 'JSON.parse of the same entries as JSON'
    record({
      papers: IMPORT_ENTRIES,
      operation: `import BibTeX entries (${size}; parse, match, durable write: ${speed})`,
      timeMs: result.importMs,
      referenceMs: result.jsonParseMs,
      reference: json,
      target: '≥ 10 MB/s',
    })
    const cpuSpeed = `${(result.megabytes / (result.importCpuMs / 1000)).toFixed(1)} megabytes/s`
    record({
      papers: IMPORT_ENTRIES,
      operation: `import BibTeX entries, CPU time of the process (${cpuSpeed}; the row above waits on a shared machine too)`,
      timeMs: result.importCpuMs,
      referenceMs: result.jsonParseMs,
      reference: json,
      target: '≥ 10 MB/s',
    })
    record({
      papers: IMPORT_ENTRIES,
      operation: `BibTeX import until a search finds the imported papers (the index takes them in the background after the write)`,
      timeMs: result.searchReadyMs,
      referenceMs: result.importMs,
      reference: 'the import (wall time, first row)',
      target: '—',
    })
    record({
      papers: IMPORT_ENTRIES,
      operation: `BibTeX stage one alone: the scan to raw values (${size})`,
      timeMs: result.scanMs,
      referenceMs: result.jsonParseMs,
      reference: json,
      target: '—',
    })
    record({
      papers: IMPORT_ENTRIES,
      operation: `BibTeX import: peak memory (RSS, MB; ${result.fallback} of ${result.fast + result.fallback} values through the full parser)`,
      timeMs: result.peakRssMb,
      referenceMs: result.rssBeforeMb,
      reference: 'RSS before the import (MB)',
      target: '—',
    })
    if (process.env['BENCH_BIBTEX_PARSER'] !== '0') {
      // Last: it takes minutes at 100k (its first stage grows with the square of the entries).
      const parserMs = await benchFullParser(IMPORT_ENTRIES)
      record({
        papers: IMPORT_ENTRIES,
        operation: `@retorquere/bibtex-parser alone on the same file (${size}; the import before issue 21)`,
        timeMs: parserMs,
        referenceMs: result.importMs,
        reference: 'the import above',
        target: '—',
      })
    }
  }

  if (HF_PAPERS > 0) {
    console.log(`\nimport ${HF_PAPERS} Hugging Face papers`)
    const response = await syntheticHfResponse(HF_PAPERS)
    for (const [form, text] of [
      ['API response', response],
      ['saved page', savedPageOf(response)],
    ] as const) {
      const result = await benchImportHf(text, response, HF_PAPERS)
      const reference =
        'JSON.parse of the same JSON + writing the added papers (JSON.stringify, write, fsync)'
      record({
        papers: HF_PAPERS,
        operation: `import a Hugging Face ${form} (${result.megabytes.toFixed(1)} megabytes; parse, match, durable write)`,
        timeMs: result.importMs,
        referenceMs: result.referenceMs,
        reference,
        target: '≤ 3×',
      })
      record({
        papers: HF_PAPERS,
        operation: `import a Hugging Face ${form}, CPU time of the process (the row above waits on a shared machine too)`,
        timeMs: result.importCpuMs,
        referenceMs: result.referenceCpuMs,
        reference: `${reference}, CPU time`,
        target: '≤ 3×',
      })
    }
  }

  if (TODAY_PAPERS > 0) {
    console.log(`\nToday: rank 2000 new items at ${TODAY_PAPERS} papers, refresh 3 feeds of 500`)
    await benchToday(TODAY_PAPERS, 2000, 500, record)
  }

  if (PDF_READER) {
    console.log('\nPDF reader (the built renderer in Chromium)')
    for (const row of await benchPdfFirstPage()) record(row)
  }

  if (BENCH_PDFS > 0) {
    console.log(`\nextract and index the text of ${BENCH_PDFS} PDFs`)
    await benchPdfExtraction(BENCH_PDFS, record)
  }
  if (BENCH_PDF_SEARCH > 0) {
    console.log(`\nsearch ${BENCH_PDF_SEARCH} PDFs' text`)
    benchPdfSearch(BENCH_PDF_SEARCH, record)
  }
  if (BENCH_PDF_LIBRARY > 0) {
    console.log(`\nsearch ${BENCH_PDF_LIBRARY} papers with their PDFs' text (listPapers)`)
    await benchPdfLibrarySearch(BENCH_PDF_LIBRARY, record)
  }
  if (SEARCH_PAPERS > 0) {
    console.log(`\nsearch at ${SEARCH_PAPERS} papers (npm run bench:search)`)
    for (const row of await searchRows(SEARCH_PAPERS)) record(row)
  }

  const saveP95 = (papers: number) =>
    rows.find(
      (row) =>
        row.papers === papers &&
        row.operation.startsWith('save one note') &&
        row.operation.includes('p95'),
    )?.timeMs
  const smallest = saveP95(Math.min(...SIZES))
  const largest = saveP95(Math.max(...SIZES))
  const scaling =
    smallest === undefined || largest === undefined ? undefined : (largest / smallest).toFixed(2)

  if (bundledWorker !== undefined) {
    await rm(dirname(await bundledWorker), { recursive: true, force: true })
  }

  const table = markdownTable()
  const summary =
    scaling === undefined
      ? ''
      : `\nNote save p95, largest / smallest library: ${scaling} (target ≤ 1.5)\n`
  const markdown = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\n${table}\n${summary}`
  console.log(`\n${markdown}`)
  await mkdir(RESULTS_DIR, { recursive: true })
  await writeFile(join(RESULTS_DIR, 'latest.md'), markdown)
  await writeFile(
    join(RESULTS_DIR, 'latest.json'),
    `${JSON.stringify({ machine, date: new Date().toISOString(), rows, noteSaveP95Scaling: scaling }, null, 2)}\n`,
  )
}

void main()
