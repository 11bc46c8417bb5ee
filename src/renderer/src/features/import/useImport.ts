// Bringing papers in: the file picker (toolbar button, Ctrl/Cmd+O and File > Import…,
// both through the import command),
// drag-and-drop onto the window, Ctrl+V of text in the list, files the OS
// opens with Offprint, the first-run sample, and retrying the lookup queue.
// Every way runs the same two steps: previewImport (a long task: its progress
// bar and Cancel come from useTasks), then, for anything more than a handful
// of entries or anything the user should see first (duplicates, skipped
// entries, identifiers waiting for the network), the preview dialog;
// confirmImport writes it. Each ends in a report, or says it was cancelled.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { OffprintApiError } from '../../../../shared/api'
import type {
  DailyPeriod,
  ImportPreview,
  ImportReport,
  LibraryChange,
} from '../../../../shared/model'
import { dailyPeriodName } from '../../../../shared/model'
import { invalidateForChange } from '../../data/changeInvalidation'
import { api, errorMessage, subscribeToLibrary } from '../../data/client'

/**
 * What an import changes: papers added or enriched, lookups queued. Refetched
 * once its report is in, whether or not main's change event came first.
 */
const IMPORT_CHANGE: LibraryChange = { topics: ['papers', 'lookup-queue'] }

/** Up to this many plain new entries import without asking. */
const QUIET_IMPORT_ENTRIES = 5

export type ImportOutcome =
  | { kind: 'running'; what: string }
  | { kind: 'done'; report: ImportReport; what: string }
  | { kind: 'cancelled'; what: string }
  | { kind: 'failed'; what: string; message: string }

export interface Importer {
  outcome: ImportOutcome | undefined
  /** The preview waiting for the user's decision. */
  preview: ImportPreview | undefined
  dismiss(): void
  confirm(): void
  cancel(): void
  /** Open the system file picker. */
  chooseFiles(): void
  importFiles(files: readonly File[]): Promise<void>
  importText(text: string, what: string): Promise<void>
  importSample(): Promise<void>
  retryLookups(): Promise<void>
  /** Get Daily Papers…: fetches the period from Hugging Face, then previews it like a file. */
  getDailyPapers(period: DailyPeriod): Promise<void>
  /** Papers without ids looked up on arXiv by title, then previewed like an import. */
  matchTitlesOnArxiv(paperIds: readonly string[]): Promise<void>
  /** The hidden <input type=file> the picker uses; render it once. */
  fileInput: RefObject<HTMLInputElement | null>
  onFilesChosen(files: FileList | null): void
}

function needsReview(preview: ImportPreview): boolean {
  return (
    preview.newTitles.length > QUIET_IMPORT_ENTRIES ||
    preview.duplicates.length > 0 ||
    preview.skipped.length > 0 ||
    (preview.partial?.length ?? 0) > 0 ||
    preview.queued.length > 0
  )
}

