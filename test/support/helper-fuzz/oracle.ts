import { bytesToText } from '../../../electron/system/engines/byte-text';
import { procpsPath, systemdNormalize } from '../../../electron/system/engines/key-path';
import type { Statement } from '../../../electron/system/engines/statement';
import { tokenizeSysctl } from '../../../electron/system/engines/tokenize';
import { checkContentChange } from '../../../electron/system/step-content-rule';

/**
 * Whether a change the step accepted stays within the two settings, judged independently of
 * the step's own grep rule: as both engines read the file (the project's engine model), the
 * statements of every other key, and where systemd stops reading, must be the same before
 * and after; and byte for byte by the TypeScript copy of the rule.
 */

const OURS_SYSTEMD = new Set(['net/ipv4/ip_nonlocal_bind', 'net/ipv6/ip_nonlocal_bind']);
const OURS_PROCPS = new Set([
  '/proc/sys/net/ipv4/ip_nonlocal_bind',
  '/proc/sys/net/ipv6/ip_nonlocal_bind',
]);
const IN_RANGE = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/;

function describe(statements: readonly Statement[], ours: (key: string) => boolean) {
  const foreign: string[] = [];
  const values: string[] = [];
  for (const s of statements) {
    if (ours(s.key)) values.push(s.value ?? '(negation)');
    else
      foreign.push(
        `${s.kind} ${JSON.stringify(s.key)} ${JSON.stringify(s.value)} ${s.ignoreFailure}`,
      );
  }
  return { foreign, values };
}

function reading(content: Buffer | null) {
  const t = tokenizeSysctl(bytesToText(content ?? Buffer.alloc(0)));
  return {
    systemd: describe(t.systemd, (k) => OURS_SYSTEMD.has(systemdNormalize(k))),
    // procps keeps the blanks of "- key" in the key: a path that does not exist, so such a
    // line sets no other key either (the step's rule lets one be taken away, never added).
    procps: describe(t.procps, (k) => OURS_PROCPS.has(procpsPath(k.trimStart()))),
    stop: t.systemdStop?.line ?? null,
  };
}

/** Why an accepted change of `before` into `after` (null: no file) is more than the two settings; null when it is not. */
export function violation(before: Buffer | null, after: Buffer | null): string | null {
  const a = reading(before);
  const b = reading(after);
  for (const engine of ['systemd', 'procps'] as const) {
    if (JSON.stringify(a[engine].foreign) !== JSON.stringify(b[engine].foreign)) {
      return `${engine} reads other keys differently: ${JSON.stringify(a[engine].foreign)} -> ${JSON.stringify(b[engine].foreign)}`;
    }
    const had = new Set(a[engine].values);
    const bad = b[engine].values.find((v) => !IN_RANGE.test(v) && !had.has(v));
    if (bad !== undefined) return `${engine} reads a new out-of-range value ${JSON.stringify(bad)}`;
  }
  if (a.stop !== b.stop && b.stop !== null) return `systemd now stops reading at line ${b.stop}`;
  if (after !== null && before === null && b.systemd.foreign.length > 0)
    return 'a new file with other keys';
  const rule = checkContentChange(
    before === null ? null : before.toString('latin1'),
    after === null ? null : after.toString('latin1'),
  );
  return rule.ok
    ? null
    : `the TypeScript rule refuses it (${rule.error.code}, line ${rule.error.line})`;
}
