// In the Trash view, above its papers: the collections and notes that were
// trashed on their own, each with Restore and Delete for good.
import type { TrashContents, TrashItems } from '../../../../shared/model'
import { pathLabel } from './collectionPaths'
import { count } from '../../../../shared/text/count'

interface TrashExtrasProps {
  contents: TrashContents | undefined
  onRestore(items: TrashItems): void
  onDelete(items: TrashItems, name: string): void
}

export function TrashExtras({ contents, onRestore, onDelete }: TrashExtrasProps) {
  if (contents === undefined) return null
  if (contents.collections.length + contents.notes.length === 0) return null
  return (
    <section className="trash-extras" aria-label="Collections and notes in the Trash">
      <ul>
        {contents.collections.map((collection) => (
          <TrashEntry
            key={collection.id}
            kind="Collection"
            name={pathLabel(collection.path)}
            detail={
              count(collection.paperCount, 'paper') +
              (collection.subcollectionCount > 0
                ? `, ${count(collection.subcollectionCount, 'subcollection')}`
                : '')
            }
            testId="trashed-collection"
            onRestore={() => onRestore({ collectionIds: [collection.id] })}
            onDelete={() => onDelete({ collectionIds: [collection.id] }, `“${collection.name}”`)}
          />
        ))}
        {contents.notes.map((note) => (
          <TrashEntry
            key={note.id}
            kind="Note"
            name={note.title}
            detail={note.excerpt}
            testId="trashed-note"
            onRestore={() => onRestore({ noteIds: [note.id] })}
            onDelete={() => onDelete({ noteIds: [note.id] }, `The note “${note.title}”`)}
          />
        ))}
      </ul>
    </section>
  )
}

function TrashEntry(props: {
  kind: string
  name: string
  detail: string
  testId: string
  onRestore: () => void
  onDelete: () => void
}) {
  return (
    <li data-testid={props.testId}>
      <span className="trash-kind">{props.kind}</span>
      <span className="trash-name">{props.name}</span>
      <span className="trash-detail">{props.detail}</span>
      <button type="button" className="small-button" onClick={props.onRestore}>
        Restore
      </button>
      <button type="button" className="small-button danger" onClick={props.onDelete}>
        Delete…
      </button>
    </li>
  )
}
