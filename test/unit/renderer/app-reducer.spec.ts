import { test, expect } from '@playwright/test';
import type { AppState, ChangeReport } from '../../../electron/contract';
import { viewReducer } from '../../../renderer/src/state/app-reducer';
import { initialViewState, type ViewState } from '../../../renderer/src/state/view-state';
import { haSystem, system } from './view-fixtures';
import { dropInOf, lastingOf, removalOf } from '../../../renderer/src/state/persistence-choice';
import {
  buildRequest,
  hasPendingChange,
  idleKeeps,
  waitingReason,
} from '../../../renderer/src/state/apply-request';

/** An Apply's report where the reducer only needs one: its words are tested elsewhere. */
const NO_CHANGE: ChangeReport = { recovery: null, settings: [], file: null };

/** The drop-in file name the bar shows and, unless a fix chose /etc/sysctl.conf, writes. */
const fileName = (view: ViewState) => dropInOf(view.persistence).name;
const lasting = (view: ViewState) => lastingOf(view.persistence).kind;

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

test('the default keeps the change at every boot, in the file that already sets the keys', () => {
  const view = viewReducer(ready(system(0, 0)), { type: 'toggled', id: 'ipv4' });
  expect(fileName(view)).toBe('99-custom.conf');
  expect(buildRequest(view)).toEqual({
    values: { ipv4: 1 },
    persistence: { kind: 'persist', fileName: '99-custom.conf', expectedSha256: 'a'.repeat(64) },
  });
});

test('while an Apply waits for authentication the controls are locked', () => {
  let view = viewReducer(ready(system(0, 0)), { type: 'toggled', id: 'ipv4' });
  view = viewReducer(view, { type: 'apply-started' });
  const locked = view;
  for (const action of [
    { type: 'toggled', id: 'ipv6' },
    { type: 'persistence-chosen', choice: 'runtime' },
    { type: 'file-name-changed', fileName: 'x.conf' },
    { type: 'removal-chosen', from: { kind: 'drop-in', fileName: '99-custom.conf' }, id: 'ipv4' },
    { type: 'discarded' },
  ] as const) {
    view = viewReducer(view, action);
  }
  expect(view).toBe(locked);
});

test('after a failed Apply the pending change and the chosen options are kept, with the outcome', () => {
  let view = viewReducer(ready(system(0, 0)), { type: 'toggled', id: 'ipv4' });
  view = viewReducer(view, { type: 'toggled', id: 'ipv6' });
  view = viewReducer(view, { type: 'persistence-chosen', choice: 'runtime' });
  view = viewReducer(view, { type: 'state-read', system: system(1, 0) });
  expect(view.pending).toEqual({ ipv6: 1 });
  view = viewReducer(view, { type: 'apply-started' });
  view = viewReducer(view, {
    type: 'apply-finished',
    outcome: {
      applied: false,
      report: null,
      error: { code: 'auth-refused' },
      state: system(1, 0),
    },
  });
  expect(view.applying).toBe(false);
  expect(view.pending).toEqual({ ipv6: 1 });
  expect(lasting(view)).toBe('runtime');
  expect(view.outcome?.error?.code).toBe('auth-refused');
});

test('after a successful Apply the outcome stays until the next change', () => {
  let view = viewReducer(ready(system(0, 0)), { type: 'toggled', id: 'ipv4' });
  view = viewReducer(view, { type: 'apply-started' });
  view = viewReducer(view, {
    type: 'apply-finished',
    outcome: { applied: true, report: NO_CHANGE, error: null, state: system(1, 0) },
  });
  expect(view.pending).toEqual({});
  expect(view.outcome?.applied).toBe(true);
  view = viewReducer(view, { type: 'state-read', system: system(1, 0) });
  expect(view.outcome?.applied).toBe(true);
  view = viewReducer(view, { type: 'toggled', id: 'ipv6' });
  expect(view.outcome).toBeNull();
});

test('a value kept at boot is not dropped when another switch flips', () => {
  let view = viewReducer(ready(system(1, 0)), { type: 'keep-at-boot', id: 'ipv4' });
  view = viewReducer(view, { type: 'toggled', id: 'ipv6' });
  expect(buildRequest(view)?.values).toEqual({ ipv4: 1, ipv6: 1 });
});

