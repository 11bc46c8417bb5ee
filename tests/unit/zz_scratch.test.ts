import { readFileSync } from 'node:fs'
import { it } from 'vitest'
import { parseHfListing } from '../../src/main/library/importers/hfListing'
import { RelatedPapersIndex } from '../../src/main/library/relatedPapers'
it('scratch', () => {
  const listing = parseHfListing(readFileSync('tests/fixtures/hf-daily-papers.txt', 'utf8'), { pageDate: '2026-02-09', today: '2026-02-10' })
  const index = new RelatedPapersIndex()
  listing.papers.forEach((p, i) => index.set(String(i), p.title, p.abstract))
  const wanted = [/^Spotlighting/, /^Learning to Grasp/, /^ObjectVLA/, /^Shortcut Learning/, /^Bridge Data/, /^FMB/, /^OXE/, /^Towards Completeness/, /^Data-Efficient Massive/, /^ToolGen/, /^Efficient and Scalable/, /^On the Tool Manipulation/, /^PhysToolBench/]
  listing.papers.forEach((p, i) => {
    if (!wanted.some((w) => w.test(p.title))) return
    console.log('\n## ' + p.title.slice(0, 70))
    for (const s of index.similarTo(String(i), 5)) console.log('   ' + s.score.toFixed(3) + ' ' + listing.papers[Number(s.id)]!.title.slice(0, 80))
  })
})
