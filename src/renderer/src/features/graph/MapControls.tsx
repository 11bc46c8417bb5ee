// The library map's controls: filters (collection, tag, year, status), the
// search box, what colour and size say, and the colour legend.
import type { LibraryMap, ReadingStatus } from '../../../../shared/model'
import type { ColourBy, LegendEntry, MapFilters, SizeBy } from './mapLooks'

export interface MapSettings {
  filters: Omit<MapFilters, 'matches'>
  query: string
  colourBy: ColourBy
  sizeBy: SizeBy
}

interface MapControlsProps {
  map: LibraryMap
  settings: MapSettings
  onChange(settings: MapSettings): void
  legend: readonly LegendEntry[]
}

const STATUSES: ReadingStatus[] = ['unread', 'reading', 'read']

export function MapControls({ map, settings, onChange, legend }: MapControlsProps) {
  const { filters } = settings
  const setFilter = (patch: Partial<MapSettings['filters']>): void =>
    onChange({ ...settings, filters: { ...filters, ...patch } })
  const tags = [...new Set(map.nodes.flatMap((node) => node.tags ?? []))].sort()
  const years = [
    ...new Set(map.nodes.flatMap((node) => (node.year === undefined ? [] : [node.year]))),
  ].sort()
  const yearOf = (value: string): number | undefined => (value === '' ? undefined : Number(value))
  return (
    <div className="graph-controls map-controls">
      <label>
        Search
        <input
          type="search"
          value={settings.query}
          placeholder="Highlight papers"
          onChange={(event) => onChange({ ...settings, query: event.target.value })}
          data-testid="map-search"
        />
      </label>
      <label>
        Collection
        <select
          value={filters.collectionId}
          onChange={(event) => setFilter({ collectionId: event.target.value })}
          data-testid="map-collection"
        >
          <option value="">All</option>
          {map.collections.map((collection) => (
            <option key={collection.id} value={collection.id}>
              {collection.name}
            </option>
          ))}
        </select>
      </label>
      <ChoiceSelect
        label="Tag"
        value={filters.tag}
        choices={tags}
        any="All"
        testId="map-tag"
        onChange={(tag) => setFilter({ tag })}
      />
      <ChoiceSelect
        label="From"
        value={filters.yearFrom === undefined ? '' : String(filters.yearFrom)}
        choices={years.map(String)}
        any="any year"
        testId="map-year-from"
        onChange={(value) => setFilter({ yearFrom: yearOf(value) })}
      />
      <ChoiceSelect
        label="to"
        value={filters.yearTo === undefined ? '' : String(filters.yearTo)}
        choices={years.map(String)}
        any="any year"
        testId="map-year-to"
        onChange={(value) => setFilter({ yearTo: yearOf(value) })}
      />
      <ChoiceSelect
        label="Status"
        value={filters.status}
        choices={STATUSES}
        any="Any"
        testId="map-status-filter"
        onChange={(value) =>
          setFilter({ status: STATUSES.find((status) => status === value) ?? '' })
        }
      />
      <label>
        Colour by
        <select
          value={settings.colourBy}
          onChange={(event) => onChange({ ...settings, colourBy: event.target.value as ColourBy })}
          data-testid="map-colour-by"
        >
          <option value="kind">kind</option>
          <option value="collection">collection</option>
          <option value="year">year</option>
          <option value="status">status</option>
        </select>
      </label>
      <label>
        Size by
        <select
          value={settings.sizeBy}
          onChange={(event) => onChange({ ...settings, sizeBy: event.target.value as SizeBy })}
          data-testid="map-size-by"
        >
          <option value="links">links</option>
          <option value="upvotes">upvotes</option>
        </select>
      </label>
      <ul className="map-legend" aria-label="Colours" data-testid="map-legend">
        {legend.map((entry) => (
          <li key={entry.name}>
            <span
              className="map-dot"
              aria-hidden="true"
              style={{ backgroundColor: entry.colour }}
            />
            {entry.name}
          </li>
        ))}
      </ul>
    </div>
  )
}

interface ChoiceSelectProps {
  label: string
  value: string
  choices: readonly string[]
  /** The first option, meaning no filter (value ''). */
  any: string
  testId: string
  onChange(value: string): void
}

/** A labelled select of plain choices after an "any" option. */
function ChoiceSelect({ label, value, choices, any, testId, onChange }: ChoiceSelectProps) {
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        <option value="">{any}</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </label>
  )
}
