// A renderer process that goes away (crashed, killed, out of memory) leaves an
// empty window. The user is told what happened and offered a reload; their
// library is in main and on disk, so nothing saved is lost. A clean exit (the
// window closing) is not a crash.
import type { MessageBoxOptions, RenderProcessGoneDetails } from 'electron'

/** The button index that reloads the window. */
export const RELOAD_BUTTON = 0

const REASONS: Partial<Record<RenderProcessGoneDetails['reason'], string>> = {
  crashed: 'crashed',
  oom: 'ran out of memory',
  killed: 'was stopped by the system',
  'launch-failed': 'could not start',
  'integrity-failure': 'failed a code integrity check',
  'abnormal-exit': 'ended unexpectedly',
  'memory-eviction': 'was closed to free memory',
}

/** The message box offered when the page's process is gone, or undefined for a clean exit. */
export function rendererGoneDialog(
  details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>,
): MessageBoxOptions | undefined {
  if (details.reason === 'clean-exit') return undefined
  const what = REASONS[details.reason] ?? `ended (${details.reason})`
  return {
    type: 'error',
    title: 'Offprint',
    message: `The Offprint window ${what}.`,
    detail:
      `Exit code ${details.exitCode}. Your library is safe: everything saved is on disk. ` +
      'Reload the window to go on, or quit Offprint.',
    buttons: ['Reload', 'Quit'],
    defaultId: RELOAD_BUTTON,
    cancelId: 1,
    noLink: true,
  }
}
