// `npm run bench:today`: Today's rows alone (npm run bench runs them too).
// Sizes: BENCH_TODAY_PAPERS (library, default 100000), BENCH_TODAY_ITEMS
// (new items, 2000), BENCH_TODAY_FEED_ITEMS (per feed, 500).
import { benchToday } from './todayInbox'

const papers = Number(process.env['BENCH_TODAY_PAPERS'] ?? 100_000)
const items = Number(process.env['BENCH_TODAY_ITEMS'] ?? 2000)
const perFeed = Number(process.env['BENCH_TODAY_FEED_ITEMS'] ?? 500)

void benchToday(papers, items, perFeed, (row) => {
  const ratio =
    row.referenceMs === undefined ? '' : ` (${(row.timeMs / row.referenceMs).toFixed(1)}×)`
  const cpu = row.cpuMs === undefined ? '' : ` (CPU ${row.cpuMs.toFixed(0)} ms)`
  console.log(
    `${row.operation} at ${row.papers}: ${row.timeMs.toFixed(0)} ms${cpu}${ratio}; reference ${row.referenceMs?.toFixed(1) ?? '-'} ms; target ${row.target}`,
  )
})
