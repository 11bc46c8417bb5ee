// Related papers in the paper pane: the manual relations (added with a picker
// or by dropping a paper from the list on the pane, labelled, removable) and
// the automatic ones (the most similar papers by title and abstract).
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { LinkTarget } from '../../../../shared/model'
import { answerOf, type Answer } from '../../data/answerOf'
import { api, errorMessage } from '../../data/client'
import { libraryQueries } from '../../data/libraryQueries'
import type { Destination } from '../navigation/linkDestination'
import { PaperPicker } from '../../ui/PaperPicker'

/** Labels offered for a relation; any other text works too. */
const LABELS = ['extends', 'contradicts', 'replicates', 'uses', 'compares with', 'same topic']

interface RelatedPapersProps {
  paperId: string
  onOpen(destination: Destination): void
  /** Shown above the list after a failed drop or add. */
  problem: string | undefined
  onProblem(message: string | undefined): void
}

export function ManualRelations({ paperId, onOpen, problem, onProblem }: RelatedPapersProps) {
  const relations = valueOrError(answerOf(useQuery(libraryQueries.relations(paperId))))
  const [adding, setAdding] = useState(false)
  const [label, setLabel] = useState('')

  async function add(other: LinkTarget): Promise<void> {
    try {
      await api.addRelation({ fromId: paperId, toId: other.id, label })
      onProblem(undefined)
      setAdding(false)
      setLabel('')
    } catch (caught) {
      onProblem(errorMessage(caught))
    }
  }

  async function run(task: Promise<unknown>): Promise<void> {
    try {
      await task
      onProblem(undefined)
    } catch (caught) {
      onProblem(errorMessage(caught))
    }
  }

  return (
    <section className="connections relations" aria-label="Related papers" data-testid="relations">
      <h2>Related papers</h2>
      {problem !== undefined && (
        <p className="pane-error" role="alert">
          {problem}
        </p>
      )}
      {relations !== undefined && 'error' in relations && (
        <p className="pane-error" role="alert">
          Could not list the relations: {relations.error}
        </p>
      )}
      {Array.isArray(relations) && relations.length > 0 && (
        <ul className="relation-list">
          {relations.map((view) => (
            <li key={view.relation.id} className="relation" data-testid="relation">
              <span
                className="relation-direction"
                title={
                  view.direction === 'outgoing' ? 'This paper → that one' : 'That paper → this one'
                }
              >
                {view.direction === 'outgoing' ? '→' : '←'}
              </span>
              <input
                className="relation-label"
                aria-label={`Relation to ${view.other.title}`}
                list="relation-labels"
                placeholder="related"
                defaultValue={view.relation.label ?? ''}
                onBlur={(event) => {
                  if (event.target.value.trim() !== (view.relation.label ?? '')) {
                    void run(
                      api.updateRelation({ id: view.relation.id, label: event.target.value }),
                    )
                  }
                }}
              />
              <button
                type="button"
                className="link-button relation-title"
                onClick={() => onOpen({ kind: 'paper', id: view.other.id })}
              >
                {view.other.title}
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove the relation to ${view.other.title}`}
                title="Remove this relation"
                onClick={() => void run(api.removeRelation({ id: view.relation.id }))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <datalist id="relation-labels">
        {LABELS.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {adding ? (
        <div className="relation-adder">
          <input
            className="relation-label"
            aria-label="Relation label (optional)"
            list="relation-labels"
            placeholder="label (optional): extends, contradicts…"
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
          <PaperPicker
            label="Find the related paper"
            excludeId={paperId}
            onPick={(other) => void add(other)}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : (
        <p className="muted">
          <button type="button" className="link-button" onClick={() => setAdding(true)}>
            Add related paper…
          </button>{' '}
          or drop a paper from the list here.
        </p>
      )}
    </section>
  )
}

/** The most similar papers, each with a bar for how similar. */
export function SimilarPapers(props: { paperId: string; onOpen(destination: Destination): void }) {
  const { paperId, onOpen } = props
  const similar = valueOrError(answerOf(useQuery(libraryQueries.similarPapers(paperId))))

  return (
    <section
      className="connections similar"
      aria-label="Similar papers"
      data-testid="similar-papers"
    >
      <h2 title="By the words of their titles and abstracts (TF-IDF cosine similarity)">
        Similar papers
      </h2>
      {similar === undefined && <p className="muted">Loading…</p>}
      {similar !== undefined && 'error' in similar && (
        <p className="pane-error" role="alert">
          {similar.error}
        </p>
      )}
      {Array.isArray(similar) && similar.length === 0 && (
        <p className="muted">No paper in the library shares enough of its words.</p>
      )}
      {Array.isArray(similar) && similar.length > 0 && (
        <ol className="similar-list">
          {similar.map(({ paper, score }) => (
            <li key={paper.id} className="similar-paper" data-testid="similar-paper">
              <span
                className="similarity"
                role="meter"
                aria-label="Similarity"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(score * 100)}
                title={`Similarity ${Math.round(score * 100)}%`}
              >
                {/* Cosines of abstracts rarely pass 0.4: the bar is full from there. */}
                <span
                  className="similarity-fill"
                  style={{ width: `${Math.min(100, score * 250)}%` }}
                />
              </span>
              <button
                type="button"
                className="link-button similar-title"
                draggable={false}
                onClick={() => onOpen({ kind: 'paper', id: paper.id })}
              >
                {paper.title}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

/** The list, or why it could not be had; undefined while it loads. */
function valueOrError<T>(answer: Answer<T[]>): T[] | { error: string } | undefined {
  return answer === undefined || 'error' in answer ? answer : answer.value
}
