// In the Trash view, above its papers: the collections and notes that were
// trashed on their own, each with Restore and Delete for good.
import type { TrashContents, TrashItems } from '../../../shared/model'
import { pathLabel } from '../organize/collectionPaths'

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
          <li key={collection.id} data-testid="trashed-collection">
            <span className="trash-kind">Collection</span>
            <span className="trash-name">{pathLabel(collection.path)}</span>
            <span className="trash-detail">
              {collection.paperCount} papers
              {collection.subcollectionCount > 0 &&
                `, ${collection.subcollectionCount} subcollections`}
            </span>
            <button
              type="button"
              className="small-button"
              onClick={() => onRestore({ collectionIds: [collection.id] })}
            >
              Restore
            </button>
            <button
              type="button"
              className="small-button danger"
              onClick={() => onDelete({ collectionIds: [collection.id] }, collection.name)}
            >
              Delete…
            </button>
          </li>
        ))}
        {contents.notes.map((note) => (
          <li key={note.id} data-testid="trashed-note">
            <span className="trash-kind">Note</span>
            <span className="trash-name">{note.title}</span>
            <span className="trash-detail">{note.excerpt}</span>
            <button
              type="button"
              className="small-button"
              onClick={() => onRestore({ noteIds: [note.id] })}
            >
              Restore
            </button>
            <button
              type="button"
              className="small-button danger"
              onClick={() => onDelete({ noteIds: [note.id] }, `the note “${note.title}”`)}
            >
              Delete…
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
