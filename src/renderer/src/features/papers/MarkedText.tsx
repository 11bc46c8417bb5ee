// A title or abstract as the reader shows it: with its math typeset, or, while
// a search matched words in it, as plain text with those words marked (the
// offsets main sends are offsets into the plain text, which typeset math would
// no longer match).
import type { TextRange } from '../../../../shared/model'
import { Highlighted } from '../../ui/Highlighted'
import { MathText } from '../notes/math/MathText'

export function MarkedText({ text, ranges }: { text: string; ranges?: readonly TextRange[] }) {
  if (ranges !== undefined && ranges.length > 0) return <Highlighted text={text} ranges={ranges} />
  return <MathText text={text} />
}
