import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider } from '@tanstack/react-query'
import 'katex/dist/katex.min.css'
import { App } from './app/App'
import { invalidateOnLibraryChanges } from './data/changeInvalidation'
import { createQueryClient } from './data/queryClient'
import { applyTheme } from './features/settings/appearance'
import './styles/index.css'

// Follow the OS until the library's settings arrive, so a dark desktop never flashes white.
applyTheme('system')

// Listening before the first query is asked, so no change falls between the two.
const queryClient = createQueryClient()
invalidateOnLibraryChanges(queryClient)

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
)
