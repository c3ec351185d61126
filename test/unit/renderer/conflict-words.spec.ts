import { test, expect } from '@playwright/test';
import type { BootConflict, ConflictCause, ConflictFix } from '../../../electron/contract';
import { conflictFixWords, conflictWords } from '../../../renderer/src/words/conflict-words';

const conflict = (
  cause: ConflictCause,
  engine: BootConflict['engine'] = 'systemd',
): BootConflict => ({
  id: 'ipv4',
  engine,
  key: 'net.ipv4.ip_nonlocal_bind',
  wanted: '1',
  target: '/etc/sysctl.d/90-nonlocal-bind.conf',
  cause,
  suggestedFileName: null,
  fix: { kind: 'sysctl-conf' },
});

test('every cause of a value that would not stick is worded, per engine', () => {
  const causes: ConflictCause[] = [
    { kind: 'later-value', path: '/usr/lib/sysctl.d/99-zz.conf', line: 1, value: '0' },
    {
      kind: 'rejected',
      path: '/etc/sysctl.conf',
      line: 3,
      value: 'yes',
      reason: 'it is not a number',
      refusal: { code: 'not-a-number' },
    },
    { kind: 'cancelled', path: '/etc/sysctl.d/95-x.conf', line: 2 },
    { kind: 'note', note: null, noteData: null },
  ];
  const words = causes.map((c) => conflictWords(conflict(c)));
  expect(words[0]).toBe(
    'At boot (systemd-sysctl), /usr/lib/sysctl.d/99-zz.conf line 1 sets net.ipv4.ip_nonlocal_bind to 0 after /etc/sysctl.d/90-nonlocal-bind.conf, so your value 1 would not stick.',
  );
  expect(words[1]).toContain('writes "yes", which the kernel rejects (it is not a number)');
  expect(words[2]).toContain('("-" and no "=") leaves net.ipv4.ip_nonlocal_bind unset');
  expect(words[3]).toContain('does not end up setting net.ipv4.ip_nonlocal_bind');
  expect(conflictWords(conflict(causes[3] as ConflictCause, 'procps'))).toMatch(
    /^With `sysctl --system` \(procps\), /,
  );
});

test('every way out of a boot conflict is worded', () => {
  const fixes: ConflictFix[] = [
    { kind: 'sysctl-conf' },
    { kind: 'edit-file', path: '/etc/sysctl.d/60-ha.conf' },
    { kind: 'later-file', name: '99-zz-nonlocal-bind.conf', after: '/etc/sysctl.d/99-zz.conf' },
    { kind: 'later-file', name: '99-zz-nonlocal-bind.conf', after: null },
  ];
  const words = fixes.map(conflictFixWords);
  expect(new Set(words).size).toBe(fixes.length);
  expect(words[0]).toMatch(/^Write it into \/etc\/sysctl.conf instead/);
  expect(words[1]).toMatch(/^Write it into \/etc\/sysctl.d\/60-ha.conf instead/);
  expect(words[2]).toContain('which sorts after /etc/sysctl.d/99-zz.conf');
  expect(words[3]).toContain('sorts after every other file');
});
