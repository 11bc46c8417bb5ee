// Bringing files in: the file picker (toolbar button, Ctrl/Cmd+O and File > Import…,
// both through the import command), drag-and-drop onto the window, files the OS
// opens with Offprint, and the first-run sample. Each ends in a report (or says
// it was cancelled).
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { OffprintApiError } from '../../../shared/api'
import type { ImportReport } from '../../../shared/model'
import { api, errorMessage, subscribeToLibrary } from '../api/client'

export type ImportOutcome =
  | { kind: 'running'; what: string }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'cancelled'; what: string }
  | { kind: 'failed'; what: string; message: string }

export interface Importer {
  outcome: ImportOutcome | undefined
  dismiss(): void
  /** Open the system file picker. */
  chooseFiles(): void
  importFiles(files: readonly File[]): Promise<void>
  importSample(): Promise<void>
  /** The hidden <input type=file> the picker uses; render it once. */
  fileInput: RefObject<HTMLInputElement | null>
  onFilesChosen(files: FileList | null): void
}

export function useImport(onImported: (report: ImportReport) => void): Importer {
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>(undefined)
  const fileInput = useRef<HTMLInputElement>(null)

  const run = useCallback(
    async (what: string, task: () => Promise<ImportReport>) => {
      setOutcome({ kind: 'running', what })
      try {
        const report = await task()
        setOutcome({ kind: 'done', report })
        onImported(report)
      } catch (caught) {
        setOutcome(
          caught instanceof OffprintApiError && caught.code === 'cancelled'
            ? { kind: 'cancelled', what }
            : { kind: 'failed', what, message: errorMessage(caught) },
        )
      }
    },
    [onImported],
  )

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      for (const file of files) {
        await run(file.name, async () =>
          api.importText({ text: await file.text(), fileName: file.name }),
        )
      }
    },
    [run],
  )

  const importSample = useCallback(
    () => run('the sample library', () => api.importSample({})),
    [run],
  )

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
        opened.current = opened.current.then(() =>
          content.ok
            ? run(fileName, () => api.importText({ text: content.text, fileName }))
            : setOutcome({
                kind: 'failed',
                what: fileName,
                message: `The file could not be read: ${content.message}.`,
              }),
        )
      }),
    [chooseFiles, run],
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
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [importFiles])

  return {
    outcome,
    dismiss: () => setOutcome(undefined),
    chooseFiles,
    importFiles,
    importSample,
    fileInput,
    onFilesChosen,
  }
}
