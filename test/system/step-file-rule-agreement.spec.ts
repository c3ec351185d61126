import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { checkFileName, MAX_FILE_NAME_LENGTH } from '../../electron/system/file-name';
import { MAX_FILE_BYTES, stepArguments } from '../../electron/system/privileged-step';
import { STEP_EXIT } from '../../electron/system/privileged-script';
import { runStepInSandbox } from '../harness/run-step';
import { createSandbox, type Sandbox } from '../harness/sandbox';

// The planners and the real step (POSIX sh, as root, in a sandbox) must draw the same line
// for file names and sizes: a name or size one accepts and the other refuses is either a plan
// that fails half-way or a refusal for nothing.

/** A small deterministic generator, so a disagreement can be replayed. */
function seeded(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return x / 0x1_0000_0000;
  };
}

const FIXED_NAMES = [
  'a.conf',
  '9.conf',
  '90-nonlocal-bind.conf',
  'A_b-c.d.conf',
  `${'x'.repeat(MAX_FILE_NAME_LENGTH - 5)}.conf`,
  `${'x'.repeat(MAX_FILE_NAME_LENGTH - 4)}.conf`,
  '_override.conf',
  '-x.conf',
  '.x.conf',
  '.conf',
  '',
  '60 vip.conf',
  'a\tb.conf',
  'a\nb.conf',
  'a.conf.bak',
  'a.CONF',
  'a;id.conf',
  'a$(id).conf',
  'vïp.conf',
  'a/b.conf',
  '..',
  'a*.conf',
  '[a].conf',
];

/** Every ASCII character but NUL (argv cannot carry it), first and inside a name. */
function everyCharacter(): string[] {
  const chars = Array.from({ length: 127 }, (_, i) => String.fromCharCode(i + 1));
  return [...chars.map((c) => `${c}ab.conf`), ...chars.map((c) => `a${c}b.conf`), 'aéb.conf'];
}

function randomNames(count: number): string[] {
  const random = seeded(22);
  const pieces = [
    'a',
    'Z',
    '7',
    '.',
    '_',
    '-',
    ' ',
    '/',
    ';',
    'ï',
    '~',
    '*',
    '?',
    '[',
    '\\',
    'conf',
  ];
  return Array.from({ length: count }, () => {
    const pick = () => pieces[Math.floor(random() * pieces.length)] ?? 'a';
    const length = random() < 0.15 ? 190 + Math.floor(random() * 20) : Math.floor(random() * 8);
    let name = Array.from({ length }, pick).join('');
    if (random() < 0.7) name += '.conf';
    return name.slice(0, 230);
  });
}

/** Whether the real step accepts `name`: deleting an absent file is a harmless no-op there. */
async function stepAcceptsName(sandbox: Sandbox, name: string): Promise<boolean> {
  const run = await runStepInSandbox(sandbox, ['v2', '--', 'delete', name, 'absent', '-']);
  if (run.code === STEP_EXIT.ok) return true;
  expect(run, JSON.stringify(name)).toMatchObject({ code: STEP_EXIT.invalidArguments });
  expect(run.stderr).toContain('invalid file name');
  return false;
}

let sandbox: Sandbox;
test.beforeAll(async () => {
  sandbox = await createSandbox();
});
test.afterAll(async () => {
  await sandbox.dispose();
});

test('file names: the planners’ check and the real step accept exactly the same ones', async () => {
  const names = [...FIXED_NAMES, ...everyCharacter(), ...randomNames(60)];
  // Each name is one short step run (about 20 ms unloaded); allow 1 s each on a loaded machine.
  test.setTimeout(30_000 + names.length * 1_000);
  const disagreements: string[] = [];
  let accepted = 0;
  for (const name of names) {
    const planner = checkFileName(name).ok;
    const step = await stepAcceptsName(sandbox, name);
    if (planner !== step)
      disagreements.push(`${JSON.stringify(name)}: planner ${planner}, step ${step}`);
    if (step) accepted += 1;
  }
  expect(disagreements).toEqual([]);
  // Both kinds were really exercised.
  expect(accepted).toBeGreaterThanOrEqual(60);
  expect(names.length - accepted).toBeGreaterThanOrEqual(20);
});

/** A new file of exactly `size` bytes holding nothing but IPv4 lines (all the step lets in). */
function settingLines(size: number): string {
  const line = 'net.ipv4.ip_nonlocal_bind = 1\n';
  const count = Math.floor(size / line.length) - 1;
  const last = size - count * line.length;
  return line.repeat(count) + `net.ipv4.ip_nonlocal_bind = 1${' '.repeat(last - line.length)}\n`;
}

test('file size: the step writes exactly MAX_FILE_BYTES and refuses one byte more, as the planners do', async () => {
  const fits = settingLines(MAX_FILE_BYTES);
  expect(Buffer.byteLength(fits)).toBe(MAX_FILE_BYTES);
  // An existing file: a new one may hold only 4 KiB (MAX_NEW_FILE_BYTES), a header and a few lines.
  const old = 'net.ipv4.ip_nonlocal_bind = 0\n';
  sandbox.writeText('/etc/sysctl.d/99-size.conf', old);
  const built = stepArguments({
    values: {},
    file: {
      op: 'write',
      name: '99-size.conf',
      expectedSha256: createHash('sha256').update(old).digest('hex'),
      content: fits,
    },
  });
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  expect(await runStepInSandbox(sandbox, built.args)).toMatchObject({ code: STEP_EXIT.ok });
  expect(sandbox.readText('/etc/sysctl.d/99-size.conf')).toBe(fits);

  const over = settingLines(MAX_FILE_BYTES + 1);
  expect(
    stepArguments({
      values: {},
      file: { op: 'write', name: '98-size.conf', expectedSha256: null, content: over },
    }),
  ).toEqual({
    ok: false,
    error: { code: 'content-too-large', bytes: MAX_FILE_BYTES + 1, limit: MAX_FILE_BYTES },
  });
  // Sent anyway, as a caller that skipped the check would: the step refuses it on its own.
  const raw = ['v2', '--', 'write', '98-size.conf', 'absent', Buffer.from(over).toString('base64')];
  const refused = await runStepInSandbox(sandbox, raw);
  expect(refused.code).not.toBe(STEP_EXIT.ok);
  expect(refused.stderr).toContain(`at most ${MAX_FILE_BYTES}`);
  expect(sandbox.run('ls', ['/etc/sysctl.d']).stdout.split('\n')).not.toContain('98-size.conf');
});
