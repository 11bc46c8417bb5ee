// Untrusted plain text with its math typeset: text runs stay React text, math
// runs become KaTeX (sanitized), and \textbf{…}-style runs become <strong> etc.
import { Fragment, memo, useLayoutEffect, useMemo, useRef } from 'react'
import { splitMathRuns, type TextStyle } from './mathRuns'
import { renderMathElement } from './renderMath'

export const MathText = memo(function MathText({ text }: { text: string }) {
  const runs = useMemo(() => splitMathRuns(text), [text])
  return (
    <>
      {runs.map((run, index) => {
        if (run.kind === 'text') return <Fragment key={index}>{run.text}</Fragment>
        if (run.kind === 'math') return <Formula key={index} tex={run.tex} display={run.display} />
        return <Styled key={index} style={run.style} text={run.text} />
      })}
    </>
  )
})

function Styled({ style, text }: { style: TextStyle; text: string }) {
  if (style === 'bold') return <strong>{text}</strong>
  if (style === 'italic') return <em>{text}</em>
  if (style === 'mono') return <code>{text}</code>
  return <>{text}</>
}

function Formula({ tex, display }: { tex: string; display: boolean }) {
  const slot = useRef<HTMLSpanElement>(null)
  // Before paint, so the raw TeX is never seen.
  useLayoutEffect(() => {
    slot.current?.replaceChildren(renderMathElement(tex, display))
  }, [tex, display])
  return <span ref={slot} className="math-slot" data-testid="math" />
}
