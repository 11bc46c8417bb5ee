// What the wiki-links of a note body point at now, asked of main in one call
// per change of the set of targets, and asked again whenever the library
// changes (a rename, a trashed paper), so the preview always shows current
// titles and marks broken links.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { LinkTarget } from '../../../shared/model'
import {
  parseWikiLinks,
  wikiLinkTargetKey,
  type WikiLinkTarget,
} from '../../../shared/text/wikiLinks'
import { api } from '../api/client'
import type { LinkResolver } from '../markdown/wikiLinkMarkdown'

/** Pause after the last change before asking (typing a title changes the target each keystroke). */
const RESOLVE_DELAY_MS = 120

export function useLinkResolver(body: string, version: number): LinkResolver {
  // Keyed by the set of targets, not the text: typing between links must not
  // restart (and so forever postpone) the pending question to main.
  const signature = useMemo(
    () =>
      [...new Set(parseWikiLinks(body).map((link) => wikiLinkTargetKey(link.target)))].join('\n'),
    [body],
  )
  const targets = useMemo(() => {
    const unique = new Map<string, WikiLinkTarget>()
    for (const key of signature === '' ? [] : signature.split('\n')) {
      unique.set(key, targetOfKey(key))
    }
    return unique
  }, [signature])
  const [resolved, setResolved] = useState<ReadonlyMap<string, LinkTarget | null>>(new Map())
  const askedVersion = useRef(version)

  useEffect(() => {
    // After a library change every answer may be stale; otherwise only new targets are asked.
    const stale = askedVersion.current !== version
    const wanted = [...targets].filter(([key]) => stale || !resolved.has(key))
    if (wanted.length === 0) return
    let current = true
    const timer = setTimeout(() => {
      api
        .resolveLinkTargets({ targets: wanted.map(([, target]) => target) })
        .then((answers) => {
          if (!current) return
          askedVersion.current = version
          setResolved((previous) => {
            const next = new Map(previous)
            wanted.forEach(([key], i) => next.set(key, answers[i] ?? null))
            return next
          })
        })
        // Unanswered links stay "pending" (plain text); the next change asks again.
        .catch(() => undefined)
    }, RESOLVE_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [targets, version, resolved])

  return useCallback(
    (target: WikiLinkTarget) => resolved.get(wikiLinkTargetKey(target)),
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
