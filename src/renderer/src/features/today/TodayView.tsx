// Today: the new papers of your feeds, ranked against your library, triaged
// from the keyboard (todayKeys.ts). Three columns: the feeds with the inbox's
// counts, the ranked items, and the item opened with Enter. Each triage is one
// call to main and one undo step; the item leaves the list at once and the
// cursor moves on to the next.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import type {
  CollectionNode,
  FeedStatus,
  InboxItem,
  InboxSort,
  TriageAction,
} from '../../../../shared/model'
import { api, errorMessage } from '../../data/client'
import { libraryQueries } from '../../data/libraryQueries'
import type { ActionStatusState } from '../undo/useActionStatus'
import type { AppDialogState } from '../../ui/AppDialog'
import { FeedsColumn } from './FeedsColumn'
import { InboxItemPane } from './InboxItemPane'
import { todayActionFor } from './todayKeys'
import './today.css'

interface TodayViewProps {
  run: ActionStatusState['run']
  show: ActionStatusState['show']
  collections: readonly CollectionNode[]
  openDialog(dialog: AppDialogState): void
  onUndo(): void
  onClose(): void
}

const NO_ITEMS: readonly InboxItem[] = []
const NO_FEEDS: readonly FeedStatus[] = []

export function TodayView(props: TodayViewProps) {
  const { run, show } = props
  const [sort, setSort] = useState<InboxSort>('relevance')
  const inbox = useQuery(libraryQueries.inbox(sort))
  const feeds = useQuery(libraryQueries.feeds()).data ?? NO_FEEDS
  // Items triaged here and not yet gone from the answer: hidden at once, until the next answer.
  const [hiding, setHiding] = useState<{ answer: unknown; ids: ReadonlySet<string> }>({
    answer: undefined,
    ids: new Set(),
  })
  const hidden = useMemo(
    () => (hiding.answer === inbox.data ? hiding.ids : new Set<string>()),
    [hiding, inbox.data],
  )
  // The order of the first answer stays while you triage (a thumb re-ranks the
  // items, but the list does not jump under the cursor); a new sort, or
  // opening Today again, shows the new ranking.
  const [order, setOrder] = useState<{ sort: InboxSort; rank: ReadonlyMap<string, number> }>()
  if (inbox.data !== undefined && (order === undefined || order.sort !== sort)) {
    setOrder({ sort, rank: new Map(inbox.data.items.map((item, index) => [item.id, index])) })
  }
  const items = useMemo(() => {
    const rank = order?.rank ?? new Map<string, number>()
    const at = (item: InboxItem, index: number): number => rank.get(item.id) ?? rank.size + index
    return (inbox.data?.items ?? NO_ITEMS)
      .map((item, index) => ({ item, at: at(item, index) }))
      .filter(({ item }) => !hidden.has(item.id))
      .sort((a, b) => a.at - b.at)
      .map(({ item }) => item)
  }, [inbox.data, hidden, order])
  const [cursorId, setCursorId] = useState<string | undefined>(undefined)
  const [openId, setOpenId] = useState<string | undefined>(undefined)
  const [checking, setChecking] = useState(false)
  const list = useRef<HTMLUListElement>(null)

  const found = items.findIndex((item) => item.id === cursorId)
  const cursor = found === -1 ? 0 : found
  const current = items[cursor]
  const opened = openId === undefined ? undefined : items.find((item) => item.id === openId)

  useEffect(() => list.current?.focus(), [])

  // Opening Today is a visit: main remembers it and answers the visit before,
  // after which the items first seen are marked "new since your last visit"
  // for as long as Today stays open (asked once, though effects may run
  // twice). Leaving is the end of the visit: what arrived while you looked is
  // not new the next time.
  const [lastVisit, setLastVisit] = useState<{ at: string | null }>()
  const visited = useRef(false)
  useEffect(() => {
    if (!visited.current) {
      visited.current = true
      api.visitToday({}).then(
        (answer) => setLastVisit({ at: answer.lastVisitAt }),
        (error: unknown) => show({ kind: 'failed', text: errorMessage(error) }),
      )
    }
    return () => void api.visitToday({}).catch(() => undefined)
  }, [show])
  const arrived = (item: InboxItem): boolean =>
    lastVisit !== undefined && (lastVisit.at === null || item.firstSeenAt > lastVisit.at)
  const arrivedCount = lastVisit === undefined ? undefined : items.filter(arrived).length
  useEffect(() => {
    list.current?.querySelector(`[data-index="${cursor}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [cursor, items])

  function moveTo(index: number): void {
    const item = items[Math.max(0, Math.min(items.length - 1, index))]
    setCursorId(item?.id)
    if (openId !== undefined) setOpenId(item?.id)
  }

  function triage(action: TriageAction, targets: InboxItem[], collectionId?: string): void {
    if (targets.length === 0) return
    const leaves = action === 'keep' || action === 'star' || action === 'skip'
    if (leaves) {
      const gone = new Set(targets.map((item) => item.id))
      const next = items.slice(cursor).find((item) => !gone.has(item.id))
      const before = items
        .slice(0, cursor)
        .reverse()
        .find((item) => !gone.has(item.id))
      setCursorId((next ?? before)?.id)
      if (openId !== undefined) setOpenId((next ?? before)?.id)
      setHiding({ answer: inbox.data, ids: new Set([...hidden, ...gone]) })
    }
    void run(() =>
      api.triageInbox({
        action,
        ids: targets.map((item) => item.id),
        ...(collectionId === undefined ? {} : { collectionId }),
      }),
    )
  }

  function keepInto(item: InboxItem): void {
    props.openDialog({
      kind: 'picker',
      pick: {
        title: 'Keep into collection…',
        collections: props.collections,
        allowCreate: true,
        onPick: (picked) => {
          list.current?.focus()
          if (picked.kind === 'existing') triage('keep', [item], picked.id)
          else if (picked.kind === 'new') {
            void (async () => {
              try {
                const created = await api.createCollection({ name: picked.name })
                triage('keep', [item], created.id)
              } catch (error) {
                show({ kind: 'failed', text: errorMessage(error) })
              }
            })()
          }
        },
        onCancel: () => list.current?.focus(),
      },
    })
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    const action = todayActionFor(event)
    if (action === undefined) return
    event.preventDefault()
    event.stopPropagation()
    switch (action) {
      case 'next':
        return moveTo(cursor + 1)
      case 'previous':
        return moveTo(cursor - 1)
      case 'open':
        return setOpenId(current?.id)
      case 'close':
        return props.onClose()
      case 'undo':
        return props.onUndo()
      case 'keep-above':
        return triage('keep', items.slice(0, cursor))
      case 'keep-into':
        if (current !== undefined) keepInto(current)
        return
      case 'thumbs-up':
      case 'thumbs-down': {
        if (current === undefined) return
        const wanted = action === 'thumbs-up' ? 'up' : 'down'
        return triage(current.thumbs === wanted ? 'clear-thumbs' : action, [current])
      }
      case 'keep':
      case 'skip':
      case 'star':
        if (current !== undefined) triage(action, [current])
        return
    }
  }

  async function addFeed(spec: string): Promise<boolean> {
    try {
      const feed = await api.addFeed({ spec })
      show({ kind: 'done', text: `Following ${feed.name}`, undoable: true })
      // A new feed is checked at once, even on a weekend: you see that it works.
      await check([feed.id], true)
      return true
    } catch (error) {
      show({ kind: 'failed', text: errorMessage(error) })
      return false
    }
  }

  async function check(ids?: string[], force = false): Promise<void> {
    setChecking(true)
    try {
      const report = await api.refreshFeeds({
        ...(ids === undefined ? {} : { ids }),
        ...(force ? { force } : {}),
      })
      const failed = report.checks.filter((c) => c.outcome === 'failed')
      const added = report.checks.reduce((sum, c) => sum + c.added, 0)
      show(
        failed.length > 0
          ? {
              kind: 'failed',
              text: `${failed.map((c) => `${c.name}: ${c.error ?? ''}`).join('; ')}`,
            }
          : { kind: 'done', text: `${added} new items`, undoable: false },
      )
    } catch (error) {
      show({ kind: 'failed', text: errorMessage(error) })
    } finally {
      setChecking(false)
    }
  }

  return (
    <main className="workspace today" data-testid="today">
      <FeedsColumn
        feeds={feeds}
        counts={inbox.data?.counts}
        arrived={arrivedCount}
        checking={checking}
        onAdd={addFeed}
        onRefresh={() => void check()}
        collections={props.collections}
        onChange={(feed, changes) =>
          void run(() => api.updateFeed({ id: feed.id, ...changes }).then(() => null))
        }
        onRemove={(feed) => void run(() => api.removeFeed({ id: feed.id }).then(() => null))}
      />
      <section className="today-inbox" aria-label="Inbox">
        <div className="today-toolbar">
          <label>
            Sort by{' '}
            <select value={sort} onChange={(event) => setSort(event.target.value as InboxSort)}>
              <option value="relevance">relevance</option>
              <option value="upvotes">upvotes</option>
              <option value="date">date</option>
            </select>
          </label>
          <button type="button" onClick={props.onClose}>
            Back to the library
          </button>
        </div>
        {inbox.isError && <p role="alert">Could not read the inbox: {errorMessage(inbox.error)}</p>}
        <ul
          ref={list}
          className="today-items"
          role="listbox"
          aria-label="New papers"
          aria-activedescendant={current === undefined ? undefined : `today-item-${current.id}`}
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          {items.map((item, index) => (
            <li
              key={item.id}
              id={`today-item-${item.id}`}
              data-index={index}
              role="option"
              aria-selected={index === cursor}
              className={`today-item${index === cursor ? ' current' : ''}`}
              onClick={() => {
                setCursorId(item.id)
                setOpenId(item.id)
              }}
            >
              <div className="today-item-title">
                {item.thumbs === 'up' ? '👍 ' : item.thumbs === 'down' ? '👎 ' : ''}
                {item.title}
              </div>
              <div className="today-item-reason">{item.reason}</div>
              <div className="today-item-meta">
                {item.sources.join(' · ')}
                {item.paperId !== undefined && <span className="today-badge">in your library</span>}
                {arrived(item) && (
                  <span className="today-badge today-badge-arrived">new since your last visit</span>
                )}
              </div>
            </li>
          ))}
          {inbox.data !== undefined && items.length === 0 && (
            <li className="today-empty">Nothing new. Follow a feed, or check again later.</li>
          )}
        </ul>
      </section>
      <InboxItemPane item={opened} />
    </main>
  )
}
