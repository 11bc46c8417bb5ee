// The fixture as the graph tests use it: imported through the window, then
// linked through the core: ToolGen's note links Completeness, Completeness's
// links Vector, ToolGen "contrasts" Grasp (a relation), a standalone note links
// ToolGen and Completeness, and the collection "Tools" holds three papers.
import type { Paper } from '../../../src/shared/model'
import { formatWikiLink } from '../../../src/shared/text/wikiLinks'
import { importFixture } from './fixture'
import type { RunningApp } from './launchApp'

export const TOOLGEN = 'ToolGen: Unified Tool Retrieval and Calling via Generation'
export const COMPLETENESS = 'Towards Completeness-Oriented Tool Retrieval for Large Language Models'
export const VECTOR = 'Efficient and Scalable Estimation of Tool Representations in Vector Space'
export const GRASP = 'Learning to Grasp Anything by Playing with Random Toys'
export const READING_NOTE = 'Tool retrieval reading'

/** A method's answer through the harness's dispatcher (an error throws). */
export async function call<T>(app: RunningApp, method: string, args: unknown): Promise<T> {
  const response = await app.dispatch(method, args)
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`)
  return response.value as T
}

/** Sets the library up (see above); resolves to the papers' ids by title. */
export async function linkedLibrary(app: RunningApp): Promise<Map<string, string>> {
  await importFixture(app.page)
  await app.page.getByRole('button', { name: 'Dismiss' }).click()
  const ids = await call<string[]>(app, 'listPaperIds', {})
  const papers = await Promise.all(ids.map((id) => call<Paper>(app, 'getPaper', { id })))
  const idOf = new Map(papers.map((paper) => [paper.title, paper.id]))
  const id = (title: string): string => idOf.get(title) ?? ''
  const link = (title: string): string => formatWikiLink('paper', id(title), title)
  await call(app, 'saveNote', { paperId: id(TOOLGEN), body: `Builds on ${link(COMPLETENESS)}.` })
  await call(app, 'saveNote', { paperId: id(COMPLETENESS), body: `See ${link(VECTOR)}.` })
  await call(app, 'addRelation', { fromId: id(TOOLGEN), toId: id(GRASP), label: 'contrasts' })
  await call(app, 'createNote', {
    title: READING_NOTE,
    body: `${link(TOOLGEN)} then ${link(COMPLETENESS)}`,
  })
  await call(app, 'createCollection', {
    name: 'Tools',
    paperIds: [id(TOOLGEN), id(COMPLETENESS), id(GRASP)],
  })
  return idOf
}
