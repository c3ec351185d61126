import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { t } from '@lingui/core/macro';
import { App } from './app';
import { connectApi } from './api';
import { ApiContext } from './api-context';
import { ErrorPanel } from './components/error-panel';
import { startI18n } from './i18n/start';
import { LanguageFallbackNotice } from './i18n/language-fallback-notice';
// A pinned, bundled font: the UI (and the generated screenshots) look the same on every machine.
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import '@fontsource/inter/latin-ext-400.css';
import '@fontsource/inter/latin-ext-700.css';
import './styles.css';
// With the first paint, not with the Apply bar's chunk: the cards' pending switch is drawn
// by these rules, and must not look hatched while that chunk still loads.
import './components/every-path.css';
// Shows only the active language's words in index.html's static markup (see vite-first-paint.ts).
import 'virtual:first-paint.css';
import { listenForEarlyCtrlEnter } from './early-ctrl-enter';

function render(container: HTMLElement): void {
  const source = connectApi();
  createRoot(container).render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <LanguageFallbackNotice />
        {source.kind === 'ready' ? (
          <ApiContext.Provider value={source.api}>
            <App />
          </ApiContext.Provider>
        ) : (
          <main className="content">
            <ErrorPanel title={t`Not connected`} error={{ code: 'no-api' }} />
          </main>
        )}
      </I18nProvider>
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
listenForEarlyCtrlEnter();
// The catalog loads before the first render, so every `t` runs with the active language's
// words. (Not a top-level await: that would split the entry into several chunks.)
void startI18n({
  search: window.location.search,
  languages: navigator.languages,
  root: document.documentElement,
}).then(({ loadRest }) => {
  render(container);
  // The later views' words: after the first render has its turn, not before it.
  setTimeout(() => void loadRest(), 0);
});
