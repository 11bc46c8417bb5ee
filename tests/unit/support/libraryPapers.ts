// Every paper of a library in full, read the way the CLI reads them: through
// the API (the ids in list order, then each paper).
import type { Paper, PaperSort } from '../../../src/shared/model'
import type { Library } from '../../../src/main/core/library'

export async function allPapers(library: Library, sort: PaperSort = 'published'): Promise<Paper[]> {
  const ids = await library.api.listPaperIds({ sort })
  return Promise.all(ids.map((id) => library.api.getPaper({ id })))
}
