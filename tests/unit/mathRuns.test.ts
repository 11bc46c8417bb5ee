// How abstracts and titles are split into text, math and styled runs, on the
// forms the Daily Papers listing really contains (tests/fixtures/hf-daily-papers.txt).
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  matchMathAt,
  splitMathRuns,
  type TextRun,
} from '../../src/renderer/src/features/notes/math/mathRuns'

const text = (value: string): TextRun => ({ kind: 'text', text: value })
const math = (tex: string, display = false): TextRun => ({ kind: 'math', tex, display })
const bold = (value: string): TextRun => ({ kind: 'styled', style: 'bold', text: value })

describe('the listing’s half-escaped forms', () => {
  it('reads \\% as a percent sign', () => {
    expect(splitMathRuns('improving the 7B base model by +24.9\\% on average')).toEqual([
      text('improving the 7B base model by +24.9% on average'),
    ])
  })

  it('reads π_0, pi_0 and \\pi_0 as math', () => {
    expect(splitMathRuns('such as OpenVLA and π_0 benefit')).toEqual([
      text('such as OpenVLA and '),
      math('\\pi_0'),
      text(' benefit'),
    ])
    expect(splitMathRuns('policies, e.g., pi_0, in both')).toEqual([
      text('policies, e.g., '),
      math('\\pi_0'),
      text(', in both'),
    ])
    expect(splitMathRuns('\\epsilon^{*} and \\alpha')).toEqual([
      math('\\epsilon^{*}'),
      text(' and '),
      math('\\alpha'),
    ])
  })

  it('leaves words that merely contain a Greek name alone', () => {
    expect(splitMathRuns('api_0 and spin_1 and pi alone and π itself')).toEqual([
      text('api_0 and spin_1 and pi alone and π itself'),
    ])
  })

  it('reads "$textbf{specialist} and textbf{generalist}$" as bold prose', () => {
    expect(
      splitMathRuns('fine-tuning of $textbf{specialist} and textbf{generalist}$ models.'),
    ).toEqual([
      text('fine-tuning of '),
      bold('specialist'),
      text(' and '),
      bold('generalist'),
      text(' models.'),
    ])
  })

  it('reads \\textbf{…} in running text as bold', () => {
    expect(splitMathRuns('Lion (Evo\\textbf{Lved Sign Momentum}). It')).toEqual([
      text('Lion (Evo'),
      bold('Lved Sign Momentum'),
      text('). It'),
    ])
  })

  it('leaves no raw $ or backslash in any abstract of the fixture', async () => {
    const fixture = await readFile(resolve(__dirname, '../fixtures/hf-daily-papers.txt'), 'utf8')
    for (const line of fixture.split('\n')) {
      const shown = splitMathRuns(line)
        .filter((run) => run.kind !== 'math')
        .map((run) => run.text)
        .join('')
      expect(shown).not.toMatch(/\$|\\[a-z%]/)
    }
  })
})

describe('real math', () => {
  it('finds each delimiter: $…$, $$…$$, \\(…\\) and \\[…\\]', () => {
    expect(splitMathRuns('cost $\\mathcal{O}(n^2)$ time')).toEqual([
      text('cost '),
      math('\\mathcal{O}(n^2)'),
      text(' time'),
    ])
    expect(splitMathRuns('so $$E = mc^2$$ holds')).toEqual([
      text('so '),
      math('E = mc^2', true),
      text(' holds'),
    ])
    expect(splitMathRuns('with \\(x_i\\) and \\[\\sum_i x_i\\]')).toEqual([
      text('with '),
      math('x_i'),
      text(' and '),
      math('\\sum_i x_i', true),
    ])
  })

  it('keeps single letters and single words as math', () => {
    expect(splitMathRuns('$x y$ and $abc$')).toEqual([math('x y'), text(' and '), math('abc')])
  })

  it('puts back a lost backslash and escapes a bare % inside math', () => {
    expect(splitMathRuns('$frac{1}{2}$ and $95%$')).toEqual([
      math('\\frac{1}{2}'),
      text(' and '),
      math('95\\%'),
    ])
  })

  it('does not take prices, lone dollars or unclosed delimiters for math', () => {
    for (const plain of [
      'It costs $5 and $10 a month.',
      'between $ 5 and 10 $',
      'an unclosed $x + y',
      'an unclosed \\(x',
      'two $$ signs',
    ]) {
      expect(splitMathRuns(plain)).toEqual([text(plain)])
    }
  })

  it('keeps an escaped dollar as a dollar, in text and inside math', () => {
    expect(splitMathRuns('a \\$5 fee')).toEqual([text('a $5 fee')])
    expect(matchMathAt('$a\\$b$ c', 0)).toEqual({ tex: 'a\\$b', display: false, end: 6 })
  })

  it('does not run inline math across paragraphs', () => {
    expect(matchMathAt('$a\n\nb$', 0)).toBeUndefined()
    expect(matchMathAt('$a\nb$', 0)).toEqual({ tex: 'a\nb', display: false, end: 5 })
  })
})
