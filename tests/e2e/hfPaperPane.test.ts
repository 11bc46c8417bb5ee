// A paper imported from the Hugging Face API, as the reader shows it: its day
// on Daily Papers, comments and stars among the metadata, and the AI summary
// and keywords in their own section, labelled as Hugging Face's, apart from
// the authors' abstract.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import { appSession } from './harness/appSession'
import { makeLibraryDir } from './harness/launchApp'
import { scrollToRow } from './harness/paperList'

const DAILY = fileURLToPath(
  new URL('../fixtures/formats/hf-api-daily-papers-2026-06-12.json', import.meta.url),
)

const session = appSession()

describe('a Hugging Face paper in the paper pane', () => {
  it('shows the AI summary and keywords apart from the abstract, and the HF counts', async () => {
    const libraryDir = await makeLibraryDir()
    const seed = await Library.open(libraryDir)
    await seed.api.importText({ text: await readFile(DAILY, 'utf8'), fileName: 'daily.json' })
    await seed.close()
    const app = await session.launch({ libraryDir })
    const { page } = app
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('30 papers')
    await (await scrollToRow(page, 'MiniMax Sparse Attention')).click()
    await expect
      .poll(() => page.getByTestId('paper-title').textContent())
      .toBe('MiniMax Sparse Attention')
    expect(await page.getByTestId('paper-daily-date').textContent()).toBe('Jun 12, 2026')
    expect(await page.getByTestId('paper-comments').textContent()).toBe('4')
    expect(await page.getByTestId('paper-github-stars').textContent()).toBe('251')
    const section = page.getByRole('region', { name: /AI summary/ })
    expect(await section.getByRole('heading').textContent()).toBe(
      'AI summary written by Hugging Face, not the authors',
    )
    expect(await page.getByTestId('paper-ai-summary').textContent()).toBe(
      'MiniMax Sparse Attention enables efficient processing of ultra-long contexts in large language models through blockwise sparsity and optimized GPU execution, achieving significant speedups while maintaining performance.',
    )
    expect(
      await page.getByTestId('paper-ai-keywords').getByRole('listitem').allTextContents(),
    ).toEqual([
      'sparse attention',
      'Grouped Query Attention',
      'Top-k selection',
      'blockwise sparse attention',
      'tensor-core utilization',
      'prefill',
      'decoding',
      'attention compute',
      'context length',
    ])
    const abstract = (await page.getByTestId('paper-abstract').textContent()) ?? ''
    expect(abstract.startsWith('Ultra-long-context capability is becoming indispensable')).toBe(
      true,
    )
    expect(abstract).not.toContain('enables efficient processing of ultra-long contexts')
    await section.scrollIntoViewIfNeeded()
    await app.screenshot('hf-paper-ai-summary')
  })
})
