// Looks through the live page for anything hostile content must never leave
// behind, whether or not it could run: an element that runs or loads things
// (script, iframe, object, base, meta, form…), an event-handler attribute, a
// link to javascript:, vbscript:, data: or file:, or a reference to a remote
// resource. The CSP would stop most of these from running; this finds them
// even so, because the sanitizer is supposed to remove them first.
//
// Runs inside the page (passed to page.evaluate), so it uses only DOM APIs.
// `scope` limits it to the elements matching a selector (and what they hold),
// for checks repeated after each small change ('body' for the whole window).
export function auditDom(scope: string): string[] {
  // What a browser ignores when it reads a URL's scheme: control characters and spaces.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const IGNORED_IN_SCHEMES = /[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\u2028\u2029\ufeff]/g
  const found: string[] = []
  const describe = (element: Element): string =>
    `<${element.tagName.toLowerCase()}> in ${element.closest('[data-testid]')?.getAttribute('data-testid') ?? 'the page'}`
  // The app's own page has none of these in <body>.
  const forbidden =
    'script, iframe, frame, frameset, object, embed, applet, base, meta, link, form, style, portal, noscript, template, math maction, svg script, svg foreignObject'
  const roots = Array.from(document.querySelectorAll(scope))
  const within = (selector: string): Element[] =>
    roots.flatMap((root) => [
      ...(root.matches(selector) ? [root] : []),
      ...Array.from(root.querySelectorAll(selector)),
    ])
  for (const element of within(forbidden)) {
    found.push(`element ${describe(element)}`)
  }
  // Attributes that hold a URL the browser may follow or load.
  const urlAttributes = new Set([
    'href',
    'xlink:href',
    'src',
    'srcset',
    'action',
    'formaction',
    'data',
    'poster',
    'background',
    'ping',
    'codebase',
    'dynsrc',
    'lowsrc',
    'cite',
    'longdesc',
    'usemap',
  ])
  for (const element of within('*')) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase()
      const value = attribute.value.replace(IGNORED_IN_SCHEMES, '').toLowerCase()
      if (name.startsWith('on')) found.push(`handler ${name} on ${describe(element)}`)
      if (name === 'srcdoc') found.push(`srcdoc on ${describe(element)}`)
      if (name === 'style' && /url\(|expression|behavior|@import/.test(value)) {
        found.push(`style ${attribute.value} on ${describe(element)}`)
      }
      if (!urlAttributes.has(name)) continue
      const rasterImage = /^data:image\/(png|gif|jpeg|webp);/.test(value)
      if (
        /^(javascript|vbscript|data|file|filesystem|blob):/.test(value) &&
        !(name === 'src' && rasterImage)
      ) {
        found.push(`${name}="${attribute.value}" on ${describe(element)}`)
      }
      // Links may point anywhere on the web (they open in the system browser); nothing else may.
      const isLink = name === 'href' && element.tagName === 'A'
      if (!isLink && /^(https?:)?\/\//.test(value)) {
        found.push(`remote ${name}="${attribute.value}" on ${describe(element)}`)
      }
    }
  }
  // Links in user content: only the schemes the app hands to the browser.
  for (const anchor of within('a[href]')) {
    const href = anchor.getAttribute('href') ?? ''
    if (!/^(https?:|mailto:|#)/i.test(href.trim()))
      found.push(`link ${href} in ${describe(anchor)}`)
  }
  return found
}