export function useImport(): Importer {
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>(undefined)
  const queryClient = useQueryClient()
  const onImported = useCallback(
    () => void invalidateForChange(queryClient, IMPORT_CHANGE),
    [queryClient],
  )
  const [preview, setPreview] = useState<ImportPreview | undefined>(undefined)
  const fileInput = useRef<HTMLInputElement>(null)
  // The preview being computed or shown; a late answer for another is ignored.
  const current = useRef<string | undefined>(undefined)
  // Resolves when the user confirms or cancels the dialog, so files import one by one.
  const decided = useRef<(() => void) | undefined>(undefined)

  const failed = useCallback((what: string, caught: unknown): ImportOutcome => {
    return caught instanceof OffprintApiError && caught.code === 'cancelled'
      ? { kind: 'cancelled', what }
      : { kind: 'failed', what, message: errorMessage(caught) }
  }, [])

  const confirmPreview = useCallback(
    async (shown: ImportPreview, what: string) => {
      setOutcome({ kind: 'running', what })
      try {
        const report = await api.confirmImport({ previewId: shown.previewId })
        setOutcome({ kind: 'done', report, what })
        onImported()
      } catch (caught) {
        setOutcome(failed(what, caught))
      }
    },
    [onImported, failed],
  )

  const run = useCallback(
    async (what: string, start: (previewId: string) => Promise<ImportPreview>) => {
      const previewId = crypto.randomUUID()
      current.current = previewId
      setOutcome({ kind: 'running', what })
      let shown: ImportPreview
      try {
        shown = await start(previewId)
      } catch (caught) {
        if (current.current === previewId) setOutcome(failed(what, caught))
        return
      }
      if (!needsReview(shown)) {
        await confirmPreview(shown, what)
        return
      }
      setOutcome(undefined)
      setPreview(shown)
      await new Promise<void>((resolve) => {
        decided.current = resolve
      })
    },
    [confirmPreview, failed],
  )

  const importText = useCallback(
    (text: string, what: string) =>
      run(what, (previewId) =>
        api.previewImport(
          what === 'pasted text' ? { previewId, text } : { previewId, text, fileName: what },
        ),
      ),
    [run],
  )

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      for (const file of files) await importText(await file.text(), file.name)
    },
    [importText],
  )

  const importSample = useCallback(async () => {
    setOutcome({ kind: 'running', what: 'the sample library' })
    try {
      const report = await api.importSample({})
      setOutcome({ kind: 'done', report, what: 'the sample library' })
      onImported()
    } catch (caught) {
      setOutcome(failed('the sample library', caught))
    }
  }, [onImported, failed])

  const getDailyPapers = useCallback(
    (period: DailyPeriod) =>
      run(dailyPeriodName(period), (previewId) => api.previewDailyPapers({ previewId, period })),
    [run],
  )

  const matchTitlesOnArxiv = useCallback(
    (paperIds: readonly string[]) =>
      run('the arXiv title search', (previewId) =>
        api.matchTitlesOnArxiv({ previewId, paperIds: [...paperIds] }),
      ),
    [run],
  )

  const retryLookups = useCallback(
    () => run('the lookup queue', (previewId) => api.retryLookups({ previewId })),
    [run],
  )

  const finishDialog = useCallback(() => {
    setPreview(undefined)
    decided.current?.()
    decided.current = undefined
  }, [])

  const confirm = useCallback(() => {
    if (preview === undefined) return
    finishDialog()
    void confirmPreview(preview, preview.fileName ?? 'pasted text')
  }, [preview, finishDialog, confirmPreview])

  // The preview dialog's Cancel: nothing was written, and the status says so.
  const cancel = useCallback(() => {
    const previewId = current.current
    current.current = undefined
    if (previewId !== undefined) void api.cancelImport({ previewId }).catch(() => undefined)
    setOutcome(
      preview === undefined
        ? undefined
        : { kind: 'cancelled', what: preview.fileName ?? 'pasted text' },
    )
    finishDialog()
  }, [finishDialog, preview])

  const chooseFiles = useCallback(() => fileInput.current?.click(), [])

  const onFilesChosen = useCallback(
    (list: FileList | null) => {
      if (list !== null && list.length > 0) void importFiles(Array.from(list))
      if (fileInput.current !== null) fileInput.current.value = ''
    },
    [importFiles],
  )

  // Files the OS asked Offprint to open (named on its command line, or on a
  // second launch's) arrive one event each; they are imported one after another.
  const opened = useRef<Promise<void>>(Promise.resolve())
  useEffect(
    () =>
      subscribeToLibrary((event) => {
        if (event.type !== 'open-file') return
        const { fileName, content } = event
        // Each waits for the one before (and for its preview to be answered).
        opened.current = opened.current.then(() =>
          content.ok
            ? importText(content.text, fileName)
            : setOutcome({
                kind: 'failed',
                what: fileName,
                message: `The file could not be read: ${content.message}.`,
              }),
        )
      }),
    [importText],
  )

  // Files dropped anywhere on the window are imported; the page itself never
  // navigates to a dropped file.
  useEffect(() => {
    const onDragOver = (event: DragEvent): void => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault()
    }
    const onDrop = (event: DragEvent): void => {
      event.preventDefault()
      const files = Array.from(event.dataTransfer?.files ?? [])
      if (files.length > 0) void importFiles(files)
    }
    // Ctrl/Cmd+V anywhere but a text field: the clipboard's text is an import
    // (a BibTeX entry, a list of arXiv ids or DOIs…).
    const onPaste = (event: ClipboardEvent): void => {
      const target = event.target as HTMLElement | null
      if (target?.closest('textarea, input, [contenteditable="true"]')) return
      const text = event.clipboardData?.getData('text/plain') ?? ''
      if (text.trim() === '') return
      event.preventDefault()
      void importText(text, 'pasted text')
    }
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    window.addEventListener('paste', onPaste)
    return () => {
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
      window.removeEventListener('paste', onPaste)
    }
  }, [importFiles, importText])

  return {
    outcome,
    preview,
    dismiss: () => setOutcome(undefined),
    confirm,
    cancel,
    chooseFiles,
    importFiles,
    importText,
    importSample,
    retryLookups,
    getDailyPapers,
    matchTitlesOnArxiv,
    fileInput,
    onFilesChosen,
  }
}
