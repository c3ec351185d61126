import { expect, test } from '@playwright/test';
import { planAlike } from '../../../../electron/system/nodes/plan-alike';
import { predictFromSnapshot } from '../../../../electron/system/nodes/predict-from-snapshot';
import type { SnapshotEntry, SysctlSnapshot } from '../../../../electron/system/sysctl-snapshot';

const file = (name: string, text: string): SnapshotEntry => ({
  name,
  kind: 'file',
  content: Buffer.from(text),
  linkTarget: null,
});

function machine(
  now4: 0 | 1,
  dirs: Record<string, SnapshotEntry[]>,
  conf: SnapshotEntry | null = null,
) {
  const snapshot: SysctlSnapshot = {
    kernel: '6.1.0',
    runtime: { ipv4: { kind: 'value', value: now4 }, ipv6: { kind: 'value', value: 0 } },
    directories: Object.entries(dirs).map(([dir, entries]) => ({ dir, entries })),
    sysctlConf: conf,
    problems: [],
  };
  return { name: 'lb-2', snapshot, prediction: predictFromSnapshot(snapshot) };
}

const ON = { ipv4: 1, ipv6: 0 } as const;

test('a machine that already matches needs nothing', () => {
  const m = machine(1, { '/etc/sysctl.d': [file('60-vip.conf', 'net.ipv4.ip_nonlocal_bind=1\n')] });
  expect(planAlike(m, ON)).toEqual({ kind: 'alike' });
});

test('only the runtime differs: no file is written', () => {
  const m = machine(0, { '/etc/sysctl.d': [file('60-vip.conf', 'net.ipv4.ip_nonlocal_bind=1\n')] });
  const plan = planAlike(m, ON);
  expect(plan).toMatchObject({
    kind: 'change',
    file: null,
    step: { ipv4: '1', ipv6: '-', file: { op: 'none' } },
  });
});

test('the file that already sets the key is edited in place, every other byte kept', () => {
  const text = '# keep me\nnet.ipv4.ip_nonlocal_bind = 0\nvm.swappiness=10\n';
  const m = machine(0, { '/etc/sysctl.d': [file('60-vip.conf', text)] });
  const plan = planAlike(m, ON);
  if (plan.kind !== 'change') throw new Error(plan.kind);
  expect(plan.file).toBe('/etc/sysctl.d/60-vip.conf');
  expect(plan.step.file).toMatchObject({
    op: 'write',
    name: '60-vip.conf',
    content: '# keep me\nnet.ipv4.ip_nonlocal_bind = 1\nvm.swappiness=10\n',
  });
  // Only the key that was wrong at boot is written; IPv6 was already off everywhere.
  expect(plan.step.ipv6).toBe('-');
});

test('a file that would lose to a later one is never proposed: /etc/sysctl.conf settles both', () => {
  // Debian: 99-sysctl.conf links to /etc/sysctl.conf, which sets 0 and is read after 90-….conf
  // by both engines; only writing /etc/sysctl.conf itself makes 1 win.
  const conf = 'net.ipv4.ip_nonlocal_bind = 0\n';
  const link: SnapshotEntry = {
    name: '99-sysctl.conf',
    kind: 'file',
    content: Buffer.from(conf),
    linkTarget: '../sysctl.conf',
  };
  const m = machine(0, { '/etc/sysctl.d': [link] }, file('sysctl.conf', conf));
  const plan = planAlike(m, ON);
  if (plan.kind !== 'change') throw new Error(JSON.stringify(plan));
  expect(plan.step.file.op).toBe('write-conf');
  expect(plan.file).toBe('/etc/sysctl.conf');
});

test('when no file the app may write can win under both engines, it says why and changes nothing', () => {
  const m = machine(0, {
    '/run/sysctl.d': [file('99-late.conf', 'net.ipv4.ip_nonlocal_bind = 0\n')],
  });
  const plan = planAlike(m, ON);
  expect(plan.kind).toBe('impossible');
  if (plan.kind === 'impossible') {
    expect(plan.error.message).toContain('would lose to a file read after it');
  }
});

test('the app’s default name is never proposed where it would hide a vendor file of that name', () => {
  // The simulation checks only our keys: it cannot see that /usr/lib's kernel.pid_max would go.
  const vendor = file('90-nonlocal-bind.conf', 'kernel.pid_max = 4194304\n');
  const link: SnapshotEntry = {
    name: '99-sysctl.conf',
    kind: 'file',
    content: Buffer.from('# site\n'),
    linkTarget: '../sysctl.conf',
  };
  const m = machine(
    0,
    { '/etc/sysctl.d': [link], '/usr/lib/sysctl.d': [vendor] },
    file('sysctl.conf', '# site\n'),
  );
  const plan = planAlike(m, ON);
  if (plan.kind !== 'change') throw new Error(JSON.stringify(plan));
  expect(plan.file).toBe('/etc/sysctl.conf');
  expect(plan.step.file.op).toBe('write-conf');

  // With no other way, it says so and why, instead of hiding the vendor's file.
  const stuck = planAlike(machine(0, { '/usr/lib/sysctl.d': [vendor] }), ON);
  if (stuck.kind !== 'impossible') throw new Error(JSON.stringify(stuck));
  expect(stuck.error.message).toContain(
    '/etc/sysctl.d/90-nonlocal-bind.conf would hide /usr/lib/sysctl.d/90-nonlocal-bind.conf',
  );
});

test('a file /etc/sysctl.d already has is still edited in place when a vendor file has its name', () => {
  const m = machine(0, {
    '/etc/sysctl.d': [file('60-vip.conf', 'net.ipv4.ip_nonlocal_bind = 0\n')],
    '/usr/lib/sysctl.d': [file('60-vip.conf', 'kernel.a = 1\n')],
  });
  const plan = planAlike(m, ON);
  if (plan.kind !== 'change') throw new Error(JSON.stringify(plan));
  expect(plan.file).toBe('/etc/sysctl.d/60-vip.conf');
});
