import { test, expect } from '@playwright/test';
import type { AppState } from '../../../electron/contract';
import {
  buildRequest,
  initialViewState,
  viewReducer,
  type ViewState,
} from '../../../renderer/src/state/app-reducer';

const system = (v4: 0 | 1, v6: 0 | 1): AppState => ({
  readAt: '2026-01-01T00:00:00.000Z',
  demo: null,
  interruptedApply: null,
  otherApplyRunning: false,
  settings: [
    {
      id: 'ipv4',
      key: 'net.ipv4.ip_nonlocal_bind',
      procPath: '/proc/sys/net/ipv4/ip_nonlocal_bind',
      family: 'IPv4',
      label: 'IPv4 non-local bind',
      explanation: '',
      runtime: { kind: 'value', value: v4 },
    },
    {
      id: 'ipv6',
      key: 'net.ipv6.ip_nonlocal_bind',
      procPath: '/proc/sys/net/ipv6/ip_nonlocal_bind',
      family: 'IPv6',
      label: 'IPv6 non-local bind',
      explanation: '',
      runtime: { kind: 'value', value: v6 },
    },
  ],
  persistence: {
    directory: '/etc/sysctl.d',
    defaultFileName: '90-nonlocal-bind.conf',
    suggestedFileName: '99-custom.conf',
    sysctlConfSha256: null,
    files: [
      { name: '99-custom.conf', kind: 'file', sha256: 'a'.repeat(64), problem: null, keyLines: [] },
    ],
  },
  boot: { settings: [], problems: [] },
});

const ready = (s: AppState): ViewState =>
  viewReducer(initialViewState, { type: 'state-read', system: s });

test('toggling twice cancels the pending change', () => {
  let view = ready(system(0, 0));
  view = viewReducer(view, { type: 'toggled', id: 'ipv4' });
  expect(view.pending).toEqual({ ipv4: 1 });
  view = viewReducer(view, { type: 'toggled', id: 'ipv4' });
  expect(view.pending).toEqual({});
  expect(buildRequest(view)).toBeNull();
});

test('the first read proposes the file that already sets the keys', () => {
  expect(ready(system(0, 0)).fileName).toBe('99-custom.conf');
});

test('while an Apply waits for authentication the controls are locked', () => {
  let view = viewReducer(ready(system(0, 0)), { type: 'toggled', id: 'ipv4' });
  view = viewReducer(view, { type: 'apply-started' });
  const locked = view;
  for (const action of [
    { type: 'toggled', id: 'ipv6' },
    { type: 'persistence-chosen', choice: 'persist' },
    { type: 'file-name-changed', fileName: 'x.conf' },
    { type: 'reset-runtime-changed', resetRuntime: true },
  ] as const) {
    view = viewReducer(view, action);
  }
  expect(view).toBe(locked);
});

test('after Apply the view shows what was read back, and a refresh drops changes the system already has', () => {
  let view = viewReducer(ready(system(0, 0)), { type: 'toggled', id: 'ipv4' });
  view = viewReducer(view, { type: 'toggled', id: 'ipv6' });
  view = viewReducer(view, { type: 'state-read', system: system(1, 0) });
  expect(view.pending).toEqual({ ipv6: 1 });
  view = viewReducer(view, { type: 'apply-started' });
  view = viewReducer(view, {
    type: 'apply-finished',
    outcome: {
      applied: false,
      summary: '',
      error: { code: 'auth-refused', message: 'x' },
      state: system(1, 0),
    },
  });
  expect(view.applying).toBe(false);
  expect(view.pending).toEqual({ ipv6: 1 });
  expect(view.outcome?.error?.code).toBe('auth-refused');
});

test('requests: runtime, persist with the hash the UI read, persist current values, unpersist', () => {
  let view = viewReducer(ready(system(1, 0)), { type: 'toggled', id: 'ipv6' });
  expect(buildRequest(view)).toEqual({ values: { ipv6: 1 }, persistence: { kind: 'runtime' } });
  view = viewReducer(view, { type: 'persistence-chosen', choice: 'persist' });
  expect(buildRequest(view)).toEqual({
    values: { ipv6: 1 },
    persistence: { kind: 'persist', fileName: '99-custom.conf', expectedSha256: 'a'.repeat(64) },
  });
  view = viewReducer(view, { type: 'discarded' });
  view = viewReducer(view, { type: 'persistence-chosen', choice: 'persist' });
  view = viewReducer(view, { type: 'file-name-changed', fileName: 'new.conf' });
  expect(buildRequest(view)).toEqual({
    values: { ipv4: 1, ipv6: 0 },
    persistence: { kind: 'persist', fileName: 'new.conf', expectedSha256: null },
  });
  view = viewReducer(view, { type: 'persistence-chosen', choice: 'unpersist' });
  view = viewReducer(view, { type: 'reset-runtime-changed', resetRuntime: true });
  expect(buildRequest(view)).toEqual({
    values: {},
    persistence: {
      kind: 'unpersist',
      fileName: 'new.conf',
      expectedSha256: null,
      resetRuntime: true,
    },
  });
});

test('drift fixes: keep the current value at boot, or restore the boot value now', () => {
  let view = viewReducer(ready(system(1, 0)), { type: 'keep-at-boot', id: 'ipv4' });
  expect(buildRequest(view)).toEqual({
    values: { ipv4: 1 },
    persistence: { kind: 'persist', fileName: '99-custom.conf', expectedSha256: 'a'.repeat(64) },
  });
  view = viewReducer(view, { type: 'restore-boot-now', id: 'ipv4', value: 0 });
  expect(buildRequest(view)).toEqual({ values: { ipv4: 0 }, persistence: { kind: 'runtime' } });
});

test('the /etc/sysctl.conf resolution targets that file with the hash the UI read', () => {
  let view = viewReducer(ready(system(0, 0)), { type: 'toggled', id: 'ipv4' });
  view = viewReducer(view, { type: 'persistence-chosen', choice: 'persist' });
  view = viewReducer(view, { type: 'resolution-chosen', fileName: null });
  expect(buildRequest(view)).toEqual({
    values: { ipv4: 1 },
    persistence: { kind: 'persist-sysctl-conf', expectedSha256: null },
  });
  view = viewReducer(view, { type: 'resolution-chosen', fileName: 'zz-nonlocal-bind.conf' });
  expect(buildRequest(view)?.persistence).toEqual({
    kind: 'persist',
    fileName: 'zz-nonlocal-bind.conf',
    expectedSha256: null,
  });
});
