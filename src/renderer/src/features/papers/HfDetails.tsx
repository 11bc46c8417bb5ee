// What Hugging Face adds to a paper: its day on Daily Papers, comments and the
// code's stars in the metadata, and the machine-written summary and keywords
// in a section of their own, labelled as such, below the authors' abstract.
// Untrusted text: rendered as React text, never as HTML.
import type { Paper } from '../../../../shared/model'
import { ClippedText } from '../../ui/ClippedText'
import { SHOWN_CHARS, formatCount } from '../../ui/clipText'
import { formatDate } from '../../ui/format'

/** Rows for the paper's metadata list (inside its <dl>). */
export function HfMetaRows({ paper }: { paper: Paper }) {
  return (
    <>
      {paper.dailyDate !== undefined && (
        <>
          <dt>On Daily Papers</dt>
          <dd data-testid="paper-daily-date">{formatDate(paper.dailyDate)}</dd>
        </>
      )}
      {paper.comments !== undefined && (
        <>
          <dt>Comments</dt>
          <dd data-testid="paper-comments">{formatCount(paper.comments)}</dd>
        </>
      )}
      {paper.githubStars !== undefined && (
        <>
          <dt>GitHub stars</dt>
          <dd data-testid="paper-github-stars">{formatCount(paper.githubStars)}</dd>
        </>
      )}
    </>
  )
}

/** Hugging Face's AI summary and keywords, never presented as the abstract. */
export function AiSummary({ paper }: { paper: Paper }) {
  const keywords = paper.aiKeywords ?? []
  if (paper.aiSummary === undefined && keywords.length === 0) return null
  return (
    <section className="paper-ai-summary" aria-labelledby="ai-summary-heading">
      <h2 id="ai-summary-heading">
        AI summary <span className="paper-ai-source">written by Hugging Face, not the authors</span>
      </h2>
      {paper.aiSummary !== undefined && (
        <p data-testid="paper-ai-summary">
          <ClippedText text={paper.aiSummary} limit={SHOWN_CHARS.abstract} />
        </p>
      )}
      {keywords.length > 0 && (
        <ul className="paper-ai-keywords" aria-label="AI keywords" data-testid="paper-ai-keywords">
          {keywords.map((keyword, index) => (
            <li key={`${index}:${keyword}`}>{keyword}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
