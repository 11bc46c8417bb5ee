// The kinds of file Import… offers to pick: the in-page file picker (toolbar,
// Ctrl/Cmd+O) and the system Open dialog behind File > Import… list the same ones.
// The importer recognizes a format by its content, so these only narrow the list.

/** Extensions, without the dot: BibTeX, RIS, CSL-JSON, arXiv Atom, Daily Papers pages and id lists. */
export const IMPORT_FILE_EXTENSIONS = [
  'bib',
  'bibtex',
  'ris',
  'json',
  'csljson',
  'atom',
  'xml',
  'txt',
] as const

/** The `accept` attribute of the in-page file picker. */
export const IMPORT_FILE_ACCEPT = [
  ...IMPORT_FILE_EXTENSIONS.map((extension) => `.${extension}`),
  'text/plain',
  'application/json',
].join(',')
