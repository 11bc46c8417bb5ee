// What the sidebar's clicks, keys, drops and context menus do: choose the
// list's scope and tags, open a standalone note, and create, rename, nest,
// reorder and delete collections and tags (with confirmations where the issue
// asks for them); a note goes to the Trash as one undo step.
import { useCallback, useState } from 'react'
import type { CollectionNode, ListScope, Sidebar, TagCount } from '../../../../shared/model'
import { api } from '../../data/client'
import type { AppDialogState } from '../../ui/AppDialog'
import type { MenuEntry, OpenMenu } from '../../ui/ContextMenu'
import type { ActionStatusState } from '../undo/useActionStatus'
import { saveFiles } from '../export/saveExport'
import { subtreeIds } from '../organize/collectionPaths'
import type { DropPlace, SidebarEditing, SidebarProps } from './Sidebar'
import type { SidebarTarget } from './sidebarEntries'
import { count } from '../../../../shared/text/count'

interface SidebarContext {
  data: Sidebar | undefined
  run: ActionStatusState['run']
  openDialog(dialog: AppDialogState): void
  openMenu(menu: OpenMenu): void
  scope: ListScope
  tags: readonly string[]
  choose(scope: ListScope, tags: string[]): void
  /** Show a standalone note in the notes pane; without an id, the list of notes. */
  openNote(noteId?: string): void
  /** Go > Today (Today's row, or a feed under Feeds). */
  openToday(): void
}

export type SidebarActions = Omit<
  SidebarProps,
  'data' | 'notes' | 'selectedKey' | 'selectedNoteId' | 'activeTags' | 'today'
> & {
  /** Empty the Trash, after a confirmation. */
  emptyTrash(): void
}

/** One empty list for every render without data, so callbacks that depend on it stay stable. */
const NO_COLLECTIONS: readonly CollectionNode[] = []

