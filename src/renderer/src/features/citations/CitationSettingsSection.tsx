// Settings > Citations: the style notes, Quick Copy and note exports use;
// what Quick Copy puts on the clipboard; and a .csl style of one's own, kept
// in the library folder (styles/) once the CSL processor can read it.
import { useState, type ChangeEvent } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { QuickCopyFormat, Settings, SettingsPatch } from '../../../../shared/model'
import { api, errorMessage } from '../../data/client'
import { libraryQueries } from '../../data/libraryQueries'

const QUICK_COPY: { value: QuickCopyFormat; label: string }[] = [
  { value: 'bibliography', label: 'a formatted bibliography (HTML and text)' },
  { value: 'bibtex', label: 'BibTeX entries' },
  { value: 'keys', label: 'citation keys (@key; @key)' },
]

export function CitationSettingsSection(props: {
  id: string
  settings: Settings
  onChange: (patch: SettingsPatch) => void
}) {
  const { id, settings, onChange } = props
  const { data: styles } = useQuery(libraryQueries.citationStyles())
  const queries = useQueryClient()
  const [message, setMessage] = useState<string | undefined>(undefined)

  function addStyle(event: ChangeEvent<HTMLInputElement>): void {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (file === undefined) return
    file
      .text()
      .then((text) => api.addCitationStyle({ fileName: file.name, text }))
      .then(async (added) => {
        await queries.invalidateQueries({ queryKey: libraryQueries.citationStyles().queryKey })
        onChange({ citationStyle: added.id })
        setMessage(`Added “${added.title}”.`)
      })
      .catch((caught: unknown) => setMessage(errorMessage(caught)))
  }

  return (
    <section className="settings-section" aria-labelledby={`${id}-citations`}>
      <h3 id={`${id}-citations`}>Citations</h3>
      <label className="settings-field" htmlFor={`${id}-citation-style`}>
        Style of citations in notes, Quick Copy and note exports
      </label>
      <select
        id={`${id}-citation-style`}
        value={settings.citationStyle}
        onChange={(event) => onChange({ citationStyle: event.target.value })}
      >
        {(styles ?? []).map((style) => (
          <option key={style.id} value={style.id}>
            {style.title}
            {style.bundled ? '' : ' (added)'}
          </option>
        ))}
      </select>
      <label className="settings-field" htmlFor={`${id}-quick-copy`}>
        Quick Copy (Ctrl/Cmd+Shift+C) copies
      </label>
      <select
        id={`${id}-quick-copy`}
        value={settings.quickCopyFormat}
        onChange={(event) => onChange({ quickCopyFormat: event.target.value as QuickCopyFormat })}
      >
        {QUICK_COPY.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <label className="settings-field" htmlFor={`${id}-add-style`}>
        Add a style (a .csl file)
      </label>
      <input id={`${id}-add-style`} type="file" accept=".csl" onChange={addStyle} />
      {message !== undefined && (
        <p className="settings-hint" role="status">
          {message}
        </p>
      )}
    </section>
  )
}
