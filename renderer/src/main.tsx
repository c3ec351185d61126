import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { connectApi } from './api';
import { ApiContext } from './api-context';
import { ErrorPanel } from './components/error-panel';
// A pinned, bundled font: the UI (and the generated screenshots) look the same on every machine.
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import '@fontsource/inter/latin-ext-400.css';
import '@fontsource/inter/latin-ext-700.css';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
const source = connectApi();
createRoot(container).render(
  <StrictMode>
    {source.kind === 'ready' ? (
      <ApiContext.Provider value={source.api}>
        <App />
      </ApiContext.Provider>
    ) : (
      <main className="content">
        <ErrorPanel title="Not connected" error={{ code: 'no-api' }} />
      </main>
    )}
  </StrictMode>,
);
