// The panes, laid out (and resized) as the settings say: sidebar | papers or
// notes list | paper | note, each behind its own error boundary, so a pane that
// fails says so and leaves the others working.
import { lazy, Suspense, useMemo, type ReactNode, type RefObject } from 'react'
import type { NoteSummary, Settings, Sidebar as SidebarData } from '../../../shared/model'
import type { SettingsPatch } from '../../../shared/model'
import { CitationStyleContext } from '../features/citations/citationStyleContext'
import { NotesPane } from '../features/notes/NotesPane'
import type { PaperCommands } from '../features/organize/usePaperActions'
import type { Destination } from '../features/navigation/linkDestination'
import { PaperPane } from '../features/papers/PaperPane'
import type { PdfReaderControl } from '../features/pdf/usePdfReader'
import { SelectionSummaryPane } from '../features/papers/SelectionSummaryPane'
import { Sidebar } from '../features/sidebar/Sidebar'
import { scopeKey } from '../features/sidebar/sidebarEntries'
import type { SidebarToday } from '../features/sidebar/sidebarEntries'
import type { SidebarActions } from '../features/sidebar/useSidebarActions'
import { PaneErrorBoundary } from './PaneErrorBoundary'
import { ResizablePanes } from './ResizablePanes'
import type { ListView } from './useListView'
import type { SelectionHistory } from './useSelectionHistory'

/** The PDF reader and pdf.js (about a megabyte) load when a PDF is first opened, not at start. */
const PdfReader = lazy(() =>
  import('../features/pdf/PdfReader').then((module) => ({ default: module.PdfReader })),
)

interface WorkspaceProps {
  settings: Settings
  update(patch: SettingsPatch): void
  sidebarData: SidebarData | undefined
  sidebarToday: SidebarToday | undefined
  standaloneNotes: readonly NoteSummary[]
  sidebarActions: SidebarActions
  /** The list column (see ListPane). */
  lists: ReactNode
  list: ListView
  history: SelectionHistory
  commands: PaperCommands
  tagInput: RefObject<HTMLInputElement | null>
  /** The note just created, whose title takes the focus. */
  newNoteId: string | undefined
  clearNewNote(): void
  onTrashNote(noteId: string): void
  pdf: PdfReaderControl
  onProblem(message: string): void
}

export function Workspace(props: WorkspaceProps) {
  const { settings, list, history, commands } = props
  const { scope, selection } = list
  const { place } = history.navigation
  const { single } = history
  const { pdf } = props
  // A link to a highlight (`[[paper:ID#hl=…]]`) opens the paper's PDF at it.
  const open = (destination: Destination): void => {
    history.open(destination)
    if (destination.kind === 'paper' && destination.highlightId !== undefined) {
      pdf.open(destination.id, { highlightId: destination.highlightId })
    }
  }
  const reading = pdf.target !== undefined && pdf.target.paperId === single
  const knownTags = props.sidebarData?.tags ?? []
  const { update } = props
  const citationStyle = useMemo(
    () => ({
      style: settings.citationStyle,
      choose: (style: string) => update({ citationStyle: style }),
    }),
    [settings.citationStyle, update],
  )
  return (
    <main className="workspace">
      <ResizablePanes
        layout={settings}
        onResize={props.update}
        sidebar={
          <PaneErrorBoundary pane="sidebar">
            <Sidebar
              data={props.sidebarData}
              notes={props.standaloneNotes}
              today={props.sidebarToday}
              selectedKey={scopeKey(scope)}
              selectedNoteId={place.view === 'notes' ? place.noteId : undefined}
              activeTags={list.tags}
              {...props.sidebarActions}
            />
          </PaneErrorBoundary>
        }
        list={<PaneErrorBoundary pane="paper list">{props.lists}</PaneErrorBoundary>}
        paper={
          <PaneErrorBoundary pane="paper" resetKey={single}>
            {selection.ids.length <= 1 && reading && pdf.target !== undefined ? (
              <Suspense fallback={<div className="pane-placeholder">Opening the PDF…</div>}>
                <PdfReader target={pdf.target} control={pdf} onProblem={props.onProblem} />
              </Suspense>
            ) : selection.ids.length > 1 ? (
              <SelectionSummaryPane
                ids={selection.ids}
                knownTags={knownTags}
                actions={commands.actions}
                tagInput={props.tagInput}
              />
            ) : (
              <PaperPane
                paperId={single}
                knownTags={knownTags}
                actions={commands.actions}
                // Only a paper the user opened counts as read, not one the window selected.
                markReadAfterSeconds={selection.chosen ? settings.markReadAfterSeconds : null}
                tagInput={props.tagInput}
                onOpen={open}
                query={list.rows.query}
                pdf={pdf}
                onProblem={props.onProblem}
              />
            )}
          </PaneErrorBoundary>
        }
        notes={
          <PaneErrorBoundary pane="notes" resetKey={`${place.view}:${place.noteId ?? single}`}>
            <CitationStyleContext.Provider value={citationStyle}>
              <NotesPane
                place={{ ...place, paperId: single }}
                onOpen={open}
                newNoteId={props.newNoteId}
                onNewNoteFocused={props.clearNewNote}
                paperTrashed={scope.kind === 'trash'}
                selectedCount={selection.ids.length}
                onTrashNote={props.onTrashNote}
              />
            </CitationStyleContext.Provider>
          </PaneErrorBoundary>
        }
      />
    </main>
  )
}
