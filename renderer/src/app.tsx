import { lazy, Suspense, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import type { AddressFamily, SettingBoot, SettingId } from '../../electron/contract';
import { BootSummary, disagreeNoteId } from './components/boot-summary';
import { fixLineOf } from './words/line-change-words';
import { AppHeader } from './components/app-header';
import { updateThenFocus } from './focus-after';
import { APPLY_BUTTON_ID } from './apply-button-id';
import { PendingElsewhereBar } from './components/pending-elsewhere-bar';
import { DemoBanner } from './components/demo-banner';
import { InterruptedApplyNotice } from './components/interrupted-apply-notice';
import { OtherApplyNotice } from './components/other-apply-notice';
import { ErrorPanel } from './components/error-panel';
import { SettingRow, switchId } from './components/setting-row';
import { viewReducer } from './state/app-reducer';
import { buildRequest, countPending, requestKeyOf } from './state/apply-request';
import { currentValue, keptAtBoot, sysctlConfSettles } from './state/selectors';
import { initialViewState } from './state/view-state';
import { useChangePlan } from './use-change-plan';
import { useApi } from './api-context';
import { panelId, tabId, ViewSwitch, type Page } from './components/view-switch';
import { useNamespaces } from './use-namespaces';
import { settingWords } from './setting-words';
import { useLiveValues } from './use-live-values';
import { MovedUnderPendingNote } from './components/moved-under-pending-note';

// Most sessions never open the pair view: its code loads when the tab does, not before first paint.
const PairPage = lazy(() =>
  import('./components/nodes/pair-page').then((m) => ({ default: m.PairPage })),
);
const NamespacesPage = lazy(() =>
  import('./components/namespaces/namespaces-page').then((m) => ({ default: m.NamespacesPage })),
);
// The bar (shown once something waits for Apply), what sits below the switches out of view,
// and the line said once the listing is back: their code loads just after the first paint,
// so the first one carries the switches' code alone (first paint <= 70 KB gzipped).
const ApplyBar = lazy(() =>
  import('./components/apply-bar').then((m) => ({ default: m.ApplyBar })),
);
const ReadOnlyProcNote = lazy(() =>
  import('./components/read-only-proc-note').then((m) => ({ default: m.ReadOnlyProcNote })),
);
const LowerPanels = lazy(() => import('./lower-panels').then((m) => ({ default: m.LowerPanels })));
const NamespacesLine = lazy(() =>
  import('./components/namespaces/namespaces-line').then((m) => ({ default: m.NamespacesLine })),
);

export function App() {
  const { t } = useLingui();
  const api = useApi();
  const [view, dispatch] = useReducer(viewReducer, initialViewState);
  const [page, setPage] = useState<Page>('this');
  const namespaces = useNamespaces();
  const otherNamespaces = namespaces.view?.namespaces.some((n) => !n.own) ?? false;

  const refresh = useCallback(async () => {
    dispatch({ type: 'refresh-started' });
    const answer = await api.getState();
    if (answer.ok) dispatch({ type: 'state-read', system: answer.value });
    else dispatch({ type: 'read-failed', error: answer.error });
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  const live = useLiveValues(view, dispatch);

  const request = buildRequest(view);
  const requestKey = requestKeyOf(request);
  const plan = useChangePlan(request, requestKey, view.system?.readAt ?? '');

  const apply = useCallback(async () => {
    if (!request || view.applying) return;
    dispatch({ type: 'apply-started' });
    const answer = await api.applyChanges(request);
    if (answer.ok) dispatch({ type: 'apply-finished', outcome: answer.value });
    else {
      dispatch({ type: 'apply-failed', error: answer.error });
      void refresh();
    }
  }, [api, request, view.applying, refresh]);

  const system = view.system;
  const pendingHere = countPending(view);
  // The setting the user touched last: Done and Discard unmount the button that
  // had the focus, so it goes back to that setting's switch, not to <body>.
  const lastChanged = useRef<SettingId | null>(null);
  const changed = (id: SettingId) => {
    lastChanged.current = id;
    // The note's button that was pressed goes away with the note: keep focus on this
    // setting's switch rather than let it fall to <body>.
    if (document.activeElement?.closest('.note-actions'))
      document.getElementById(switchId(id))?.focus();
  };
  const focusChangedSwitch = () => {
    const pendingId = system?.settings.find((s) => view.pending[s.id] !== undefined)?.id;
    const id = pendingId ?? lastChanged.current ?? system?.settings[0]?.id;
    if (id) document.getElementById(switchId(id))?.focus();
  };

  const bootOf = (id: SettingId) => system?.boot.settings.find((b) => b.id === id);
  const makeEnginesAgree = (boot: SettingBoot) => {
    changed(boot.id);
    // One action, so that undo in the bar restores the choices from before this click;
    // the note it fixes then has the focus, so the bar that appears does not cover it.
    const sysctlConf = sysctlConfSettles(view, boot);
    updateThenFocus(
      () => dispatch({ type: 'engines-agree-chosen', id: boot.id, sysctlConf }),
      disagreeNoteId(boot.id),
    );
  };
  // The switch that lets a failed bind test pass, for the test's own result line.
  const switchThatFixes = (family: AddressFamily) => {
    const off = (system?.settings ?? []).find(
      (s) => s.family === family && s.effective === 0 && view.pending[s.id] === undefined,
    );
    if (!off) return null;
    const turnOn = () => {
      changed(off.id);
      // The change waits in the bar: Apply takes the focus, or the switch while
      // Apply is still off (its plan not yet checked).
      updateThenFocus(() => dispatch({ type: 'toggled', id: off.id }), APPLY_BUTTON_ID);
      if (document.activeElement?.id !== APPLY_BUTTON_ID)
        document.getElementById(switchId(off.id))?.focus();
    };
    return { label: settingWords(off.id, off.key).label, turnOn };
  };

  return (
    <div className="app">
      {system?.demo ? <DemoBanner scenario={system.demo.scenario} /> : null}
      {system?.interruptedApply ? (
        <InterruptedApplyNotice interrupted={system.interruptedApply} />
      ) : null}
      {system?.otherApplyRunning ? <OtherApplyNotice /> : null}
      <AppHeader
        readAt={system?.readAt ?? null}
        refreshing={view.refreshing}
        disabled={view.applying}
        onRefresh={() => void refresh()}
      />
      <ViewSwitch
        page={page}
        disabled={view.applying}
        pendingHere={pendingHere}
        showNamespaces={otherNamespaces || page === 'namespaces'}
        onChange={setPage}
      />
      {page !== 'this' ? (
        <main className="content">
          <div role="tabpanel" id={panelId(page)} aria-labelledby={tabId(page)}>
            <Suspense
              fallback={
                <p className="loading" role="status">
                  <Trans>Loading the view…</Trans>
                </p>
              }
            >
              {page === 'nodes' ? (
                <PairPage demoNode={system?.demo?.node ?? null} />
              ) : (
                <NamespacesPage namespaces={namespaces} settings={system?.settings ?? null} />
              )}
            </Suspense>
          </div>
          {pendingHere > 0 ? (
            <PendingElsewhereBar
              count={pendingHere}
              onShow={() => {
                updateThenFocus(() => setPage('this'), APPLY_BUTTON_ID);
                // A disabled Apply takes no focus: the switch that changed does.
                if (document.activeElement?.id !== APPLY_BUTTON_ID) focusChangedSwitch();
              }}
            />
          ) : null}
        </main>
      ) : (
        <main className="content" aria-busy={view.phase === 'loading' || view.applying}>
          <div role="tabpanel" id={panelId('this')} aria-labelledby={tabId('this')}>
            {view.error ? (
              <ErrorPanel
                title={
                  system
                    ? t`Could not refresh; showing the last reading`
                    : t`Could not read the settings`
                }
                error={view.error}
                onRetry={() => void refresh()}
              />
            ) : null}
            <MovedUnderPendingNote moved={live.moved} onDismiss={live.dismiss} />
            {view.phase === 'loading' ? (
              <p className="loading" role="status">
                <Trans>Reading the current settings…</Trans>
              </p>
            ) : null}
            {system ? (
              <>
                <div className="settings">
                  {system.settings.map((setting) => {
                    const boot = bootOf(setting.id);
                    return (
                      <SettingRow
                        key={setting.id}
                        setting={setting}
                        pending={view.pending[setting.id]}
                        locked={view.applying}
                        readOnlyProc={system.platform.procSysReadOnly}
                        onToggle={() => {
                          changed(setting.id);
                          dispatch({ type: 'toggled', id: setting.id });
                        }}
                      >
                        {boot ? (
                          <BootSummary
                            setting={setting}
                            boot={boot}
                            now={currentValue(system, setting.id)}
                            pending={view.pending[setting.id]}
                            keptAtBoot={keptAtBoot(view, setting.id)}
                            fixLine={fixLineOf(view, setting.id)}
                            locked={view.applying}
                            onKeepAtBoot={() => {
                              changed(setting.id);
                              dispatch({ type: 'keep-at-boot', id: setting.id });
                            }}
                            onSetNow={(value) => {
                              changed(setting.id);
                              dispatch({ type: 'set-now', id: setting.id, value });
                            }}
                            onMakeEnginesAgree={() => makeEnginesAgree(boot)}
                          />
                        ) : null}
                      </SettingRow>
                    );
                  })}
                </div>
                {system.platform.procSysReadOnly ? (
                  <Suspense fallback={null}>
                    <ReadOnlyProcNote readOnly={system.platform.procSysReadOnly} />
                  </Suspense>
                ) : null}
                {namespaces.view ? (
                  <Suspense fallback={null}>
                    <NamespacesLine
                      view={namespaces.view}
                      onOpen={() =>
                        updateThenFocus(() => setPage('namespaces'), tabId('namespaces'))
                      }
                    />
                  </Suspense>
                ) : null}
                <Suspense fallback={null}>
                  <ApplyBar
                    view={view}
                    system={system}
                    request={request}
                    requestKey={requestKey}
                    plan={plan}
                    dispatch={dispatch}
                    onApply={() => void apply()}
                    returnFocus={focusChangedSwitch}
                    fixFor={switchThatFixes}
                  />
                </Suspense>
                <Suspense fallback={null}>
                  <LowerPanels
                    system={system}
                    locked={view.applying}
                    onRemove={(id, from) => {
                      changed(id);
                      dispatch({ type: 'removal-chosen', from, id });
                    }}
                    appliedCount={view.appliedCount}
                    fixFor={switchThatFixes}
                  />
                </Suspense>
              </>
            ) : null}
          </div>
        </main>
      )}
    </div>
  );
}
