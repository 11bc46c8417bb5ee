// `offprint help` (also --help, -h): what the CLI can do.
import { LIBRARY_ENV } from '../../core/store/libraryPath'
import type { Command } from '../commandLine'

export const USAGE = `Usage: offprint <command> [options]

Commands:
  import FILE                   import papers: BibTeX, RIS, CSL-JSON, an arXiv Atom feed,
                                a list of arXiv ids / DOIs (looked up online), or a saved
                                Hugging Face Daily Papers page; the format is read from
                                the content
  daily [DATE]                  fetch the Hugging Face Daily Papers of DATE (YYYY-MM-DD,
                                default today), of --week YYYY-Www or of --month YYYY-MM
                                from $OFFPRINT_HF_API (default https://huggingface.co)
                                and import them
  feed CATEGORIES               fetch today's arXiv announcements of CATEGORIES (cs.AI,
                                cs.AI+cs.LG; --atom for the Atom feed) from
                                $OFFPRINT_ARXIV_RSS (default https://rss.arxiv.org) and
                                import them; replacements update the papers you have
  feed add SPEC                 follow a feed for the Today inbox: hf-daily (hf-weekly,
                                hf-monthly), arxiv:cs.CL+cs.LG, arxiv-query:au:Bengio
                                (--name NAME, --every HOURS, --collection NAME)
  feed list                     the feeds, when each last succeeded and why it failed
  feed refresh [ID...]          check the feeds now (--force: arXiv on weekends too)
  feed remove ID                stop following a feed
  inbox                         the new items of the feeds, ranked against your library
                                (--by relevance|upvotes|date, --state new|kept|skipped|all,
                                --limit N, --json: id, title, arXiv id, sources, score, reason)
  inbox keep|skip|star ID...    triage items (keep: add to the library; star: and star it;
                                up|down: thumbs for the ranking; --collection NAME)
  export                        write papers out: --format F --out PATH (markdown: PATH is
                                a folder, one file per paper and note)
  list                          list the papers in the library, newest first
  search QUERY                  the papers matching QUERY, best match first, in the
                                app's query language: words, "phrases", -exclusions,
                                title:, author:, tag:, in:"Collection",
                                is:unread|reading|read|starred, has:note,
                                year:2024, year:2023..2025; the text of attached PDFs
                                too (in:pdf: there only)
  collections                   show the collections as a tree, with their paper counts
  add-to-collection NAME ID...  file papers in a collection (NAME or a path "A/B";
                                created when it does not exist)
  tag ID... --add T --remove T  add or remove tags on papers (each option repeatable)
  related ID                    the papers most similar to paper ID (title and abstract)
  backlinks ID                  the notes linking to paper or note ID, each with its sentence
  cite ID...                    the papers as a bibliography in --style S (apa, ieee,
                                chicago-author-date, nature, acm, vancouver, or an added
                                .csl; default: the library's style), --format text
                                (default), html or bibtex
  export-note NOTE_ID --out FILE  the note as markdown with pandoc citations and
                                references.bib beside it; --render: citations and
                                References formatted (FILE.html: HTML); --collection
                                NAME --out DIR: the notes of a collection's papers
  note ID                       print the note of paper ID (or standalone note ID);
                                --set TEXT replaces its text, --append TEXT adds a line
  sync status                   this device, the devices seen, the last merge, merged
                                conflicts and the notes that need a look (--json)
  sync merge                    merge what other devices left in the folder now (every
                                command merges on open too)
  sync merge-file O A B PATH    git's merge driver for library files (see README)
  attach ID FILE.pdf            attach a PDF to paper ID (stored once, by its SHA-256)
  attachments ID                the PDFs of paper ID, with their role and pages
  highlights ID                 the highlights on paper ID's PDFs, in page order
  graph ID                      the local graph of paper or note ID to --depth N (1-3,
                                default 2): nodes (id, kind, title), edges (source,
                                target, kind, label or strength)
  graph --all                   the whole library's graph, with its clusters
  help                          show this help

Options:
  --library DIR  the library folder (or set ${LIBRARY_ENV}=DIR)
  --json         list, search, collections, related, backlinks, attachments, highlights:
                 print JSON with all fields
  --json         list, search, collections, related, backlinks, graph: print JSON
  --sort ORDER   list (and search with only qualifiers): published (default),
                 added, title or upvotes
  --format F     export: bibtex, csl-json, ris or markdown
  --out PATH     export: the file (or folder, for markdown) to write
  --collection NAME    export: only this collection and its subcollections
  --no-subcollections  export: with --collection, leave its subcollections out
  --limit N      related: how many papers (default 5, at most 50)
  --week W       daily: an ISO week, e.g. 2026-W06
  --month M      daily: a month, e.g. 2026-02
  --atom         feed: read the Atom feed instead of RSS
  --style S      cite, export-note: the citation style
  --render       export-note: format citations and references in the style
  --set TEXT     note: the note's new text
  --append TEXT  note: text added to the note on a line of its own
  --depth N      graph: how many steps from ID (1 to 3, default 2)
  --all          graph: every paper and note instead of one's neighbours

Paper ids are in the output of: list --json`

export const helpCommand: Command = async (_line, io) => {
  io.out(USAGE)
  return 0
}
