// The chosen citation style, as the note preview and Quick Copy read it and
// the preview's style menu changes it (the settings live in App; this carries
// them down without threading them through every pane).
import { createContext, useContext } from 'react'
import { DEFAULT_CITATION_STYLE } from '../../../../shared/model'

export interface CitationStyleChoice {
  style: string
  choose(style: string): void
}

export const CitationStyleContext = createContext<CitationStyleChoice>({
  style: DEFAULT_CITATION_STYLE,
  choose: () => undefined,
})

export function useCitationStyle(): CitationStyleChoice {
  return useContext(CitationStyleContext)
}
