import { test, expect } from '@playwright/test';
import type { BootConflict, ChangePlan } from '../../../electron/contract';
import { viewReducer } from '../../../renderer/src/state/app-reducer';
import { buildRequest } from '../../../renderer/src/state/apply-request';
import { pendingChangeWords } from '../../../renderer/src/change-words';
import { errorWords } from '../../../renderer/src/error-words';
import { barFacts, conflictFixes, removalPath } from '../../../renderer/src/state/bar-selectors';
import { initialViewState, type ViewState } from '../../../renderer/src/state/view-state';
import { haSystem, system } from './view-fixtures';

const plan = (over: Partial<ChangePlan>): ChangePlan => ({
  error: null,
  commands: [],
  fleet: [],
  file: null,
  conflicts: [],
  ...over,
});

const conflict = (over: Partial<BootConflict>): BootConflict => ({
  id: 'ipv4',
  engine: 'systemd',
  key: 'net.ipv4.ip_nonlocal_bind',
  wanted: '1',
  target: '/etc/sysctl.d/90-nonlocal-bind.conf',
  cause: { kind: 'note', note: null, noteData: null },
  suggestedFileName: null,
  fix: { kind: 'sysctl-conf' },
  ...over,
});

const toggledIpv4 = (): ViewState => {
  const ready = viewReducer(initialViewState, { type: 'state-read', system: system(0, 0) });
  return viewReducer(ready, { type: 'toggled', id: 'ipv4' });
};

test('a file problem is shown at the file name field, any other plan error beside Apply', () => {
  const view = toggledIpv4();
  const request = buildRequest(view);
  const fileProblem = plan({ error: { code: 'target-symlink' } });
  const facts = barFacts(view, system(0, 0), request, fileProblem);
  // Data in the facts, worded at render beside the field.
  expect(facts.fileError).toEqual({ code: 'target-symlink' });
  expect(errorWords(facts.fileError ?? { code: 'target-symlink' })).toMatch(/is a symbolic link/);
  expect(facts.otherError).toBeNull();
  expect(facts.canApply).toBe(false);
  const other = barFacts(
    view,
    system(0, 0),
    request,
    plan({ error: { code: 'nothing-to-apply' } }),
  );
  expect(other.fileError).toBeNull();
  expect(other.otherError?.code).toBe('nothing-to-apply');
});

test('the bar waits for the plan, then offers Apply with the change in words and its file', () => {
  const view = toggledIpv4();
  const request = buildRequest(view);
  const checking = barFacts(view, system(0, 0), request, null);
  expect(checking).toMatchObject({ shown: true, checking: true, canApply: false });
  const ready = barFacts(
    view,
    system(0, 0),
    request,
    plan({ file: { path: '/etc/sysctl.d/99-custom.conf', action: 'edit' } }),
  );
  expect(ready).toMatchObject({
    checking: false,
    canApply: true,
    fileAction: 'edit',
    fileName: '99-custom.conf',
    lasting: 'persist',
    boot: 'drop-in',
    changes: [{ kind: 'change', id: 'ipv4', key: 'net.ipv4.ip_nonlocal_bind', from: 0, to: 1 }],
    lost: [],
  });
  expect(ready.changes.map(pendingChangeWords)).toEqual(['IPv4 non-local bind: Off → On']);
});

test('conflict fixes come once per suggestion, each with every setting it settles', () => {
  const fixes = conflictFixes(
    plan({
      conflicts: [
        conflict({
          id: 'ipv4',
          engine: 'systemd',
          suggestedFileName: 'zz.conf',
          fix: { kind: 'later-file', name: 'zz.conf', after: 'a' },
        }),
        conflict({
          id: 'ipv4',
          engine: 'procps',
          suggestedFileName: 'zz.conf',
          fix: { kind: 'later-file', name: 'zz.conf', after: 'a' },
        }),
        conflict({
          id: 'ipv6',
          engine: 'systemd',
          suggestedFileName: 'zz.conf',
          fix: { kind: 'later-file', name: 'zz.conf', after: 'b' },
        }),
        conflict({
          id: 'ipv6',
          engine: 'procps',
          suggestedFileName: null,
          fix: { kind: 'sysctl-conf' },
        }),
      ],
    }),
  );
  expect(fixes).toEqual([
    {
      fix: { kind: 'later-file', name: 'zz.conf', after: 'a' },
      fileName: 'zz.conf',
      ids: ['ipv4', 'ipv6'],
    },
    {
      fix: { kind: 'later-file', name: 'zz.conf', after: 'b' },
      fileName: 'zz.conf',
      ids: ['ipv4', 'ipv6'],
    },
    { fix: { kind: 'sysctl-conf' }, fileName: null, ids: ['ipv6'] },
  ]);
  expect(conflictFixes(null)).toEqual([]);
});

test('a removal names its file by path: a drop-in in the directory, or /etc/sysctl.conf', () => {
  expect(removalPath(haSystem(1, 0), { kind: 'drop-in', fileName: '99-zz-ha.conf' })).toBe(
    '/etc/sysctl.d/99-zz-ha.conf',
  );
  expect(removalPath(haSystem(1, 0), { kind: 'sysctl-conf' })).toBe('/etc/sysctl.conf');
});
