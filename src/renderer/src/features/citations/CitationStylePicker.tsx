// The style a note's citations are shown in, switched live from the preview:
// the bundled styles and those the user added in Settings.
import { useQuery } from '@tanstack/react-query'
import { libraryQueries } from '../../data/libraryQueries'
import { useCitationStyle } from './citationStyleContext'

export function CitationStylePicker() {
  const { style, choose } = useCitationStyle()
  const { data: styles } = useQuery(libraryQueries.citationStyles())
  return (
    <label className="citation-style-picker">
      Citation style{' '}
      <select
        data-testid="citation-style"
        value={style}
        onChange={(event) => choose(event.target.value)}
      >
        {(styles ?? [{ id: style, title: style, bundled: true }]).map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.title}
          </option>
        ))}
      </select>
    </label>
  )
}
