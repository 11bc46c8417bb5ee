// What the wiki-links of a note body point at now, asked of main in one call
// per change of the set of targets, and asked again whenever a change may have
// moved them (a rename, a trashed paper), so the preview always shows current
// titles and marks broken links.
import { useCallback, useEffect, useMemo, useState } from 'react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import {
  parseWikiLinks,
  wikiLinkTargetKey,
  type WikiLinkTarget,
} from '../../../../shared/text/wikiLinks'
import { libraryQueries } from '../../data/libraryQueries'
import type { LinkResolver } from '../notes/markdown/wikiLinkMarkdown'

/** Pause after the last change before asking (typing a title changes the target each keystroke). */
const RESOLVE_DELAY_MS = 120

export function useLinkResolver(body: string): LinkResolver {
  // Keyed by the set of targets, not the text: typing between links must not
  // restart (and so forever postpone) the pending question to main.
  const signature = useMemo(
    () =>
      [...new Set(parseWikiLinks(body).map((link) => wikiLinkTargetKey(link.target)))].join('\n'),
    [body],
  )
  const [asked, setAsked] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setAsked(signature), RESOLVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [signature])
  const targets = useMemo(() => (asked === '' ? [] : asked.split('\n').map(targetOfKey)), [asked])
  // Until the new answer comes, the last one says what it knows (the rest is "pending").
  const { data: resolved } = useQuery({
    ...libraryQueries.linkTargets(targets),
    enabled: targets.length > 0,
    placeholderData: keepPreviousData,
  })

  return useCallback(
    (target: WikiLinkTarget) => resolved?.get(wikiLinkTargetKey(target)),
    [resolved],
  )
}

/** The target a key stands for (a title key holds the normalized title, which resolves alike). */
function targetOfKey(key: string): WikiLinkTarget {
  const colon = key.indexOf(':')
  const kind = key.slice(0, colon)
  const rest = key.slice(colon + 1)
  if (kind === 'paper' || kind === 'note') return { kind, id: rest }
  return { kind: 'title', title: rest }
}
