// The words of the PDF benches' generated texts (pdfText.ts, pdfSearchLibrary.ts).

export const PDF_WORDS = (
  'model training data learning neural network attention layer token sequence retrieval ' +
  'robot policy reward agent benchmark dataset evaluation loss gradient sparse expert ' +
  'diffusion image video language graph kernel transformer embedding vector cluster ' +
  'baseline ablation scaling inference latency memory throughput accuracy precision recall'
).split(' ')

/** Deterministic text: page `page` of document `doc`, `lines` lines, a word unique to the document. */
export function pageLines(doc: number, page: number, lines: number): string[] {
  return Array.from({ length: lines }, (_, line) => {
    const words = Array.from(
      { length: 12 },
      (_, w) => PDF_WORDS[(doc * 31 + page * 17 + line * 7 + w * 13) % PDF_WORDS.length] ?? 'word',
    )
    if (line === 0) words.push(`doc${doc}`)
    return words.join(' ')
  })
}
