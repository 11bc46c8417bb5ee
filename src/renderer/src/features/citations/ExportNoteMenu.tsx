// "Export note…" in the note's toolbar: the note as markdown whose citations
// stay in pandoc syntax with references.bib of exactly the cited papers (one
// .zip), or rendered in the chosen style as markdown or HTML; saved through
// the same download path as the other exports.
import { useState } from 'react'
import { api, errorMessage } from '../../data/client'
import { saveFiles } from '../export/saveExport'
import { useCitationStyle } from './citationStyleContext'

type Rendering = 'pandoc' | 'markdown' | 'html'

const CHOICES: { value: Rendering; label: string }[] = [
  { value: 'pandoc', label: 'Markdown + .bib (pandoc citations)' },
  { value: 'markdown', label: 'Markdown, citations formatted' },
  { value: 'html', label: 'HTML, citations formatted' },
]

export function ExportNoteMenu({ noteId, onSaved }: { noteId: string; onSaved(): void }) {
  const { style } = useCitationStyle()
  const [problem, setProblem] = useState<string | undefined>(undefined)

  function exportAs(rendering: Rendering): void {
    // The note is asked to save first (the editor saves a moment after typing anyway).
    onSaved()
    api
      .exportNotes({ scope: { kind: 'note', noteId }, rendering, style })
      .then((result) => {
        setProblem(undefined)
        saveFiles(result.name, result.files, rendering === 'html' ? 'text/html' : 'text/markdown')
      })
      .catch((caught: unknown) => setProblem(errorMessage(caught)))
  }

  return (
    <>
      <select
        className="small-button"
        aria-label="Export note"
        data-testid="export-note"
        value=""
        onChange={(event) => exportAs(event.target.value as Rendering)}
      >
        <option value="" disabled>
          Export note…
        </option>
        {CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {problem !== undefined && (
        <span className="save-indicator save-failed" role="alert">
          {problem}
        </span>
      )}
    </>
  )
}
