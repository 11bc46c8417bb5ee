// Where the caret of a textarea is on screen, so the `[[` autocomplete can open
// right under it. A textarea does not say; the usual way is to lay the same
// text out in an invisible copy with the same box and font, and measure a
// marker placed at the caret.

/** The properties that decide where text wraps and lines fall. */
const MIRRORED = [
  'boxSizing',
  'width',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'letterSpacing',
  'lineHeight',
  'tabSize',
  'textTransform',
  'wordSpacing',
  'textIndent',
] as const

export interface CaretPosition {
  /** Relative to the textarea's top-left corner, after its scroll. */
  top: number
  left: number
  /** Height of a line, to place a popup under the caret. */
  height: number
}

export function caretPosition(textarea: HTMLTextAreaElement, offset: number): CaretPosition {
  const style = window.getComputedStyle(textarea)
  const mirror = document.createElement('div')
  for (const property of MIRRORED) mirror.style[property] = style[property]
  mirror.style.position = 'absolute'
  mirror.style.visibility = 'hidden'
  mirror.style.whiteSpace = 'pre-wrap'
  mirror.style.overflowWrap = 'break-word'
  mirror.style.top = '0'
  mirror.style.left = '-9999px'
  mirror.textContent = textarea.value.slice(0, offset)
  const marker = document.createElement('span')
  // Something with a width, so the marker has a box even at the end of a line.
  marker.textContent = textarea.value.slice(offset, offset + 1) || '.'
  mirror.appendChild(marker)
  document.body.appendChild(mirror)
  const lineHeight = Number.parseFloat(style.lineHeight) || marker.offsetHeight
  const position = {
    top: marker.offsetTop - textarea.scrollTop,
    left: marker.offsetLeft - textarea.scrollLeft,
    height: lineHeight,
  }
  mirror.remove()
  return position
}
