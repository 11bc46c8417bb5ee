// The organizing actions on papers, wired to main, the status line, the
// collection picker and confirmations; plus what the list's keys and its
// context menu do with them.
import { useCallback, useMemo, type RefObject } from 'react'
import type { CollectionNode, ListScope, PaperSummary } from '../../../../shared/model'
import { api } from '../../data/client'
import type { AppDialogState } from '../../ui/AppDialog'
import type { PickedCollection } from '../../ui/CollectionPicker'
import type { MenuEntry } from '../../ui/ContextMenu'
import type { ActionStatusState } from '../undo/useActionStatus'
import type { Selection } from '../papers/useSelection'
import type { ListCommand } from '../papers/listShortcuts'
import type { PaperActions } from './paperActions'
import { count } from '../../../../shared/text/count'

interface PaperActionsContext {
  run: ActionStatusState['run']
  openDialog(dialog: AppDialogState): void
  collections: readonly CollectionNode[]
  scope: ListScope
  selection: Selection
  /** The loaded row for an id, when its page is loaded. */
  rowOf(id: string): PaperSummary | undefined
  tagInput: RefObject<HTMLInputElement | null>
}

export interface PaperCommands {
  actions: PaperActions
  /** Files papers where the picker (or the import offer) says; resolves to the collection's name. */
  fileInto(ids: readonly string[], picked: PickedCollection): Promise<string | undefined>
  onListCommand(command: ListCommand): void
  /** The context menu for the selected rows. */
  menuForSelection(): MenuEntry[]
}

const papers = (n: number): string => count(n, 'paper')

