import { test, expect } from '@playwright/test';
import type { ApplyRequest, BootConflict, ChangePlan } from '../../../electron/contract';
import { applyBlock } from '../../../renderer/src/state/apply-block';
import { applyBlockWords } from '../../../renderer/src/words/apply-block-words';
import { system } from './view-fixtures';

const persist = (values: ApplyRequest['values']): ApplyRequest => ({
  values,
  persistence: { kind: 'persist', fileName: '99-custom.conf', expectedSha256: null },
});

const plan = (
  action: 'create' | 'edit' | 'unchanged',
  conflicts: BootConflict[] = [],
): ChangePlan => ({
  error: null,
  commands: [],
  fleet: [],
  file: { path: '/etc/sysctl.d/99-custom.conf', action },
  conflicts,
});

const CONFLICT: BootConflict = {
  id: 'ipv4',
  engine: 'procps',
  key: 'net.ipv4.ip_nonlocal_bind',
  wanted: '1',
  target: '/etc/sysctl.d/99-custom.conf',
  cause: { kind: 'later-value', path: '/etc/sysctl.conf', line: 3, value: '0' },
  suggestedFileName: null,
  fix: { kind: 'sysctl-conf' },
};

test('Apply is off for a change that changes nothing, would not last, or cannot run in a read-only /proc/sys', () => {
  const off = system(0, 0);
  const on = system(1, 0);
  // A real change may run.
  expect(applyBlock(off, persist({ ipv4: 1 }), plan('edit'))).toBeNull();
  // The kernel already runs it and the file already says it: nothing would change.
  expect(applyBlock(on, persist({ ipv4: 1 }), plan('unchanged'))).toEqual({
    kind: 'changes-nothing',
  });
  // The same value written into a file that does not say it yet is a change.
  expect(applyBlock(on, persist({ ipv4: 1 }), plan('edit'))).toBeNull();
  // A value that would not stick at boot.
  expect(applyBlock(off, persist({ ipv4: 1 }), plan('edit', [CONFLICT]))).toEqual({
    kind: 'would-not-last',
  });
  // Read-only /proc/sys comes first: nothing here can change a running value.
  const container = {
    ...off,
    platform: { procSysReadOnly: { mountPoint: '/proc/sys', alternatives: [] }, distro: null },
  };
  const block = applyBlock(container, persist({ ipv4: 1 }), null);
  expect(block).toEqual({ kind: 'read-only-proc', mountPoint: '/proc/sys' });
  // A removal that leaves the running values alone only edits a file: it may run there.
  const removal: ApplyRequest = {
    values: {},
    persistence: {
      kind: 'unpersist',
      fileName: '99-custom.conf',
      expectedSha256: null,
      resetRuntime: false,
    },
  };
  expect(applyBlock(container, removal, plan('edit'))).toBeNull();
  // Nothing to apply: nothing to block.
  expect(applyBlock(off, null, null)).toBeNull();
  // Every reason has its words, each saying that Apply is off and why.
  for (const b of [
    { kind: 'changes-nothing' },
    { kind: 'would-not-last' },
    { kind: 'read-only-proc', mountPoint: '/proc/sys' },
  ] as const) {
    expect(applyBlockWords(b)).toMatch(/^Apply is off: /);
  }
});
