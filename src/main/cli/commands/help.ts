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
  export                        write papers out: --format F --out PATH (markdown: PATH is
                                a folder, one file per paper and note)
  list                          list the papers in the library, newest first
  search QUERY                  the papers matching QUERY, best match first, in the
                                app's query language: words, "phrases", -exclusions,
                                title:, author:, tag:, in:"Collection",
                                is:unread|reading|read|starred, has:note,
                                year:2024, year:2023..2025
  collections                   show the collections as a tree, with their paper counts
  add-to-collection NAME ID...  file papers in a collection (NAME or a path "A/B";
                                created when it does not exist)
  tag ID... --add T --remove T  add or remove tags on papers (each option repeatable)
  related ID                    the papers most similar to paper ID (title and abstract)
  backlinks ID                  the notes linking to paper or note ID, each with its sentence
  graph ID                      the local graph of paper or note ID to --depth N (1-3,
                                default 2): nodes (id, kind, title), edges (source,
                                target, kind, label or strength)
  graph --all                   the whole library's graph, with its clusters
  help                          show this help

Options:
  --library DIR  the library folder (or set ${LIBRARY_ENV}=DIR)
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
  --depth N      graph: how many steps from ID (1 to 3, default 2)
  --all          graph: every paper and note instead of one's neighbours

Paper ids are in the output of: list --json`

export const helpCommand: Command = async (_line, io) => {
  io.out(USAGE)
  return 0
}