export function usePaperCommands(ctx: PaperActionsContext): PaperCommands {
  const { run, openDialog, collections, scope, selection, rowOf, tagInput } = ctx

  const fileInto = useCallback(
    async (ids: readonly string[], picked: PickedCollection): Promise<string | undefined> => {
      const paperIds = [...ids]
      if (picked.kind === 'new') {
        const created = await run(() => api.createCollection({ name: picked.name, paperIds }))
        return created?.name
      }
      if (picked.kind !== 'existing') return undefined
      const outcome = await run(() => api.addToCollection({ collectionId: picked.id, paperIds }))
      return outcome === undefined ? undefined : collections.find((c) => c.id === picked.id)?.name
    },
    [run, collections],
  )

  const actions = useMemo((): PaperActions => {
    const list = (ids: readonly string[]): string[] => [...ids]
    return {
      setStatus: (ids, status) => void run(() => api.setStatus({ paperIds: list(ids), status })),
      setStarred: (ids, starred) =>
        void run(() => api.setStarred({ paperIds: list(ids), starred })),
      addTag: (ids, tag) => void run(() => api.tagPapers({ paperIds: list(ids), add: [tag] })),
      removeTag: (ids, tag) =>
        void run(() => api.tagPapers({ paperIds: list(ids), remove: [tag] })),
      chooseCollection: (ids) =>
        openDialog({
          kind: 'picker',
          pick: {
            title:
              ids.length === 1 ? 'Add to collection' : `Add ${ids.length} papers to a collection`,
            collections,
            allowCreate: true,
            onPick: (picked) => void fileInto(ids, picked),
          },
        }),
      removeFromCollection: (collectionId, ids) =>
        void run(() => api.removeFromCollection({ collectionId, paperIds: list(ids) })),
      trash: (ids) => void run(() => api.moveToTrash({ paperIds: list(ids) })),
      restore: (ids) => void run(() => api.restoreFromTrash({ paperIds: list(ids) })),
      deleteForever: (ids) =>
        openDialog({
          kind: 'confirm',
          confirmation: {
            title: 'Delete for good?',
            message:
              `${papers(ids.length)} will be deleted for good, with their notes, manual links ` +
              'and places in collections. This cannot be undone.',
            confirmLabel: 'Delete for good',
            final: true,
            onConfirm: () =>
              void run(() => api.deleteForever({ paperIds: list(ids) }), { undoable: false }),
          },
        }),
    }
  }, [run, openDialog, collections, fileInto])

  const inTrash = scope.kind === 'trash'
  const collection =
    scope.kind === 'collection' ? collections.find((node) => node.id === scope.id) : undefined

  const onListCommand = useCallback(
    (command: ListCommand) => {
      const ids = selection.ids
      if (command === 'select-all') return selection.selectAll()
      if (ids.length === 0) return
      const loaded = ids.map(rowOf).filter((row) => row !== undefined)
      switch (command) {
        case 'star':
          // Star them all, unless all (that are loaded) already are.
          return actions.setStarred(ids, !loaded.every((row) => row.starred))
        case 'status-unread':
          return actions.setStatus(ids, 'unread')
        case 'status-reading':
          return actions.setStatus(ids, 'reading')
        case 'status-read':
          return actions.setStatus(ids, 'read')
        case 'tag':
          return tagInput.current?.focus()
        case 'add-to-collection':
          return actions.chooseCollection(ids)
        case 'delete':
          if (inTrash) return actions.deleteForever(ids)
          // In a collection, Delete takes papers out of it (Shift+Delete trashes them).
          if (collection !== undefined) return actions.removeFromCollection(collection.id, ids)
          return actions.trash(ids)
        case 'trash':
          return inTrash ? actions.deleteForever(ids) : actions.trash(ids)
        case 'collapse-selection': {
          const focus = selection.focusId
          if (focus !== undefined && ids.length > 1) selection.selectOnly(focus)
          return
        }
        case 'context-menu':
          return
      }
    },
    [selection, rowOf, actions, tagInput, inTrash, collection],
  )

  const menuForSelection = useCallback((): MenuEntry[] => {
    const ids = selection.ids
    if (inTrash) {
      return [
        { label: `Restore ${papers(ids.length)}`, onSelect: () => actions.restore(ids) },
        'separator',
        {
          label: 'Delete for good…',
          shortcut: 'Del',
          danger: true,
          onSelect: () => actions.deleteForever(ids),
        },
      ]
    }
    const loaded = ids.map(rowOf).filter((row) => row !== undefined)
    const allStarred = loaded.length > 0 && loaded.every((row) => row.starred)
    const entries: MenuEntry[] = [
      { label: 'Mark as unread', shortcut: 'U', onSelect: () => actions.setStatus(ids, 'unread') },
      {
        label: 'Mark as reading',
        shortcut: 'I',
        onSelect: () => actions.setStatus(ids, 'reading'),
      },
      { label: 'Mark as read', shortcut: 'R', onSelect: () => actions.setStatus(ids, 'read') },
      'separator',
      {
        label: allStarred ? 'Unstar' : 'Star',
        shortcut: 'S',
        onSelect: () => actions.setStarred(ids, !allStarred),
      },
      // After the menu has closed and given focus back.
      {
        label: 'Add tag…',
        shortcut: 'T',
        onSelect: () => setTimeout(() => tagInput.current?.focus(), 0),
      },
      { label: 'Add to collection…', shortcut: 'C', onSelect: () => actions.chooseCollection(ids) },
    ]
    if (collection !== undefined) {
      entries.push({
        label: `Remove from “${collection.name}”`,
        shortcut: 'Del',
        onSelect: () => actions.removeFromCollection(collection.id, ids),
      })
    }
    entries.push('separator', {
      label: ids.length === 1 ? 'Move to Trash' : `Move ${ids.length} papers to Trash`,
      shortcut: collection === undefined ? 'Del' : 'Shift+Del',
      danger: true,
      onSelect: () => actions.trash(ids),
    })
    return entries
  }, [selection.ids, inTrash, rowOf, actions, tagInput, collection])

  return { actions, fileInto, onListCommand, menuForSelection }
}
