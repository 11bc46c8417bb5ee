// A paper's citation key in the paper pane's facts: shown, copied (as
// `@key`, ready to paste into a note or a LaTeX \cite), and edited in place;
// the library refuses a key another paper has, and the old key keeps citing.
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { formatCitationKey } from '../../../../shared/text/pandocCitations'
import { api, errorMessage } from '../../data/client'
import { libraryQueries } from '../../data/libraryQueries'

export function CitationKeyRow({ paperId }: { paperId: string }) {
  const { data } = useQuery(libraryQueries.citationKey(paperId))
  const [editing, setEditing] = useState<string | undefined>(undefined)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const [copied, setCopied] = useState(false)
  if (data === undefined) return null

  function save(): void {
    if (editing === undefined) return
    if (editing.trim() === data?.key) {
      setEditing(undefined)
      return
    }
    api
      .setCitationKey({ paperId, key: editing })
      .then(() => {
        setEditing(undefined)
        setProblem(undefined)
      })
      .catch((caught: unknown) => setProblem(errorMessage(caught)))
  }

  function copy(): void {
    const text = formatCitationKey(data?.key ?? '')
    const write = (event: ClipboardEvent): void => {
      event.preventDefault()
      event.clipboardData?.setData('text/plain', text)
    }
    document.addEventListener('copy', write, { once: true })
    setCopied(document.execCommand('copy'))
    document.removeEventListener('copy', write)
  }

  return (
    <>
      <dt>Citation key</dt>
      <dd className="citation-key" data-testid="paper-citation-key">
        {editing === undefined ? (
          <>
            <code>{data.key}</code>{' '}
            <button type="button" className="link-button" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </button>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setCopied(false)
                setEditing(data.key)
              }}
            >
              Edit
            </button>
          </>
        ) : (
          <input
            className={problem === undefined ? undefined : 'invalid'}
            aria-label="Citation key"
            aria-invalid={problem !== undefined}
            aria-describedby={problem === undefined ? undefined : `citation-key-problem-${paperId}`}
            value={editing}
            autoFocus
            onChange={(event) => setEditing(event.target.value)}
            onBlur={save}
            onKeyDown={(event) => {
              if (event.key === 'Enter') save()
              if (event.key === 'Escape') {
                event.stopPropagation()
                setEditing(undefined)
                setProblem(undefined)
              }
            }}
          />
        )}
        {problem !== undefined && (
          <span className="field-problem" role="alert" id={`citation-key-problem-${paperId}`}>
            {problem}
          </span>
        )}
      </dd>
    </>
  )
}