test('drift fixes: keep the current value at boot, or set the boot value now', () => {
  let view = viewReducer(ready(system(1, 0)), { type: 'keep-at-boot', id: 'ipv4' });
  expect(buildRequest(view)).toEqual({
    values: { ipv4: 1 },
    persistence: { kind: 'persist', fileName: '99-custom.conf', expectedSha256: 'a'.repeat(64) },
  });
  view = viewReducer(view, { type: 'discarded' });
  view = viewReducer(view, { type: 'set-now', id: 'ipv4', value: 0 });
  expect(buildRequest(view)).toEqual({ values: { ipv4: 0 }, persistence: { kind: 'runtime' } });
});

test('removal is its own action: one file, one setting, the runtime reset per setting', () => {
  let view = viewReducer(ready(system(1, 1)), { type: 'toggled', id: 'ipv6' });
  view = viewReducer(view, {
    type: 'removal-chosen',
    from: { kind: 'drop-in', fileName: '99-custom.conf' },
    id: 'ipv4',
  });
  expect(buildRequest(view)).toEqual({
    values: {},
    persistence: {
      kind: 'unpersist',
      fileName: '99-custom.conf',
      expectedSha256: 'a'.repeat(64),
      resetRuntime: false,
      settings: ['ipv4'],
    },
  });
  view = viewReducer(view, { type: 'removal-reset-changed', resetRuntime: true });
  expect(buildRequest(view)?.persistence).toMatchObject({ resetRuntime: true, settings: ['ipv4'] });
  // The earlier switch change was kept, and waits behind the removal for its reason.
  expect(view.pending).toEqual({ ipv6: 0 });
  expect(waitingReason(view, 'ipv6')).toBe('removal');
});

test('a chosen removal survives flipping a switch; the switch change follows it', () => {
  let view = viewReducer(ready(system(1, 1)), {
    type: 'removal-chosen',
    from: { kind: 'drop-in', fileName: '99-custom.conf' },
    id: 'ipv4',
  });
  view = viewReducer(view, { type: 'toggled', id: 'ipv6' });
  expect(removalOf(view.persistence)?.from).toEqual({
    kind: 'drop-in',
    fileName: '99-custom.conf',
  });
  expect(buildRequest(view)?.persistence.kind).toBe('unpersist');
  expect(waitingReason(view, 'ipv6')).toBe('removal');
  view = viewReducer(view, { type: 'apply-started' });
  view = viewReducer(view, {
    type: 'apply-finished',
    outcome: { applied: true, report: NO_CHANGE, error: null, state: system(1, 1) },
  });
  expect(removalOf(view.persistence)).toBeNull();
  expect(view.pending).toEqual({ ipv6: 0 });
  expect(waitingReason(view, 'ipv6')).toBeNull();
  expect(buildRequest(view)?.values).toEqual({ ipv6: 0 });
});

test('after a removal, the changes that waited behind it are not written back into that file', () => {
  let view = viewReducer(ready(system(1, 1)), {
    type: 'removal-chosen',
    from: { kind: 'drop-in', fileName: '99-custom.conf' },
    id: 'ipv4',
  });
  view = viewReducer(view, { type: 'toggled', id: 'ipv6' });
  expect(fileName(view)).toBe('99-custom.conf');
  view = viewReducer(view, { type: 'apply-started' });
  const after = system(1, 1);
  view = viewReducer(view, {
    type: 'apply-finished',
    outcome: {
      applied: true,
      report: NO_CHANGE,
      error: null,
      state: {
        ...after,
        persistence: {
          ...after.persistence,
          decidingFiles: {},
        },
      },
    },
  });
  const request = buildRequest(view);
  expect(request?.values).toEqual({ ipv6: 0 });
  expect(request?.persistence).toMatchObject({
    kind: 'persist',
    fileName: '90-nonlocal-bind.conf',
  });
});

test('keep-at-boot then "This session only": the choice stays and the bar says why nothing applies', () => {
  let view = viewReducer(ready(system(1, 0)), { type: 'keep-at-boot', id: 'ipv4' });
  view = viewReducer(view, { type: 'persistence-chosen', choice: 'runtime' });
  expect(buildRequest(view)).toBeNull();
  expect(hasPendingChange(view)).toBe(true);
  expect(idleKeeps(view)).toEqual(['ipv4']);
  // Back to "Now and at every boot": the kept value is there again.
  view = viewReducer(view, { type: 'persistence-chosen', choice: 'persist' });
  expect(idleKeeps(view)).toEqual([]);
  expect(buildRequest(view)?.values).toEqual({ ipv4: 1 });
});

