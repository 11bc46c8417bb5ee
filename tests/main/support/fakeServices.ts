// The stand-in's session, protocol and menu shapes (see fakeElectron.ts).

export class FakeSession {
  permissionRequestHandler: unknown
  permissionCheckHandler: unknown
  readonly dictionaryWords: string[] = []
  readonly protocol: FakeProtocol
  readonly webRequest = {
    onHeadersReceived: (listener: unknown): void => void (this.headersListener = listener),
  }
  headersListener: unknown
  constructor(protocol: FakeProtocol) {
    this.protocol = protocol
  }
  setPermissionRequestHandler(handler: unknown): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: unknown): void {
    this.permissionCheckHandler = handler
  }
  addWordToSpellCheckerDictionary(word: string): boolean {
    this.dictionaryWords.push(word)
    return true
  }
  setSpellCheckerLanguages(): void {}
}

export class FakeProtocol {
  privileged: unknown[] = []
  readonly handlers = new Map<string, unknown>()
  constructor(private readonly isReady: () => boolean) {}
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    // Electron: only before ready.
    if (this.isReady()) throw new Error('registerSchemesAsPrivileged after ready')
    this.privileged.push(...schemes)
  }
  handle(scheme: string, handler: unknown): void {
    if (!this.isReady()) throw new Error('protocol.handle before ready')
    this.handlers.set(scheme, handler)
  }
  unhandle(scheme: string): void {
    this.handlers.delete(scheme)
  }
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme)
  }
}

export interface FakeMenu {
  template: MenuTemplateItem[]
  popups: unknown[]
  popup(options?: unknown): void
}

export interface MenuTemplateItem {
  id?: string
  label?: string
  role?: string
  type?: string
  accelerator?: string
  registerAccelerator?: boolean
  enabled?: boolean
  click?: (...args: unknown[]) => void
  submenu?: MenuTemplateItem[]
}
