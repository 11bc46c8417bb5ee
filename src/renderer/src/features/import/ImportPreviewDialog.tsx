// The import preview: how many papers are new, which entries are already in
// the library (and what merging them would add), which could not be read
// (line and reason), and which identifiers wait for the network. Nothing is
// written until Import is pressed.
import type { ImportPreview } from '../../../../shared/model'
import { Dialog } from '../../ui/Dialog'

const FORMAT_NAMES: Record<ImportPreview['format'], string> = {
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  'arxiv-atom': 'arXiv API feed',
  'arxiv-feed': 'arXiv announcement feed',
  identifiers: 'arXiv ids / DOIs',
  'hf-daily-papers': 'Daily Papers page',
  'hf-api-json': 'Hugging Face API JSON',
  'hf-saved-html': 'saved Hugging Face page',
  'hf-page-capture': 'Hugging Face page capture',
  pdf: 'PDF',
}

const FIELD_NAMES: Record<string, string> = {
  arxivId: 'arXiv id',
  doi: 'DOI',
  authorCount: 'author count',
  citationKey: 'citation key',
  citationKeyAliases: 'citation keys',
  published: 'date',
  dailyDate: 'Daily Papers day',
  githubRepo: 'GitHub repository',
  githubStars: 'GitHub stars',
  projectPage: 'project page',
  aiSummary: 'AI summary',
  aiKeywords: 'AI keywords',
}

const SHOWN = 200

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}

export function ImportPreviewDialog(props: {
  preview: ImportPreview
  onConfirm: () => void
  onCancel: () => void
}) {
  const { preview } = props
  const newCount = preview.newTitles.length
  const merging = preview.duplicates.filter((d) => d.wouldMerge.length > 0).length
  const source = preview.fileName ?? 'pasted text'
  return (
    <Dialog title={`Import ${source}`} onCancel={props.onCancel} className="wide-dialog">
      <div className="dialog-body" data-testid="import-preview">
        <p className="preview-format">
          {FORMAT_NAMES[preview.format]} · {plural(preview.entries, 'entry', 'entries')} read
        </p>
        <ul className="preview-counts">
          <li data-testid="preview-new">
            <strong>{plural(newCount, 'new paper')}</strong>
          </li>
          <li data-testid="preview-duplicates">
            {plural(preview.duplicates.length + preview.repeatsInFile, 'duplicate')}
            {merging > 0 && ` (${merging} would gain details)`}
          </li>
          <li data-testid="preview-skipped">
            {plural(preview.skipped.length, 'unreadable entry', 'unreadable entries')}
          </li>
          {preview.queued.length > 0 && (
            <li data-testid="preview-queued">
              {plural(preview.queued.length, 'identifier')} to look up later
            </li>
          )}
        </ul>
        {preview.lookupProblem !== undefined && (
          <p className="preview-problem" role="alert">
            {preview.lookupProblem}. Importing keeps them in the lookup queue.
          </p>
        )}
        {preview.mergedKeys !== undefined && preview.mergedKeys.length > 0 && (
          <details className="preview-section" data-testid="preview-merged-keys">
            <summary>
              {plural(preview.mergedKeys.length, 'citation key')} kept as aliases of the same paper
            </summary>
            <ul>
              {preview.mergedKeys.slice(0, SHOWN).map(({ key, into }, index) => (
                <li key={index}>
                  <code>{key}</code> → <code>{into}</code>
                </li>
              ))}
            </ul>
          </details>
        )}
        {preview.duplicates.length > 0 && (
          <details className="preview-section" open>
            <summary>Already in your library</summary>
            <ul>
              {preview.duplicates.slice(0, SHOWN).map((duplicate, index) => (
                <li key={index}>
                  <span className="preview-title">{duplicate.existingTitle}</span>{' '}
                  <span className="preview-detail">
                    (line {duplicate.line}, same{' '}
                    {duplicate.matchedBy === 'title-year'
                      ? 'title and year'
                      : duplicate.matchedBy === 'doi'
                        ? 'DOI'
                        : 'arXiv id'}
                    {duplicate.wouldMerge.length > 0
                      ? `; adds ${duplicate.wouldMerge.map((f) => FIELD_NAMES[f] ?? f).join(', ')}`
                      : '; nothing new'}
                    )
                  </span>
                </li>
              ))}
            </ul>
          </details>
        )}
        {preview.skipped.length > 0 && (
          <details className="preview-section" open>
            <summary>Could not be read</summary>
            <ul data-testid="preview-skipped-list">
              {preview.skipped.slice(0, SHOWN).map((entry, index) => (
                <li key={index}>
                  Line {entry.line}
                  {entry.entry !== undefined && ` (entry ${entry.entry})`}: {entry.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
        {newCount > 0 && (
          <details className="preview-section">
            <summary>New papers</summary>
            <ul>
              {preview.newTitles.slice(0, SHOWN).map((title, index) => (
                <li key={index}>{title}</li>
              ))}
              {newCount > SHOWN && <li>… and {plural(newCount - SHOWN, 'more paper')}</li>}
            </ul>
          </details>
        )}
      </div>
      <div className="dialog-actions">
        <>
          <button type="button" className="toolbar-button" onClick={props.onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="primary-button"
            onClick={props.onConfirm}
            data-testid="import-confirm"
          >
            {newCount > 0 ? `Import ${plural(newCount, 'paper')}` : 'Import'}
          </button>
        </>
      </div>
    </Dialog>
  )
}
