// What the citations of a note read as in the chosen style, asked of main in
// one call per change of the set of citations (a moment after typing stops),
// and asked again when papers change (a key edited, a paper added or trashed).
// A note just opened asks at once. Until the new answer comes, the last one
// says what it knows, and a citation not yet formatted shows as written.
import { useCallback, useEffect, useMemo, useState } from 'react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { CitationRequest } from '../../../../shared/model'
import { parseCitations } from '../../../../shared/text/pandocCitations'
import { libraryQueries } from '../../data/libraryQueries'
import type { CitationView, RenderedCitation } from '../notes/markdown/citationMarkdown'

/** Pause after the last change before asking (typing a key changes it each keystroke). */
const FORMAT_DELAY_MS = 150

export function useCitations(
  body: string,
  style: string | undefined,
): CitationView & { count: number } {
  const citations = useMemo(() => {
    const found = parseCitations(body)
    return found.map((citation) => ({ raw: body.slice(citation.start, citation.end), citation }))
  }, [body])
  const signature = useMemo(() => citations.map((c) => c.raw).join('\n'), [citations])
  const [asked, setAsked] = useState<{ signature: string; requests: CitationRequest[] }>({
    signature: '',
    requests: [],
  })
  const opened = asked.signature === ''
  useEffect(() => {
    const timer = setTimeout(
      () =>
        setAsked({
          signature,
          requests: citations.map(({ citation }) => ({
            mode: citation.mode,
            items: citation.items,
          })),
        }),
      opened ? 0 : FORMAT_DELAY_MS,
    )
    return () => clearTimeout(timer)
    // The requests follow the signature: the same citations ask the same question.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature])
  const { data } = useQuery({
    ...libraryQueries.citations(style, asked.requests),
    enabled: asked.requests.length > 0 && style !== undefined,
    placeholderData: keepPreviousData,
  })
  const byRaw = useMemo(() => {
    const map = new Map<string, RenderedCitation>()
    const raws = asked.signature === '' ? [] : asked.signature.split('\n')
    raws.forEach((raw, index) => {
      const formatted = data?.citations[index]
      if (formatted !== undefined && !map.has(raw)) {
        map.set(raw, { html: formatted.html, missing: formatted.missing })
      }
    })
    return map
  }, [data, asked.signature])
  const lookup = useCallback((raw: string) => byRaw.get(raw), [byRaw])
  return useMemo(
    () => ({ lookup, bibliography: data?.bibliography.html ?? [], count: citations.length }),
    [lookup, data, citations.length],
  )
}
