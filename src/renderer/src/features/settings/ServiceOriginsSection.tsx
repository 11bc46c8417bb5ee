// Settings > Online services: where Hugging Face, the arXiv API and arXiv's
// feeds are (a mirror, a proxy). Each field is saved when it loses focus and
// holds an http(s) address; OFFPRINT_HF_API, OFFPRINT_ARXIV_API and
// OFFPRINT_ARXIV_RSS still override them for one run.
import { useState } from 'react'
import type { ServiceOrigins, SettingsPatch } from '../../../../shared/model'
import { DEFAULT_SERVICE_ORIGINS } from '../../../../shared/model'

const FIELDS: { key: keyof ServiceOrigins; label: string; variable: string }[] = [
  { key: 'huggingFace', label: 'Hugging Face', variable: 'OFFPRINT_HF_API' },
  { key: 'arxivApi', label: 'arXiv API', variable: 'OFFPRINT_ARXIV_API' },
  { key: 'arxivRss', label: 'arXiv feeds', variable: 'OFFPRINT_ARXIV_RSS' },
]

/** The address as stored (no trailing slash), or undefined when it is not an http(s) address. */
function originOf(text: string): string | undefined {
  const value = text.trim().replace(/\/+$/, '')
  return /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/.test(value) ? value : undefined
}

export function ServiceOriginsSection(props: {
  id: string
  origins: ServiceOrigins
  onChange: (patch: SettingsPatch) => void
}) {
  const { id, origins, onChange } = props
  const [invalid, setInvalid] = useState<keyof ServiceOrigins | undefined>(undefined)
  return (
    <section className="settings-section" aria-labelledby={`${id}-online`}>
      <h3 id={`${id}-online`}>Online services</h3>
      <p className="settings-hint">
        Where Get Daily Papers, arXiv feeds and lookups go. The environment variables named below
        override these for one run.
      </p>
      {FIELDS.map(({ key, label, variable }) => (
        <div key={key}>
          <label className="settings-field" htmlFor={`${id}-origin-${key}`}>
            {label} (<code>{variable}</code>)
          </label>
          <input
            // A new stored value (a reset) replaces what is typed.
            key={origins[key]}
            id={`${id}-origin-${key}`}
            className="settings-path"
            type="url"
            defaultValue={origins[key]}
            aria-invalid={invalid === key}
            data-testid={`settings-origin-${key}`}
            onBlur={(event) => {
              const origin = originOf(event.target.value)
              setInvalid(origin === undefined ? key : undefined)
              if (origin !== undefined && origin !== origins[key]) {
                onChange({ serviceOrigins: { ...origins, [key]: origin } })
              }
            }}
          />
        </div>
      ))}
      {invalid !== undefined && (
        <p className="settings-hint" role="alert">
          Not saved: an address starts with http:// or https://
        </p>
      )}
      <button
        type="button"
        className="toolbar-button"
        onClick={() => {
          setInvalid(undefined)
          onChange({ serviceOrigins: { ...DEFAULT_SERVICE_ORIGINS } })
        }}
      >
        Use the public services
      </button>
    </section>
  )
}
