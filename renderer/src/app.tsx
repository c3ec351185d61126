import { useCallback, useEffect, useReducer } from 'react';
import type { NonlocalBindApi } from '../../electron/contract';
import { AppHeader } from './components/app-header';
import { DemoBanner } from './components/demo-banner';
import { ErrorPanel } from './components/error-panel';
import { SettingRow } from './components/setting-row';
import { initialViewState, viewReducer } from './state/app-reducer';

export function App({ api }: { readonly api: NonlocalBindApi }) {
  const [view, dispatch] = useReducer(viewReducer, initialViewState);

  const refresh = useCallback(async () => {
    dispatch({ type: 'refresh-started' });
    const answer = await api.getState();
    if (answer.ok) dispatch({ type: 'state-read', system: answer.value });
    else dispatch({ type: 'read-failed', error: answer.error });
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const system = view.system;
  return (
    <div className="app">
      {system?.demo ? <DemoBanner scenario={system.demo.scenario} /> : null}
      <AppHeader
        readAt={system?.readAt ?? null}
        refreshing={view.refreshing}
        onRefresh={() => void refresh()}
      />
      <main className="content" aria-busy={view.phase === 'loading'}>
        {view.error ? (
          <ErrorPanel
            title={
              system ? 'Could not refresh; showing the last reading' : 'Could not read the settings'
            }
            error={view.error}
            onRetry={() => void refresh()}
          />
        ) : null}
        {view.phase === 'loading' ? (
          <p className="loading" role="status">
            Reading the current settings…
          </p>
        ) : null}
        {system ? (
          <div className="settings">
            {system.settings.map((setting) => (
              <SettingRow key={setting.id} setting={setting} />
            ))}
          </div>
        ) : null}
      </main>
    </div>
  );
}
