import { createHash } from 'node:crypto';
import { removeKeysFromText, setKeysInText } from '../../../electron/system/sysctl-edit';
import { FILE_HEADER } from '../../../electron/system/file-header';
import { validateFileName } from '../../../electron/system/file-name';

/**
 * Hostile calls of the privileged step, as a delegated user (allowed the named polkit action,
 * nothing else) would make them: well-formed changes of the two settings mixed with every way
 * we know to slip anything else in. Each case is built from the files as they are now, so its
 * hash is right and only the content rule stands between the caller and root.
 */

export type Files = ReadonlyMap<string, Buffer | null>;

export interface FuzzCase {
  readonly kind: string;
  readonly args: readonly string[];
  /** The file the case is about (its full path), when it is well-formed enough to have one. */
  readonly target: string | null;
  /** The content asked for (null: deletion), when the case is well-formed. */
  readonly wanted: Buffer | null | undefined;
}

export const SYSCTL_D = '/etc/sysctl.d';
export const SYSCTL_CONF = '/etc/sysctl.conf';
export const V4 = 'net.ipv4.ip_nonlocal_bind';
export const V6 = 'net.ipv6.ip_nonlocal_bind';

/** Names in /etc/sysctl.d the cases pick from: existing, absent, one a vendor file has. */
export const NAMES = [
  '10-foreign.conf',
  '90-nonlocal-bind.conf',
  '95-only-ours.conf',
  '70-new.conf',
  '50-vendor.conf',
];

/** Lines that must never get in: foreign keys, include-like lines, splits, look-alikes. */
const FOREIGN_LINES = [
  'kernel.modprobe = /tmp/evil',
  'kernel.core_pattern = |/tmp/evil %p',
  'kernel.core_pattern=|/bin/sh -c id',
  '-kernel.modprobe=/tmp/evil',
  'include /etc/evil.conf',
  '.include /etc/evil.conf',
  '@/etc/evil.conf',
  'net.ipv4.ip_forward = 1',
  'net.ipv4.conf.all.rp_filter = 0',
  `${V4} = 1\rkernel.modprobe = /tmp/evil`,
  `${V4} = 1\0kernel.modprobe = /tmp/evil`,
  `${V4} = 1 kernel.modprobe=/tmp/evil`,
  `${V4}\rkernel.modprobe = /tmp/evil`,
  'net.ipv*.ip_nonlocal_bind = 1',
  'net.ipv4.ip_nonlocal_bind_x = 1',
  'net.ipv4.ip_nonlocal_bindd = 1',
  'net.ipv4..ip_nonlocal_bind = 1',
  'net.ipv4.ip_nonlocal_bind',
  'xnet.ipv4.ip_nonlocal_bind = 1',
  '# a comment',
  '; a comment',
  '',
  '   ',
  'kernel.modprobe\t=\t/tmp/evil',
  '\u00a0kernel.modprobe = /tmp/evil',
  'kernel.yama.ptrace_scope = 0',
  'fs.protected_symlinks = 0',
];

/** Setting lines the rule lets in: any spelling the engines read, values 0 to 255. */
const OUR_LINES = [
  `${V4} = 1`,
  `${V6}=0`,
  'net/ipv4/ip_nonlocal_bind = 1',
  `-${V6} = 255`,
  `\t${V4}\t=\t7\r`,
  `  - ${V4} =  0  `,
];

/** Values outside the kernel's range or form. */
const BAD_VALUES = ['256', '300', '-1', '01', '1.0', '0x1', '1 1', '', '1e2', '99999999999'];

const HOSTILE_NAMES = [
  '../sysctl.conf',
  '../../etc/shadow',
  'a/b.conf',
  '.hidden.conf',
  '-x.conf',
  'x.conf.bak',
  'sysctl.conf',
  'x y.conf',
  'ä.conf',
  `${'a'.repeat(201)}.conf`,
  '*.conf',
  '$(id).conf',
  '',
  '.conf',
];

export type Rng = () => number;

/** mulberry32: small, seeded, the same cases for the same seed on every machine. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

const sha = (b: Buffer | null) =>
  b === null ? 'absent' : createHash('sha256').update(b).digest('hex');
const b64 = (b: Buffer) => (b.length === 0 ? '=' : b.toString('base64'));
const text = (b: Buffer | null) => (b === null ? null : b.toString('latin1'));
const bytes = (t: string) => Buffer.from(t, 'latin1');

function lines(t: string): string[] {
  return t.split('\n');
}

/** Inserts `line` before line `at` of `t` (at the end when past it). */
function insertLine(t: string, at: number, line: string): string {
  const ls = lines(t);
  ls.splice(Math.min(at, ls.length), 0, line);
  return ls.join('\n');
}

/** A legitimate edit of the two settings, as the app's own editor makes it. */
function legitimate(rng: Rng, old: string | null): string | null {
  const values = new Map<string, '0' | '1'>();
  if (rng() < 0.8) values.set(V4, rng() < 0.5 ? '0' : '1');
  if (rng() < 0.6 || values.size === 0) values.set(V6, rng() < 0.5 ? '0' : '1');
  try {
    if (old !== null && rng() < 0.3) return removeKeysFromText(old, [...values.keys()]).text;
    return setKeysInText(old, values);
  } catch {
    // The editor refuses some files; the case then asks for the old text unchanged.
    return old;
  }
}

function writeArgs(
  rng: Rng,
  op: 'write' | 'write-conf',
  name: string,
  old: Buffer | null,
  content: Buffer,
) {
  const values = [V4, V6].flatMap((key) => {
    const v = pick(rng, ['0', '1', '-']);
    return v === '-' ? [] : [`${key}=${v}`];
  });
  return ['v2', ...values, '--', op, op === 'write' ? name : '-', sha(old), b64(content)];
}