test('"Turn it off now" on one setting leaves the other pending change\'s persistence alone', () => {
  let view = viewReducer(ready(system(1, 0)), { type: 'toggled', id: 'ipv6' });
  expect(lasting(view)).toBe('persist');
  view = viewReducer(view, { type: 'set-now', id: 'ipv4', value: 0 });
  expect(lasting(view)).toBe('persist');
  expect(buildRequest(view)?.values).toEqual({ ipv4: 0, ipv6: 1 });
  expect(buildRequest(view)?.persistence.kind).toBe('persist');
});

test('a conflict fix changes only the conflicting keys and can be undone', () => {
  let view = viewReducer(ready(system(0, 0)), { type: 'toggled', id: 'ipv4' });
  view = viewReducer(view, { type: 'toggled', id: 'ipv6' });
  view = viewReducer(view, { type: 'resolution-chosen', fileName: null, ids: ['ipv4'] });
  expect(buildRequest(view)).toEqual({
    values: { ipv4: 1 },
    persistence: { kind: 'persist-sysctl-conf', expectedSha256: null },
  });
  view = viewReducer(view, {
    type: 'resolution-chosen',
    fileName: 'zz-nonlocal-bind.conf',
    ids: ['ipv4'],
  });
  expect(buildRequest(view)?.persistence).toEqual({
    kind: 'persist',
    fileName: 'zz-nonlocal-bind.conf',
    expectedSha256: null,
  });
  view = viewReducer(view, { type: 'resolution-undone' });
  expect(buildRequest(view)?.values).toEqual({ ipv4: 1, ipv6: 1 });
});

test('the default file follows the pending change: only a file that sets a changed key', () => {
  let view = viewReducer(ready(haSystem(1, 0)), { type: 'toggled', id: 'ipv6' });
  // 99-zz-ha.conf never set IPv6: the change goes into the app's own file.
  expect(fileName(view)).toBe('90-nonlocal-bind.conf');
  expect(buildRequest(view)?.persistence).toEqual({
    kind: 'persist',
    fileName: '90-nonlocal-bind.conf',
    expectedSha256: null,
  });
  view = viewReducer(view, { type: 'toggled', id: 'ipv4' });
  expect(fileName(view)).toBe('99-zz-ha.conf');
  view = viewReducer(view, { type: 'toggled', id: 'ipv6' });
  expect(fileName(view)).toBe('99-zz-ha.conf');
  view = viewReducer(view, { type: 'toggled', id: 'ipv4' });
  view = viewReducer(view, { type: 'keep-at-boot', id: 'ipv6' });
  expect(fileName(view)).toBe('90-nonlocal-bind.conf');
  // A re-read keeps following it.
  view = viewReducer(view, { type: 'state-read', system: haSystem(1, 0) });
  expect(fileName(view)).toBe('90-nonlocal-bind.conf');
});

test('a typed file name is never overwritten by the default, until Discard or an Apply', () => {
  let view = viewReducer(ready(haSystem(1, 0)), { type: 'toggled', id: 'ipv6' });
  view = viewReducer(view, { type: 'file-name-changed', fileName: '99-zz-ha.conf' });
  view = viewReducer(view, { type: 'toggled', id: 'ipv4' });
  view = viewReducer(view, { type: 'toggled', id: 'ipv4' });
  view = viewReducer(view, { type: 'state-read', system: haSystem(1, 0) });
  expect(fileName(view)).toBe('99-zz-ha.conf');
  view = viewReducer(view, { type: 'file-name-changed', fileName: '' });
  view = viewReducer(view, { type: 'toggled', id: 'ipv4' });
  expect(fileName(view)).toBe('');
  view = viewReducer(view, { type: 'discarded' });
  view = viewReducer(view, { type: 'toggled', id: 'ipv6' });
  expect(fileName(view)).toBe('90-nonlocal-bind.conf');
});

