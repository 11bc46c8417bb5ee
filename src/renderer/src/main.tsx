import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'katex/dist/katex.min.css'
import { App } from './app/App'
import { applyTheme } from './features/settings/appearance'
import './styles.css'

// Follow the OS until the library's settings arrive, so a dark desktop never flashes white.
applyTheme('system')

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
