// Marks the paper on screen as read once it has been open for the delay the
// settings give, the way a mail client does. Only once per visit, and never
// after the user set the status by hand during that visit: in the paper pane
// (statusSetByHand, even to the status it had), or any other way (a key, the
// list's menu, the palette, Undo), seen as the status changing while the
// paper is open. It happens by itself, so main does not make it an undo step
// (api.markRead).
import { useCallback, useEffect, useEffectEvent, useRef } from 'react'
import type { ReadingStatus } from '../../../../shared/model'
import { api } from '../../data/client'

export function useMarkAsRead(
  paperId: string | undefined,
  status: ReadingStatus | undefined,
  delaySeconds: number | null,
): { statusSetByHand(): void } {
  const byHand = useRef<string | undefined>(undefined)
  const loaded = status !== undefined

  // Reads the status as it is when the delay is up, not when it started.
  const markIfStillUnread = useEffectEvent((id: string) => {
    if (byHand.current === id || status !== 'unread') return
    // A failure is not worth a message: the paper simply stays unread.
    api.markRead({ id }).catch(() => undefined)
  })

  // A status that changes while the paper stays open was set by someone.
  const seen = useRef({ paperId, status })
  useEffect(() => {
    const before = seen.current
    seen.current = { paperId, status }
    if (before.paperId !== paperId || before.status === undefined || status === undefined) return
    if (before.status !== status) byHand.current = paperId
  }, [paperId, status])

  useEffect(() => {
    if (paperId === undefined || !loaded || delaySeconds === null) return
    const timer = setTimeout(() => markIfStillUnread(paperId), delaySeconds * 1000)
    return () => clearTimeout(timer)
  }, [paperId, loaded, delaySeconds])

  const statusSetByHand = useCallback(() => {
    byHand.current = paperId
  }, [paperId])
  return { statusSetByHand }
}