test('a conflict fix’s file name stays while the pending change changes', () => {
  let view = viewReducer(ready(haSystem(1, 0)), { type: 'toggled', id: 'ipv4' });
  view = viewReducer(view, {
    type: 'resolution-chosen',
    fileName: 'zz-nonlocal-bind.conf',
    ids: ['ipv4'],
  });
  view = viewReducer(view, { type: 'toggled', id: 'ipv6' });
  expect(fileName(view)).toBe('zz-nonlocal-bind.conf');
});

test('Remove from /etc/sysctl.conf: its own request, with the hash of /etc/sysctl.conf', () => {
  let view = viewReducer(ready(haSystem(1, 0)), { type: 'toggled', id: 'ipv6' });
  view = viewReducer(view, { type: 'removal-chosen', from: { kind: 'sysctl-conf' }, id: 'ipv4' });
  expect(buildRequest(view)).toEqual({
    values: {},
    persistence: {
      kind: 'unpersist-sysctl-conf',
      expectedSha256: 'c'.repeat(64),
      resetRuntime: false,
      settings: ['ipv4'],
    },
  });
  expect(waitingReason(view, 'ipv6')).toBe('removal');
});

test('after removing from /etc/sysctl.conf, a waiting conflict fix is not written back into it', () => {
  let view = viewReducer(ready(haSystem(1, 0)), { type: 'keep-at-boot', id: 'ipv4' });
  view = viewReducer(view, { type: 'resolution-chosen', fileName: null, ids: ['ipv4'] });
  view = viewReducer(view, { type: 'removal-chosen', from: { kind: 'sysctl-conf' }, id: 'ipv4' });
  view = viewReducer(view, { type: 'apply-started' });
  view = viewReducer(view, {
    type: 'apply-finished',
    outcome: { applied: true, report: NO_CHANGE, error: null, state: haSystem(1, 0) },
  });
  expect(lastingOf(view.persistence).boot.kind).toBe('drop-in');
  expect(buildRequest(view)?.persistence).toMatchObject({
    kind: 'persist',
    fileName: '99-zz-ha.conf',
  });
});

test('after a fix into /etc/sysctl.conf for one key, the other waiting change keeps the typed name', () => {
  let view = viewReducer(ready(haSystem(1, 0)), { type: 'toggled', id: 'ipv6' });
  view = viewReducer(view, { type: 'file-name-changed', fileName: '95-mine.conf' });
  view = viewReducer(view, { type: 'keep-at-boot', id: 'ipv4' });
  view = viewReducer(view, { type: 'resolution-chosen', fileName: null, ids: ['ipv4'] });
  view = viewReducer(view, { type: 'apply-started' });
  view = viewReducer(view, {
    type: 'apply-finished',
    outcome: { applied: true, report: NO_CHANGE, error: null, state: haSystem(1, 0) },
  });
  expect(view.pending).toEqual({ ipv6: 1 });
  view = viewReducer(view, { type: 'state-read', system: haSystem(1, 0) });
  expect(buildRequest(view)?.persistence).toMatchObject({
    kind: 'persist',
    fileName: '95-mine.conf',
  });
});

test('undo of "Make both keep it on" restores the choices from before it: nothing waits', () => {
  const before = ready(haSystem(1, 0));
  let view = viewReducer(before, { type: 'engines-agree-chosen', id: 'ipv4', sysctlConf: true });
  expect(view.keepIds).toEqual(['ipv4']);
  expect(lastingOf(view.persistence).boot.kind).toBe('sysctl-conf');
  view = viewReducer(view, { type: 'resolution-undone' });
  expect(view.keepIds).toEqual([]);
  expect(view.persistence).toEqual(before.persistence);
  expect(buildRequest(view)).toBeNull();
  expect(hasPendingChange(view)).toBe(false);
});

test('undo of a bar fix keeps the switch change that was there before it', () => {
  let view = viewReducer(ready(system(0, 0)), { type: 'toggled', id: 'ipv4' });
  const before = view.persistence;
  view = viewReducer(view, { type: 'resolution-chosen', fileName: null, ids: ['ipv4'] });
  view = viewReducer(view, { type: 'resolution-undone' });
  expect(view.pending).toEqual({ ipv4: 1 });
  expect(view.persistence).toEqual(before);
});
