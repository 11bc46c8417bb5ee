// Installed in the page before any of the app's code runs: hooks that notice
// when content did something it never should. They report to the test through
// a Playwright binding, which page script cannot remove (a payload that ran
// could replace these hooks, but by then it has already called one of them or
// tripped the CSP, whose violation events are reported too).

export const SECURITY_BINDING = '__offprintSecurityEvent'
/** The canary: payloads in the corpus call it when they manage to run. */
export const CANARY = '__xss'

export function securityWatchScript(): string {
  return `(() => {
    const report = (what) => { try { window.${SECURITY_BINDING}(String(what)) } catch {} }
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (message) => { report(name + ': ' + message); return null }
    }
    window.${CANARY} = (tag) => report('canary: ' + tag)
    document.addEventListener('securitypolicyviolation', (event) => {
      report('csp: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline'))
    }, true)
  })()`
}
