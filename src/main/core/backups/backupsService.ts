// Backups: made on open and every few hours of use (the app's automatic
// backups), or on demand; restoring one replaces the library's content, after
// backing the current content up first so that the restore can be undone.
// Backups run one at a time, beside (not inside) the write queue.
import { EVERYTHING_CHANGED } from '../../../shared/model'
import type { BackupReason } from '../../../shared/model'
import { BadInputError, NotFoundError, StorageError, messageOf } from '../kernel/errors'
import type { LibraryKernel } from '../kernel/kernel'
import type { Service } from '../kernel/service'
import type { NoteIndex } from '../notes/noteIndex'
import type { PaperViews } from '../papers/paperViews'
import type { SettingsService } from '../settings/settingsService'
import { LibraryStore } from '../store/libraryStore'
import { backupsFolder, listBackups, summaryOf } from './backupFolder'
import { BackupTimer } from './backupTimer'
import { createBackup, pruneBackups } from './createBackup'
import type { BackupSource, CreatedBackup } from './createBackup'
import { restoreBackupFiles } from './restoreBackup'

type BackupMethod = 'listBackups' | 'createBackup' | 'restoreBackup'

export class BackupsService implements Service<BackupMethod> {
  private backups: Promise<void> = Promise.resolve()
  private timer: BackupTimer | undefined
  private armedHours: number | undefined

  constructor(
    private readonly kernel: LibraryKernel,
    private readonly settings: SettingsService,
    private readonly views: PaperViews,
    private readonly notes: NoteIndex,
  ) {}

  readonly handlers: Service<BackupMethod>['handlers'] = {
    listBackups: async () => ({
      folder: backupsFolder(this.kernel.store.dir),
      backups: (await listBackups(this.kernel.store.dir)).map(summaryOf),
    }),

    /** Backs up the library now (unless nothing changed since the latest backup). */
    createBackup: async () => {
      const { manifest, created } = await this.backUp('manual')
      return { backup: summaryOf(manifest), created }
    },

    /**
     * Replaces the library's content by a backup's. The current content is
     * backed up first (and kept whatever the number of backups to keep), so the
     * restore can be undone by restoring that backup.
     */
    restoreBackup: ({ id }) => this.kernel.mutate(() => this.oneAtATime(() => this.restore(id))),
  }

  /** Backs up now and after every backupIntervalHours of use (the app does; the CLI does not). */
  startAutomatic(): void {
    this.timer = new BackupTimer(() => void this.backUpAutomatically('scheduled'))
    this.arm(this.settings.current().backupIntervalHours)
    this.settings.listen((settings) => this.arm(settings.backupIntervalHours))
    void this.backUpAutomatically('start')
  }

  async close(): Promise<void> {
    this.timer?.stop()
    await this.backups
  }

  private arm(hours: number): void {
    if (this.timer === undefined || hours === this.armedHours) return
    this.armedHours = hours
    this.timer.arm(hours)
  }

  private async restore(id: string) {
    const kernel = this.kernel
    const dir = kernel.store.dir
    const target = (await listBackups(dir)).find((backup) => backup.id === id)
    if (target === undefined) throw new NotFoundError(`No backup "${id}" in this library`)
    if (target.schemaVersion > kernel.store.schemaVersion) {
      throw new BadInputError(
        `The backup of ${target.createdAt} was made by a newer Offprint ` +
          `(schema version ${target.schemaVersion}); open it with that version`,
      )
    }
    const previous = await createBackup(this.source(), 'before-restore', kernel.now())
    const settingsBefore = this.settings.current()
    await kernel.store.close()
    try {
      await restoreBackupFiles(dir, target)
    } finally {
      // Whether or not the files changed, the library is opened again over them.
      kernel.replaceStore(await LibraryStore.open(dir, kernel.storeOptions))
      this.settings.changed(settingsBefore, this.settings.current())
      kernel.notify(EVERYTHING_CHANGED)
    }
    await this.prune([previous.manifest.id])
    return { restored: summaryOf(target), previous: summaryOf(previous.manifest) }
  }

  private backUp(reason: BackupReason): Promise<CreatedBackup> {
    if (this.kernel.closed) return Promise.reject(new StorageError('The library is closed'))
    return this.oneAtATime(async () => {
      const result = await createBackup(this.source(), reason, this.kernel.now())
      await this.prune([])
      return result
    })
  }

  /** A failed automatic backup is reported in getLibraryInfo until one succeeds. */
  private async backUpAutomatically(reason: BackupReason): Promise<void> {
    const health = this.kernel.health
    const hadProblem = health.backupProblem !== undefined
    try {
      await this.backUp(reason)
      delete health.backupProblem
      if (hadProblem) this.kernel.notify({ topics: ['library'] })
    } catch (error) {
      if (this.kernel.closed) return
      health.backupProblem = messageOf(error)
      console.error('offprint: automatic backup failed:', health.backupProblem)
      this.kernel.notify({ topics: ['library'] })
    }
  }

  private source(): BackupSource {
    const store = this.kernel.store
    return {
      dir: store.dir,
      schemaVersion: store.schemaVersion,
      snapshot: (task) => this.kernel.store.snapshot(task),
      counts: () => ({
        paperCount: this.views.sortedPapers('published').length,
        noteCount: this.notes.countLive(),
      }),
    }
  }

  /** Keeps the newest backupsKept backups, and the ones in `alsoKeep`. */
  private async prune(alsoKeep: readonly string[]): Promise<void> {
    await pruneBackups(this.kernel.store.dir, this.settings.current().backupsKept, alsoKeep)
  }

  private oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = this.backups.then(task)
    this.backups = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }
}