export function useSidebarActions(ctx: SidebarContext): SidebarActions {
  const { data, run, openDialog, openMenu, scope, tags, choose, openNote, openToday } = ctx
  // The collection or tag being named in place, if any.
  const [editing, setEditing] = useState<SidebarEditing | undefined>(undefined)
  const nodes: readonly CollectionNode[] = data?.collections ?? NO_COLLECTIONS

  const siblingsOf = useCallback(
    (parentId: string | undefined) => nodes.filter((node) => node.parentId === parentId),
    [nodes],
  )

  const move = useCallback(
    (id: string, parentId: string | null, index?: number) =>
      void run(() =>
        api.moveCollection({ id, parentId, ...(index === undefined ? {} : { index }) }),
      ),
    [run],
  )

  const deleteCollection = useCallback(
    (node: CollectionNode) => {
      const below = subtreeIds(nodes, node.id).size - 1
      const trash = (): void => void run(() => api.moveToTrash({ collectionIds: [node.id] }))
      if (node.paperCount === 0 && below === 0) return trash()
      const parts = [
        node.paperCount > 0
          ? `its ${node.paperCount === 1 ? 'paper stays' : `${node.paperCount} papers stay`} in your library`
          : '',
        below > 0
          ? `its ${count(below, 'subcollection')} go${below === 1 ? 'es' : ''} with it`
          : '',
      ].filter((part) => part !== '')
      openDialog({
        kind: 'confirm',
        confirmation: {
          title: `Delete “${node.name}”?`,
          message: `“${node.name}” moves to the Trash; ${parts.join(', and ')}. You can restore it from the Trash.`,
          confirmLabel: 'Move to Trash',
          onConfirm: trash,
        },
      })
    },
    [nodes, run, openDialog],
  )

  const deleteTag = useCallback(
    (tag: string) => {
      const tagged = data?.tags.find((entry) => entry.tag === tag)?.count ?? 0
      openDialog({
        kind: 'confirm',
        confirmation: {
          title: `Delete the tag “${tag}”?`,
          message: `The tag is removed from ${count(tagged, 'paper')}; the papers stay. Undo brings it back.`,
          confirmLabel: 'Delete tag',
          onConfirm: () => {
            void run(() => api.deleteTag({ tag }))
            if (tags.includes(tag))
              choose(
                scope,
                tags.filter((other) => other !== tag),
              )
          },
        },
      })
    },
    [data, openDialog, run, tags, scope, choose],
  )

  const renameTag = useCallback(
    (from: string, to: string) => {
      const rename = (): void => {
        void run(() => api.renameTag({ from, to }))
        if (tags.includes(from))
          choose(
            scope,
            tags.map((tag) => (tag === from ? to : tag)),
          )
      }
      const into: TagCount | undefined = data?.tags.find(
        (entry) =>
          entry.tag.toLowerCase() === to.toLowerCase() &&
          entry.tag.toLowerCase() !== from.toLowerCase(),
      )
      if (into === undefined) return rename()
      openDialog({
        kind: 'confirm',
        confirmation: {
          title: `Merge “${from}” into “${into.tag}”?`,
          message: `“${into.tag}” already exists: every paper tagged “${from}” will be tagged “${into.tag}” instead.`,
          confirmLabel: 'Merge tags',
          onConfirm: rename,
        },
      })
    },
    [data, openDialog, run, tags, scope, choose],
  )

  const emptyTrash = useCallback(() => {
    openDialog({
      kind: 'confirm',
      confirmation: {
        title: 'Empty the Trash?',
        message: `The ${data?.trash ?? 0} items in the Trash, with the notes, manual links and places in collections of its papers, will be deleted for good. This cannot be undone.`,
        confirmLabel: 'Empty Trash',
        final: true,
        onConfirm: () => void run(() => api.emptyTrash({}), { undoable: false }),
      },
    })
  }, [data, openDialog, run])

  const onActivate = useCallback(
    (target: SidebarTarget, additive: boolean) => {
      switch (target.kind) {
        case 'library':
        case 'unfiled':
        case 'trash':
          return choose({ kind: target.kind }, [])
        case 'collection':
          return choose({ kind: 'collection', id: target.collection.id }, [])
        case 'view':
          return choose({ kind: 'view', view: target.view }, [])
        case 'tag': {
          // Tags narrow the list where it is (the Trash aside); Ctrl/Cmd-click adds one more.
          const where: ListScope = scope.kind === 'trash' ? { kind: 'library' } : scope
          const has = tags.includes(target.tag)
          if (additive) {
            return choose(where, has ? tags.filter((t) => t !== target.tag) : [...tags, target.tag])
          }
          return choose(where, has && tags.length === 1 ? [] : [target.tag])
        }
        case 'note':
          return openNote(target.id)
        case 'today':
        case 'feed':
          return openToday()
        case 'group':
          // The Notes group lists its notes; with none, it leads to where one is made.
          return target.group === 'notes' ? openNote() : undefined
      }
    },
    [choose, scope, tags, openNote, openToday],
  )

  const trashNote = useCallback(
    (id: string) => void run(() => api.moveToTrash({ noteIds: [id] })),
    [run],
  )

  // The notes of the collection's papers as documents, citations in pandoc
  // syntax, with one references.bib of exactly the papers they cite (as
  // `export-note --collection` writes them), saved as one .zip download.
  const exportNotesOf = useCallback(
    (node: CollectionNode) =>
      void run(async () => {
        const result = await api.exportNotes({
          scope: { kind: 'collection', collectionId: node.id },
          rendering: 'pandoc',
        })
        saveFiles(result.name, result.files, 'text/markdown')
        return result
      }),
    [run],
  )

  const onContextMenu = useCallback(
    (target: SidebarTarget, x: number, y: number) => {
      let entries: MenuEntry[] = []
      let label = ''
      if (target.kind === 'collection') {
        const node = target.collection
        const siblings = siblingsOf(node.parentId)
        const at = siblings.findIndex((sibling) => sibling.id === node.id)
        label = node.name
        entries = [
          {
            label: 'New subcollection',
            onSelect: () => setEditing({ kind: 'new-collection', parentId: node.id }),
          },
          {
            label: 'Rename',
            shortcut: 'F2',
            onSelect: () => setEditing({ kind: 'rename-collection', id: node.id }),
          },
          {
            label: 'Move to…',
            onSelect: () =>
              openDialog({
                kind: 'picker',
                pick: {
                  title: `Move “${node.name}” into`,
                  collections: nodes,
                  exclude: subtreeIds(nodes, node.id),
                  offerTopLevel: true,
                  onPick: (picked) => {
                    if (picked.kind === 'existing') move(node.id, picked.id)
                    else if (picked.kind === 'top-level') move(node.id, null)
                  },
                },
              }),
          },
          {
            label: 'Move up',
            shortcut: 'Alt+↑',
            disabled: at <= 0,
            onSelect: () => move(node.id, node.parentId ?? null, at - 1),
          },
          {
            label: 'Move down',
            shortcut: 'Alt+↓',
            disabled: at === siblings.length - 1,
            onSelect: () => move(node.id, node.parentId ?? null, at + 1),
          },
          {
            label: 'Export notes of collection…',
            onSelect: () => exportNotesOf(node),
          },
          'separator',
          {
            label: 'Delete collection…',
            shortcut: 'Del',
            danger: true,
            onSelect: () => deleteCollection(node),
          },
        ]
      } else if (target.kind === 'group' && target.group === 'collections') {
        label = 'Collections'
        entries = [
          { label: 'New collection', onSelect: () => setEditing({ kind: 'new-collection' }) },
        ]
      } else if (target.kind === 'tag') {
        label = target.tag
        entries = [
          {
            label: 'Rename tag…',
            shortcut: 'F2',
            onSelect: () => setEditing({ kind: 'rename-tag', tag: target.tag }),
          },
          {
            label: 'Delete tag…',
            shortcut: 'Del',
            danger: true,
            onSelect: () => deleteTag(target.tag),
          },
        ]
      } else if (target.kind === 'note') {
        label = target.title
        entries = [
          { label: 'Open', onSelect: () => openNote(target.id) },
          'separator',
          {
            label: 'Move to Trash',
            shortcut: 'Del',
            danger: true,
            onSelect: () => trashNote(target.id),
          },
        ]
      } else if (target.kind === 'trash') {
        label = 'Trash'
        entries = [
          {
            label: 'Empty Trash…',
            danger: true,
            disabled: (data?.trash ?? 0) === 0,
            onSelect: emptyTrash,
          },
        ]
      }
      if (entries.length > 0) openMenu({ x, y, entries, label })
    },
    [
      siblingsOf,
      setEditing,
      openDialog,
      nodes,
      move,
      deleteCollection,
      exportNotesOf,
      deleteTag,
      data,
      emptyTrash,
      openMenu,
      openNote,
      trashNote,
    ],
  )

  const onCommitEdit = useCallback(
    (editing: SidebarEditing, name: string) => {
      setEditing(undefined)
      if (editing.kind === 'new-collection') {
        void run(() =>
          api.createCollection({
            name,
            ...(editing.parentId === undefined ? {} : { parentId: editing.parentId }),
          }),
        )
      } else if (editing.kind === 'rename-collection') {
        void run(() => api.renameCollection({ id: editing.id, name }))
      } else {
        renameTag(editing.tag, name)
      }
    },
    [setEditing, run, renameTag],
  )

  const onDelete = useCallback(
    (target: SidebarTarget) => {
      if (target.kind === 'collection') deleteCollection(target.collection)
      else if (target.kind === 'tag') deleteTag(target.tag)
      else if (target.kind === 'trash') emptyTrash()
      else if (target.kind === 'note') trashNote(target.id)
    },
    [deleteCollection, deleteTag, emptyTrash, trashNote],
  )

  const onDropPapers = useCallback(
    (target: SidebarTarget, paperIds: string[]) => {
      if (target.kind === 'collection') {
        void run(() => api.addToCollection({ collectionId: target.collection.id, paperIds }))
      } else if (target.kind === 'tag') {
        void run(() => api.tagPapers({ paperIds, add: [target.tag] }))
      } else if (target.kind === 'trash') {
        void run(() => api.moveToTrash({ paperIds }))
      }
    },
    [run],
  )

  const onDropCollection = useCallback(
    (id: string, target: SidebarTarget, place: DropPlace) => {
      const node = nodes.find((candidate) => candidate.id === id)
      if (node === undefined) return
      if (target.kind === 'trash') return deleteCollection(node)
      if (target.kind === 'group') return move(id, null)
      if (target.kind !== 'collection' || target.collection.id === id) return
      const onto = target.collection
      if (place === 'into') return move(id, onto.id)
      const siblings = siblingsOf(onto.parentId).filter((sibling) => sibling.id !== id)
      const index =
        siblings.findIndex((sibling) => sibling.id === onto.id) + (place === 'after' ? 1 : 0)
      move(id, onto.parentId ?? null, index)
    },
    [nodes, deleteCollection, move, siblingsOf],
  )

  const onNudgeCollection = useCallback(
    (id: string, delta: -1 | 1) => {
      const node = nodes.find((candidate) => candidate.id === id)
      if (node === undefined) return
      const siblings = siblingsOf(node.parentId)
      const at = siblings.findIndex((sibling) => sibling.id === id) + delta
      if (at < 0 || at >= siblings.length) return
      move(id, node.parentId ?? null, at)
    },
    [nodes, siblingsOf, move],
  )

  return {
    editing,
    onActivate,
    onContextMenu,
    onStartEdit: setEditing,
    onCommitEdit,
    onCancelEdit: () => setEditing(undefined),
    onDelete,
    onDropPapers,
    onDropCollection,
    onNudgeCollection,
    emptyTrash,
  }
}
