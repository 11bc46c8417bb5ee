// The Papers tab: the search box and the view's header above the rows (and in
// the Trash, its collections and notes), or the welcome when the library is empty.
import type { RefObject } from 'react'
import type { CollectionNode, TrashContents } from '../../../shared/model'
import { api } from '../data/client'
import { Welcome } from '../features/import/Welcome'
import type { Importer } from '../features/import/useImport'
import type { Navigation } from '../features/navigation/useNavigation'
import { TrashExtras } from '../features/organize/TrashExtras'
import type { PaperCommands } from '../features/organize/usePaperActions'
import { ListHeader } from '../features/papers/ListHeader'
import { PaperListPane, type PaperListHandle } from '../features/papers/PaperListPane'
import { emptyTextFor, scopeTitle } from '../features/papers/scopeText'
import { SearchBox } from '../features/papers/SearchBox'
import type { Reveal } from '../features/papers/useReveal'
import type { ActionStatusState } from '../features/undo/useActionStatus'
import type { AppDialogState } from '../ui/AppDialog'
import type { OpenMenu } from '../ui/ContextMenu'
import type { ListView } from './useListView'

interface PapersViewProps {
  /** The library has no paper yet: the welcome shows instead. */
  empty: boolean
  importer: Importer
  list: ListView
  listHandle: RefObject<PaperListHandle | null>
  searchInput: RefObject<HTMLInputElement | null>
  reveal: Reveal
  navigation: Navigation
  onListScroll(top: number): void
  onLeaveSearch(): void
  collections: readonly CollectionNode[]
  trashContents: TrashContents | undefined
  onEmptyTrash(): void
  commands: PaperCommands
  run: ActionStatusState['run']
  openDialog(dialog: AppDialogState): void
  openMenu(menu: OpenMenu): void
}

export function PapersView(props: PapersViewProps) {
  const { list, importer, navigation, commands, trashContents } = props
  const { rows, selection, scope, tags, query } = list
  if (props.empty) {
    return (
      <Welcome
        onImportSample={() => void importer.importSample()}
        onChooseFiles={importer.chooseFiles}
      />
    )
  }
  const searchAnswered = query.trim() !== '' && rows.query === query.trim()
  const inTrash = scope.kind === 'trash'
  const { place, moves, returned } = navigation
  return (
    <PaperListPane
      handle={props.listHandle}
      rows={rows}
      selection={selection}
      sort={list.sort}
      filter={list.filter}
      reveal={props.reveal.request}
      header={
        <>
          <SearchBox
            value={query}
            onChange={list.setQuery}
            onLeave={props.onLeaveSearch}
            inputRef={props.searchInput}
            total={searchAnswered ? rows.total : undefined}
            error={query.trim() === '' ? undefined : rows.error}
          />
          <ListHeader
            title={scopeTitle(scope, props.collections)}
            total={rows.total}
            tags={tags}
            onRemoveTag={(tag) => list.setTags(tags.filter((other) => other !== tag))}
            sort={list.sort}
            onSort={list.changeSort}
            {...(inTrash
              ? {
                  onEmptyTrash: props.onEmptyTrash,
                  trashHoldsMore:
                    (trashContents?.collections.length ?? 0) + (trashContents?.notes.length ?? 0) >
                    0,
                }
              : {})}
          />
        </>
      }
      extras={
        inTrash ? (
          <TrashExtras
            contents={trashContents}
            onRestore={(items) => void props.run(() => api.restoreFromTrash(items))}
            onDelete={(items, name) =>
              props.openDialog({
                kind: 'confirm',
                confirmation: {
                  title: 'Delete for good?',
                  message: `${name} will be deleted for good. This cannot be undone.`,
                  confirmLabel: 'Delete for good',
                  final: true,
                  onConfirm: () =>
                    void props.run(() => api.deleteForever(items), { undoable: false }),
                },
              })
            }
          />
        ) : undefined
      }
      emptyText={
        searchAnswered ? `No papers here match “${query.trim()}”.` : emptyTextFor(scope, tags)
      }
      onCommand={commands.onListCommand}
      onContextMenu={(x, y) =>
        selection.ids.length > 0 &&
        props.openMenu({
          x,
          y,
          entries: commands.menuForSelection(),
          label: `${selection.ids.length} selected`,
        })
      }
      active={place.view === 'papers'}
      moves={moves}
      restoreScroll={returned ? place.listScroll : undefined}
      onScroll={props.onListScroll}
    />
  )
}