/** One case against `files`; most are an attack of one kind, some are legitimate. */
export function nextCase(rng: Rng, files: Files): FuzzCase {
  const conf = rng() < 0.25;
  const name = pick(rng, NAMES);
  const target = conf ? SYSCTL_CONF : `${SYSCTL_D}/${name}`;
  const oldBytes = files.get(target) ?? null;
  const old = text(oldBytes);
  const op = conf ? 'write-conf' : 'write';
  const base = legitimate(rng, old) ?? '';
  const as = (kind: string, content: string): FuzzCase => ({
    kind,
    args: writeArgs(rng, op, name, oldBytes, bytes(content)),
    target,
    wanted: bytes(content),
  });
  const roll = rng();
  if (roll < 0.22) return as('legitimate', base);
  if (roll < 0.3) {
    const at = Math.floor(rng() * (lines(base).length + 1));
    return as('our-line-added', insertLine(base, at, pick(rng, OUR_LINES)));
  }
  if (roll < 0.45) {
    const at = Math.floor(rng() * (lines(base).length + 1));
    const line = pick(rng, FOREIGN_LINES);
    // An empty "line" after a last line without a line break only adds that line break: the
    // step lets a file's last line gain one (nothing reads it differently), so it is its own kind.
    const breakOnly = line === '' && at >= lines(base).length && !base.endsWith('\n');
    return as(breakOnly ? 'final-line-break' : 'foreign-line-added', insertLine(base, at, line));
  }
  if (roll < 0.52) {
    const ls = lines(base);
    ls.splice(Math.floor(rng() * ls.length), 1);
    return as('line-removed', ls.join('\n'));
  }
  if (roll < 0.6) {
    const b = bytes(base);
    if (b.length > 0) b[Math.floor(rng() * b.length)] = Math.floor(rng() * 256);
    return as('byte-flipped', b.toString('latin1'));
  }
  if (roll < 0.66) {
    const line = `${pick(rng, [V4, V6])} = ${pick(rng, BAD_VALUES)}`;
    return as('value-out-of-range', insertLine(base, lines(base).length, line));
  }
  if (roll < 0.7) return as('header-and-foreign', `${FILE_HEADER}${pick(rng, FOREIGN_LINES)}\n`);
  if (roll < 0.74) return as('replaced-whole', pick(rng, FOREIGN_LINES) + '\n' + `${V4} = 1\n`);
  if (roll < 0.8 && !conf) {
    return {
      kind: 'delete',
      args: ['v2', '--', 'delete', name, sha(oldBytes), '-'],
      target,
      wanted: null,
    };
  }
  if (roll < 0.84) {
    const big = `${V4} = 1\n`.repeat(Math.floor(65536 / 24) + 1 + Math.floor(rng() * 100));
    return as('too-large', big);
  }
  return malformed(rng, files);
}

/** Broken or hostile argument vectors: the step must refuse each and change nothing. */
function malformed(rng: Rng, files: Files): FuzzCase {
  const name = pick(rng, [...HOSTILE_NAMES, ...NAMES]);
  const old = files.get(`${SYSCTL_D}/${name}`) ?? null;
  const content = b64(bytes(`${V4} = 1\n`));
  const variants: (() => string[])[] = [
    () => [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      'write',
      name,
      sha(old),
      content,
    ],
    () => [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      'write',
      pick(rng, NAMES),
      sha(old),
      `${content} `,
    ],
    () => [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      'write',
      pick(rng, NAMES),
      'absent',
      'not base64!',
    ],
    () => [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      'write',
      pick(rng, NAMES),
      'f'.repeat(64),
      content,
    ],
    () => [
      'v2',
      `${V4}=${pick(rng, ['2', '255', '', '01', '-1', '1 ', '1=1'])}`,
      '--',
      'none',
      '-',
      'absent',
      '-',
    ],
    () => [
      'v2',
      `${pick(rng, ['kernel.modprobe', 'net.ipv4.ip_forward', `${V4}x`, V4.toUpperCase()])}=1`,
      '--',
      'none',
      '-',
      'absent',
      '-',
    ],
    () => ['v2', `${V4}=1`, `${V4}=0`, '--', 'none', '-', 'absent', '-'],
    () => ['v1', '1', '-', 'none', '-', 'absent', '-'],
    () => ['v2', '1', '1', 'write', pick(rng, NAMES), 'absent', content],
    () => [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      pick(rng, ['append', 'rename', 'chmod', 'write ', '']),
      name,
      'absent',
      content,
    ],
    () => [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      'write',
      pick(rng, NAMES),
      'absent',
    ],
    () => [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      'write',
      pick(rng, NAMES),
      'absent',
      content,
      'extra',
    ],
    () => ['recover', 'extra'],
    () => [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      'delete',
      name,
      sha(old),
      '-',
    ],
    () => ['v2', '--', 'write-conf', '../etc/shadow', sha(files.get(SYSCTL_CONF) ?? null), content],
  ];
  // Some variants are well-formed after all: their file is the target the oracle judges.
  const args = pick(rng, variants)();
  const op = args.indexOf('--');
  const named = op < 0 ? '' : (args[op + 2] ?? '');
  const target =
    op >= 0 && args[op + 1] === 'write-conf'
      ? SYSCTL_CONF
      : validateFileName(named).ok
        ? `${SYSCTL_D}/${named}`
        : null;
  return { kind: 'malformed', args, target, wanted: undefined };
}
