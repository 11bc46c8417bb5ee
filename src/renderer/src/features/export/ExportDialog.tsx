// File > Export…: a format (BibTeX, CSL-JSON, RIS, Markdown vault) and what to
// export (the whole library, one collection with or without its
// subcollections, or the selected papers); the core builds the text and the
// browser saves it (see export/saveExport.ts). A large export shows its
// progress here and can be cancelled (closing the dialog cancels it too).
import { useEffect, useState } from 'react'
import { OffprintApiError } from '../../../../shared/api'
import type { CollectionChoice, ExportFormat, ExportScope } from '../../../../shared/model'
import { api, errorMessage } from '../../data/client'
import { saveExport } from './saveExport'
import { useTaskCancelledOnClose } from '../../ui/useTasks'
import { Dialog } from '../../ui/Dialog'
import { TaskProgress } from '../../ui/TaskProgress'
import { count } from '../../../../shared/text/count'

const FORMATS: [ExportFormat, string][] = [
  ['bibtex', 'BibTeX (.bib)'],
  ['csl-json', 'CSL-JSON (.json)'],
  ['ris', 'RIS (.ris)'],
  ['markdown', 'Markdown vault (Obsidian, .zip)'],
]

type ScopeKind = ExportScope['kind']

export function ExportDialog(props: { selectedIds: readonly string[]; onClose: () => void }) {
  const [format, setFormat] = useState<ExportFormat>('bibtex')
  const [kind, setKind] = useState<ScopeKind>('library')
  const [collections, setCollections] = useState<CollectionChoice[]>([])
  const [collectionId, setCollectionId] = useState<string | undefined>(undefined)
  const [deep, setDeep] = useState(true)
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: string }>({
    busy: false,
  })
  const task = useTaskCancelledOnClose('export')

  useEffect(() => {
    api
      .listExportCollections({})
      .then((choices) => {
        setCollections(choices)
        setCollectionId((id) => id ?? choices[0]?.id)
      })
      .catch((caught: unknown) => setState({ busy: false, error: errorMessage(caught) }))
  }, [])

  function scope(): ExportScope | undefined {
    if (kind === 'library') return { kind }
    if (kind === 'selection') {
      return props.selectedIds.length === 0 ? undefined : { kind, paperIds: [...props.selectedIds] }
    }
    return collectionId === undefined
      ? undefined
      : { kind, collectionId, includeSubcollections: deep }
  }

  async function onExport(): Promise<void> {
    const chosen = scope()
    if (chosen === undefined || state.busy) return
    setState({ busy: true })
    try {
      const result = await api.exportPapers({ format, scope: chosen })
      saveExport(result)
      const what = count(result.paperCount, 'paper')
      setState({
        busy: false,
        message: `Exported ${what} as ${result.format === 'markdown' ? `${result.name}.zip` : result.name}.`,
      })
    } catch (caught) {
      if (caught instanceof OffprintApiError && caught.code === 'cancelled') {
        setState({ busy: false, message: 'Export cancelled. Nothing was saved.' })
      } else {
        setState({ busy: false, error: errorMessage(caught) })
      }
    }
  }

  return (
    <Dialog title="Export" onCancel={props.onClose} className="wide-dialog">
      <div className="dialog-body" data-testid="export-dialog">
        <fieldset className="dialog-fieldset">
          <legend>Format</legend>
          {FORMATS.map(([value, label]) => (
            <label key={value} className="dialog-choice">
              <input
                type="radio"
                name="export-format"
                value={value}
                checked={format === value}
                onChange={() => setFormat(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset className="dialog-fieldset">
          <legend>Papers</legend>
          <label className="dialog-choice">
            <input
              type="radio"
              name="export-scope"
              checked={kind === 'library'}
              onChange={() => setKind('library')}
            />
            The whole library
          </label>
          <label className="dialog-choice">
            <input
              type="radio"
              name="export-scope"
              checked={kind === 'collection'}
              disabled={collections.length === 0}
              onChange={() => setKind('collection')}
            />
            A collection{collections.length === 0 && ' (none yet)'}
          </label>
          {kind === 'collection' && (
            <div className="dialog-indent">
              <select
                aria-label="Collection"
                value={collectionId ?? ''}
                onChange={(event) => setCollectionId(event.target.value)}
                data-testid="export-collection"
              >
                {collections.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {`${'\u2003'.repeat(choice.depth)}${choice.name} (${choice.paperCount})`}
                  </option>
                ))}
              </select>
              <label className="dialog-choice">
                <input
                  type="checkbox"
                  checked={deep}
                  onChange={(event) => setDeep(event.target.checked)}
                />
                Include subcollections
              </label>
            </div>
          )}
          <label className="dialog-choice">
            <input
              type="radio"
              name="export-scope"
              checked={kind === 'selection'}
              disabled={props.selectedIds.length === 0}
              onChange={() => setKind('selection')}
            />
            {props.selectedIds.length > 1
              ? `The ${props.selectedIds.length} selected papers`
              : 'The selected paper'}
          </label>
        </fieldset>
        {state.busy && task !== undefined && <TaskProgress task={task} />}
        {state.message !== undefined && (
          <p className="dialog-success" role="status" data-testid="export-message">
            {state.message}
          </p>
        )}
        {state.error !== undefined && (
          <p className="dialog-error" role="alert">
            {state.error}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <>
          <button type="button" className="toolbar-button" onClick={props.onClose}>
            Close
          </button>
          <button
            type="button"
            className="primary-button"
            onClick={() => void onExport()}
            // Busy, it stays focusable: a disabled button would drop the focus
            // out of the dialog, and Esc would no longer close it.
            aria-disabled={state.busy}
            disabled={scope() === undefined}
            data-testid="export-confirm"
          >
            Export…
          </button>
        </>
      </div>
    </Dialog>
  )
}
