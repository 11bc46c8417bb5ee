// Runs axe-core (the accessibility engine) in the page. Its source goes in
// through page.evaluate, which the page's CSP does not govern: an inline
// <script> (page.addScriptTag) would be refused by `script-src 'self'`.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { AxeResults, ImpactValue } from 'axe-core'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

export interface AxeFinding {
  id: string
  impact: ImpactValue | undefined
  help: string
  /** Each offending element's selector and what is wrong with it. */
  nodes: string[]
}

/** Every violation axe finds in the page as it is now. */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window)
  if (!loaded) await page.evaluate(await readFile(AXE_SOURCE, 'utf8'))
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe
    const results = await axe.run(document)
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? undefined,
      help: violation.help,
      nodes: violation.nodes.map(
        (node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`,
      ),
    }))
  })
}

/** The violations a user is badly hurt by: what the suite must keep at zero. */
export function seriousOnes(findings: AxeFinding[]): AxeFinding[] {
  return findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical')
}

/** Fails the test if the page as it is now has a serious accessibility violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const findings = seriousOnes(await runAxe(page))
  expect(findings, `${screen}: ${JSON.stringify(findings, null, 2)}`).toEqual([])
}
