import { test, expect } from '@playwright/test';
import { conflictWords } from '../../../renderer/src/words/conflict-words';
import { findBootConflicts } from '../../../electron/system/boot-conflicts';
import type { SysctlSources } from '../../../electron/system/engines/file-order';
import type { StepPlan } from '../../../electron/system/privileged-step';

const V4 = 'net.ipv4.ip_nonlocal_bind';

function sources(lib: Record<string, string>): SysctlSources {
  return {
    directories: [
      {
        dir: '/usr/lib/sysctl.d',
        entries: Object.entries(lib).map(([name, text]) => ({
          name,
          kind: 'file' as const,
          content: Buffer.from(text),
          linkTarget: null,
        })),
      },
    ],
    sysctlConf: null,
    problems: [],
  };
}

const plan: StepPlan = {
  values: { ipv4: '1' },
  file: { op: 'write', name: '60-vip.conf', expectedSha256: null, content: `${V4} = 1\n` },
};

test('a later file that sets 0 wins under both engines: use a later name', () => {
  const conflicts = findBootConflicts(sources({ '99-zz.conf': `${V4} = 0\n` }), plan, null);
  expect(conflicts.map((c) => c.engine)).toEqual(['systemd', 'procps']);
  expect(conflicts[0] && conflictWords(conflicts[0])).toContain(
    '/usr/lib/sysctl.d/99-zz.conf line 1 sets',
  );
  expect(conflicts[0]?.suggestedFileName).toBe('zz-nonlocal-bind.conf');
});

test('a later "-key" line with no "=" leaves the key unset under systemd only', () => {
  const conflicts = findBootConflicts(sources({ '99-zz.conf': `-${V4}\n` }), plan, null);
  expect(conflicts.map((c) => c.engine)).toEqual(['systemd']);
  expect(conflicts[0] && conflictWords(conflicts[0])).toContain(
    '("-" and no "=") leaves net.ipv4.ip_nonlocal_bind unset',
  );
});

test('a later value the kernel rejects: systemd writes only that one, procps keeps ours', () => {
  const conflicts = findBootConflicts(sources({ '99-zz.conf': `${V4} = yes\n` }), plan, null);
  expect(conflicts.map((c) => c.engine)).toEqual(['systemd']);
  expect(conflicts[0] && conflictWords(conflicts[0])).toContain(
    'writes "yes", which the kernel rejects',
  );
});

test('a later line with the same value is no conflict, and neither is an earlier one', () => {
  expect(findBootConflicts(sources({ '99-zz.conf': `${V4} = 0x1\n` }), plan, null)).toEqual([]);
  expect(findBootConflicts(sources({ '10-early.conf': `${V4} = 0\n` }), plan, null)).toEqual([]);
});
