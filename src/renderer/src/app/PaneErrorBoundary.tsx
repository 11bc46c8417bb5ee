// A pane that fails to render shows what happened and a way out, never a blank
// area, and the other panes keep working. React logs the error to the console,
// which main copies into its log file.
import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** The pane's name as the user knows it ("paper list", "paper", "notes"). */
  pane: string
  /** When this changes (another paper is selected), the pane tries again by itself. */
  resetKey?: string | undefined
  children: ReactNode
}

interface State {
  error: Error | undefined
}

export class PaneErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.pane} pane failed:`, error, info.componentStack)
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.error !== undefined && previous.resetKey !== this.props.resetKey) {
      this.setState({ error: undefined })
    }
  }

  override render(): ReactNode {
    const { error } = this.state
    if (error === undefined) return this.props.children
    return (
      <div className="pane-error" role="alert" data-testid="pane-error">
        <p>
          <strong>The {this.props.pane} pane ran into a problem.</strong> {error.message}
        </p>
        <p>
          Your library is unaffected. Try again, select another paper, or restart Offprint if it
          keeps happening (the details are in the log file).
        </p>
        <button
          type="button"
          className="toolbar-button"
          onClick={() => this.setState({ error: undefined })}
        >
          Try again
        </button>
      </div>
    )
  }
}
