// First run: an empty library offers the bundled sample, or a file of one's own.

export function Welcome(props: { onImportSample: () => void; onChooseFiles: () => void }) {
  return (
    <div className="welcome" data-testid="welcome">
      <h2>Your library is empty</h2>
      <p>
        Start with the sample: the Hugging Face Daily Papers page of Feb 9, 2026 (53 papers on tool
        learning, reasoning and robotics). It is bundled with Offprint, so no network is needed.
      </p>
      <button type="button" className="primary-button" onClick={props.onImportSample}>
        Import the sample library
      </button>
      <p className="welcome-or">
        or{' '}
        <button type="button" className="link-button" onClick={props.onChooseFiles}>
          import a saved Daily Papers page…
        </button>{' '}
        (you can also drop a .txt file onto the window)
      </p>
    </div>
  )
}
