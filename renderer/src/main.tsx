import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { connectApi } from './api';
import { ErrorPanel } from './components/error-panel';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
const source = connectApi();
createRoot(container).render(
  <StrictMode>
    {source.kind === 'ready' ? (
      <App api={source.api} />
    ) : (
      <main className="content">
        <ErrorPanel title="Not connected" error={{ code: 'no-api', message: source.problem }} />
      </main>
    )}
  </StrictMode>,
);
