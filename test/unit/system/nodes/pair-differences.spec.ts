import { expect, test } from '@playwright/test';
import { findDifferences, type PairNode } from '../../../../electron/system/nodes/pair-differences';
import { pairDifferenceWords } from '../../../../renderer/src/words/pair-difference-words';

/** The differences as the pair view words them. */
const describeDifferences = (reference: PairNode, others: readonly PairNode[]) =>
  findDifferences(reference, others).map(pairDifferenceWords);
import { predictFromSnapshot } from '../../../../electron/system/nodes/predict-from-snapshot';
import type { SysctlSnapshot } from '../../../../electron/system/sysctl-snapshot';

function snapshot(now4: 0 | 1, file: string | null): SysctlSnapshot {
  return {
    kernel: '6.1.0',
    runtime: { ipv4: { kind: 'value', value: now4 }, ipv6: { kind: 'value', value: 0 } },
    directories: [
      {
        dir: '/etc/sysctl.d',
        entries: file
          ? [{ name: '60-vip.conf', kind: 'file', content: Buffer.from(file), linkTarget: null }]
          : [],
      },
      {
        dir: '/usr/lib/sysctl.d',
        entries: [{ name: '50-default.conf', kind: 'masked', linkTarget: '/dev/null' }],
      },
    ],
    sysctlConf: {
      name: 'sysctl.conf',
      kind: 'file',
      content: Buffer.from('net.ipv4.ip_nonlocal_bind=0\n'),
      linkTarget: null,
    },
    problems: [],
  };
}

test('the prediction adapter reads a snapshot with the same precedence as this computer', () => {
  const p = predictFromSnapshot(snapshot(1, 'net.ipv4.ip_nonlocal_bind = 1\n'));
  const v4 = p.boot.settings.find((s) => s.id === 'ipv4');
  expect(v4?.systemd.winner).toEqual({ path: '/etc/sysctl.d/60-vip.conf', line: 1 });
  // procps reads /etc/sysctl.conf last, so it wins there.
  expect(v4?.procps.winner).toEqual({ path: '/etc/sysctl.conf', line: 1 });
  expect(v4?.enginesDisagree).toBe(true);
});

test('differences are said in words, per node, per engine', () => {
  const lb1 = {
    name: 'lb-1',
    prediction: predictFromSnapshot(snapshot(1, 'net.ipv4.ip_nonlocal_bind = 1\n')),
  };
  const lb2 = { name: 'lb-2', prediction: predictFromSnapshot(snapshot(1, null)) };
  expect(describeDifferences(lb1, [lb2])).toEqual([
    'lb-2 will lose IPv4 non-local bind at the next boot (systemd-sysctl).',
  ]);
  const lb3 = { name: 'lb-3', prediction: predictFromSnapshot(snapshot(0, null)) };
  expect(describeDifferences(lb1, [lb3])).toEqual([
    'lb-3 has IPv4 non-local bind off now; lb-1 has it on.',
    'lb-3 will not have IPv4 non-local bind at boot (systemd-sysctl); lb-1 will.',
  ]);
  expect(describeDifferences(lb1, [lb1])).toEqual([]);
  // Where both engines differ the same way, one sentence without engine names.
  const none = {
    name: 'lb-4',
    prediction: predictFromSnapshot({ ...snapshot(0, null), sysctlConf: null }),
  };
  const both = {
    name: 'lb-1',
    prediction: predictFromSnapshot({
      ...snapshot(1, 'net.ipv4.ip_nonlocal_bind = 1\n'),
      sysctlConf: null,
    }),
  };
  expect(describeDifferences(both, [none])).toEqual([
    'lb-4 has IPv4 non-local bind off now; lb-1 has it on.',
    'lb-4 will not have IPv4 non-local bind at boot; lb-1 will.',
  ]);
});
