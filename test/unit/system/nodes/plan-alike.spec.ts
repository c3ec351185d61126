import { expect, test } from '@playwright/test';
import { errorWords } from '../../../../renderer/src/error-words';
import { planAlike } from '../../../../electron/system/nodes/plan-alike';
import { predictFromSnapshot } from '../../../../electron/system/nodes/predict-from-snapshot';
import { MAX_FILE_BYTES, stepArguments } from '../../../../electron/system/privileged-step';
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
    step: { values: { ipv4: '1' }, file: { op: 'none' } },
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
  expect(plan.step.values.ipv6).toBeUndefined();
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
    expect(errorWords(plan.error)).toContain('would lose to a file read after it');
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
  expect(errorWords(stuck.error)).toContain(
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

// Names a node may have that the step refuses, each sorting after 90-nonlocal-bind.conf so
// the app's own file would lose to it: no file is left, and the reason names the file.
const REFUSED_NAMES: readonly { name: string; code: string; words: string }[] = [
  { name: '_override.conf', code: 'bad-first-character', words: 'does not start with a letter' },
  { name: '~x.conf', code: 'bad-first-character', words: 'does not start with a letter' },
  { name: 'zz vip.conf', code: 'bad-character', words: 'contains a space' },
  { name: 'zz;id.conf', code: 'bad-character', words: 'contains ";"' },
  { name: 'zzvïp.conf', code: 'bad-character', words: 'contains "ï"' },
  { name: 'zz\u001b[31m.conf', code: 'bad-character', words: 'contains a control character' },
  { name: `z${'x'.repeat(195)}.conf`, code: 'too-long', words: 'is 201 characters long' },
];

for (const { name, code, words } of REFUSED_NAMES) {
  test(`a node's own file the step would refuse (${code}: ${name.slice(0, 20)}) is never proposed, and the reason says which and why`, () => {
    const m = machine(0, {
      '/etc/sysctl.d': [file(name, 'net.ipv4.ip_nonlocal_bind = 0\n')],
    });
    const plan = planAlike(m, ON);
    if (plan.kind !== 'impossible') throw new Error(JSON.stringify(plan));
    expect(plan.problems).toContainEqual(
      expect.objectContaining({
        path: `/etc/sysctl.d/${name}`,
        code: 'name-refused',
        refusal: expect.objectContaining({ code }),
      }),
    );
    // The app's file was tried too, and lost to the refused one.
    expect(plan.problems).toContainEqual({
      path: '/etc/sysctl.d/90-nonlocal-bind.conf',
      code: 'loses-at-boot',
    });
    expect(errorWords(plan.error)).toMatch(/^lb-2: no file the app may write/);
    expect(errorWords(plan.error)).toContain(words);
    // A hostile name is shown cut short and without its control characters.
    expect(errorWords(plan.error)).not.toContain('x'.repeat(81));
    expect(errorWords(plan.error)).not.toContain('\u001b');
  });
}

test('a refused name that sorts before the app’s file is passed over: the app’s file is written', () => {
  const m = machine(0, {
    '/etc/sysctl.d': [file('60 vip.conf', 'net.ipv4.ip_nonlocal_bind = 0\n')],
  });
  const plan = planAlike(m, ON);
  if (plan.kind !== 'change') throw new Error(JSON.stringify(plan));
  expect(plan.file).toBe('/etc/sysctl.d/90-nonlocal-bind.conf');
  expect(plan.step.file).toMatchObject({ op: 'write', name: '90-nonlocal-bind.conf' });
});

/** A file of `size` bytes that sets IPv6 (so it is a candidate) and pads with a comment. */
function padded(size: number): string {
  const line = 'net.ipv6.ip_nonlocal_bind = 0\n';
  return `${line}#${'p'.repeat(size - line.length - 2)}\n`;
}
/** What the planner appends to such a file to set IPv4. */
const ADDED = 'net.ipv4.ip_nonlocal_bind = 1\n'.length;

test('a file that would grow past the step’s size limit is never proposed; one that reaches it exactly is', () => {
  // zz-big.conf is read after the app's file, so only editing it could win (with _late.conf,
  // whose name is refused, setting IPv4 to 0 before it).
  const tooBig = padded(MAX_FILE_BYTES - ADDED + 1);
  const late = file('_late.conf', 'net.ipv4.ip_nonlocal_bind = 0\n');
  const stuck = planAlike(machine(0, { '/etc/sysctl.d': [late, file('zz-big.conf', tooBig)] }), ON);
  if (stuck.kind !== 'impossible') throw new Error(JSON.stringify(stuck));
  expect(stuck.problems).toContainEqual({
    path: '/etc/sysctl.d/zz-big.conf',
    code: 'step-refuses',
    error: { code: 'content-too-large', bytes: MAX_FILE_BYTES + 1, limit: MAX_FILE_BYTES },
  });
  expect(errorWords(stuck.error)).toContain(
    `/etc/sysctl.d/zz-big.conf would be ${MAX_FILE_BYTES + 1} bytes, and the app writes files of at most ${MAX_FILE_BYTES}`,
  );
  expect(errorWords(stuck.error)).toContain('/etc/sysctl.d/_late.conf: its name does not start');

  const justFits = padded(MAX_FILE_BYTES - ADDED);
  const plan = planAlike(
    machine(0, { '/etc/sysctl.d': [late, file('zz-big.conf', justFits)] }),
    ON,
  );
  if (plan.kind !== 'change') throw new Error(JSON.stringify(plan));
  expect(plan.file).toBe('/etc/sysctl.d/zz-big.conf');
  if (plan.step.file.op !== 'write') throw new Error(plan.step.file.op);
  expect(Buffer.byteLength(plan.step.file.content)).toBe(MAX_FILE_BYTES);
});

test('too large an edit of an earlier file falls back to the app’s own file', () => {
  const m = machine(0, { '/etc/sysctl.d': [file('60-big.conf', padded(MAX_FILE_BYTES - 4))] });
  const plan = planAlike(m, ON);
  if (plan.kind !== 'change') throw new Error(JSON.stringify(plan));
  expect(plan.file).toBe('/etc/sysctl.d/90-nonlocal-bind.conf');
});

test('/etc/sysctl.conf is held to the same size limit', () => {
  // A vendor's 90-nonlocal-bind.conf rules out the app's own name; only /etc/sysctl.conf is left.
  const vendor = file('90-nonlocal-bind.conf', 'kernel.pid_max = 4194304\n');
  const withConf = (conf: string) => {
    const link: SnapshotEntry = {
      name: '99-sysctl.conf',
      kind: 'file',
      content: Buffer.from(conf),
      linkTarget: '../sysctl.conf',
    };
    return machine(
      0,
      { '/etc/sysctl.d': [link], '/usr/lib/sysctl.d': [vendor] },
      file('sysctl.conf', conf),
    );
  };
  const fits = planAlike(withConf(padded(MAX_FILE_BYTES - ADDED)), ON);
  if (fits.kind !== 'change') throw new Error(JSON.stringify(fits));
  expect(fits.step.file.op).toBe('write-conf');

  const refused = planAlike(withConf(padded(MAX_FILE_BYTES - ADDED + 1)), ON);
  if (refused.kind !== 'impossible') throw new Error(JSON.stringify(refused));
  expect(refused.problems).toContainEqual({
    path: '/etc/sysctl.conf',
    code: 'step-refuses',
    error: { code: 'content-too-large', bytes: MAX_FILE_BYTES + 1, limit: MAX_FILE_BYTES },
  });
});

test('every plan offered is one the step’s argument check accepts, with the same arguments', () => {
  const names = ['60-vip.conf', '_o.conf', 'a b.conf', `a${'b'.repeat(199)}.conf`, '99-z.conf'];
  for (const name of names) {
    for (const size of [40, MAX_FILE_BYTES - 10, MAX_FILE_BYTES]) {
      const text = `net.ipv4.ip_nonlocal_bind=0\n${'#'.repeat(size - 29)}\n`;
      const plan = planAlike(machine(0, { '/etc/sysctl.d': [file(name, text)] }), ON);
      if (plan.kind !== 'change') continue;
      const built = stepArguments(plan.step);
      expect(built).toEqual({ ok: true, args: plan.args });
    }
  }
});

test('an edit the step’s content rule would refuse is never proposed, and the reason names the line', () => {
  // A value line the rule does not recognise (not ASCII) would be replaced: more than the two
  // settings' lines, as the step sees it. The node is told before Apply, not after.
  const m = machine(0, {
    '/etc/sysctl.d': [file('zz-vip.conf', 'net.ipv4.ip_nonlocal_bind = é\n')],
  });
  const plan = planAlike(m, ON);
  if (plan.kind !== 'impossible') throw new Error(JSON.stringify(plan));
  expect(plan.problems).toContainEqual({
    path: '/etc/sysctl.d/zz-vip.conf',
    code: 'content-refused',
    error: { code: 'content-outside-settings', line: 1 },
  });
  expect(errorWords(plan.error)).toContain(
    '/etc/sysctl.d/zz-vip.conf: the change would also touch line 1, which is not an ip_nonlocal_bind line',
  );
});
