// Files the OS hands Offprint while it starts: the command line, macOS's
// open-file events (which can come before `ready`), and second launches
// (a file manager opening several .bib files starts one process per file, each
// forwarding its command line here). Their listeners are attached before
// anything slow, and the files wait here until the window can take them.

export class LaunchQueue {
  private readonly queued: string[] = []
  private deliver: ((path: string) => void) | undefined

  /** A file to open: delivered now if the window takes files, else queued. */
  add(path: string): void {
    if (this.deliver === undefined) this.queued.push(path)
    else this.deliver(path)
  }

  /** From now on files go to `deliver`, the queued ones first, in order. */
  startDelivering(deliver: (path: string) => void): void {
    this.deliver = deliver
    for (const path of this.queued.splice(0)) deliver(path)
  }

  /** Files still waiting (for the log and the tests). */
  get waiting(): readonly string[] {
    return this.queued
  }
}
