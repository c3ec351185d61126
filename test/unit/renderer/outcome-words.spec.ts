import { test, expect } from '@playwright/test';
import type { ChangeReport, NodeOutcome, RecoveryReport } from '../../../electron/contract';
import {
  changeReportWords,
  recoveryWords,
  settingNames,
} from '../../../renderer/src/words/outcome-words';
import { nodeOutcomeWords } from '../../../renderer/src/words/pair-outcome-words';

const names = settingNames([
  { id: 'ipv4', family: 'IPv4' },
  { id: 'ipv6', family: 'IPv6' },
]);
const FILE = '/etc/sysctl.d/90-nonlocal-bind.conf';
const KEY4 = 'net.ipv4.ip_nonlocal_bind';
const KEY6 = 'net.ipv6.ip_nonlocal_bind';

const report = (part: Partial<ChangeReport>): ChangeReport => ({
  recovery: null,
  settings: [],
  file: null,
  ...part,
});

test('every kind of change has the words the Apply bar has always shown', () => {
  const cases: [ChangeReport, string][] = [
    [report({}), 'Nothing needed changing: the system already had these values.'],
    [
      report({
        settings: [{ id: 'ipv4', kind: 'now', value: 1 }],
        file: { path: FILE, op: 'written', removed: [] },
      }),
      `IPv4 non-local bind is now on; ${FILE} was written.`,
    ],
    [
      report({
        settings: [{ id: 'ipv4', kind: 'still', value: 1 }],
        file: { path: FILE, op: 'written', removed: [{ key: KEY4, lines: 1 }] },
      }),
      `IPv4 non-local bind is still on; the ${KEY4} line was removed from ${FILE}.`,
    ],
    [
      report({ file: { path: FILE, op: 'written', removed: [{ key: KEY4, lines: 2 }] } }),
      `The 2 ${KEY4} lines were removed from ${FILE}.`,
    ],
    [
      report({
        settings: [
          { id: 'ipv4', kind: 'still', value: 1 },
          { id: 'ipv6', kind: 'now', value: 0 },
        ],
        file: {
          path: FILE,
          op: 'deleted',
          removed: [
            { key: KEY4, lines: 1 },
            { key: KEY6, lines: 1 },
          ],
        },
      }),
      `IPv4 non-local bind is still on; IPv6 non-local bind is now off; the ${KEY4} and ${KEY6} lines were removed from ${FILE}, which set nothing else and was deleted.`,
    ],
    [report({ file: { path: FILE, op: 'deleted', removed: [] } }), `${FILE} was removed.`],
  ];
  for (const [data, words] of cases) expect(changeReportWords(data, names)).toBe(words);
});

test('every recovery outcome, with and without a file, has its words; none has none', () => {
  const values = { ipv4: 1, ipv6: 0 } as const;
  const recovery = (outcome: RecoveryReport['outcome'], file: string | null): RecoveryReport => ({
    outcome,
    values,
    file,
  });
  expect(recoveryWords(recovery('none', null), names)).toBeNull();
  expect(recoveryWords(recovery('completed', null), names)).toBe(
    'An earlier Apply of runtime values had been interrupted; it was completed first: IPv4 is on and IPv6 is off.',
  );
  expect(recoveryWords(recovery('rolled-back', null), names)).toBe(
    'An earlier Apply of runtime values had been interrupted; it was rolled back first: IPv4 is on and IPv6 is off as before it.',
  );
  expect(recoveryWords(recovery('completed', FILE), names)).toBe(
    `An earlier Apply had been interrupted after ${FILE} was written; it was completed first: IPv4 is on and IPv6 is off, and ${FILE} holds its new content.`,
  );
  expect(recoveryWords(recovery('rolled-back', FILE), names)).toBe(
    `An earlier Apply had been interrupted before ${FILE} was replaced; it was rolled back first: IPv4 is on and IPv6 is off as before it, and ${FILE} is unchanged.`,
  );
  expect(
    changeReportWords(
      report({ recovery: { outcome: 'rolled-back', values: { ipv4: null, ipv6: 0 }, file: null } }),
      names,
    ),
  ).toBe(
    'An earlier Apply of runtime values had been interrupted; it was rolled back first: IPv4 is unavailable and IPv6 is off as before it. Nothing needed changing: the system already had these values.',
  );
});

test('every outcome of "Make all alike" on a machine has words, without the machine’s name', () => {
  const recovered: RecoveryReport = { outcome: 'none', values: { ipv4: 1, ipv6: 1 }, file: null };
  const details: NodeOutcome['detail'][] = [
    {
      kind: 'left-out',
      error: { code: 'unknown-node', data: { from: 'machine', code: 'unknown-node', name: 'n1' } },
    },
    { kind: 'alike' },
    { kind: 'applied-here', report: report({ settings: [{ id: 'ipv4', kind: 'now', value: 1 }] }) },
    {
      kind: 'applied-there',
      waited: true,
      changes: [{ when: 'now', id: 'ipv4', from: 0, to: 1 }],
    },
    {
      kind: 'failed',
      error: {
        code: 'auth-refused',
        data: { from: 'elevation', code: 'auth-refused' },
      },
    },
    {
      kind: 'failed',
      error: {
        code: 'not-installed',
        data: { from: 'node', code: 'not-installed', node: 'n1' },
      },
    },
    { kind: 'dropped', waiting: false, recovery: null },
    { kind: 'dropped', waiting: true, recovery: recovered },
    { kind: 'crashed' },
  ];
  const words = details.map((detail) =>
    nodeOutcomeWords({ id: 'n1', name: 'n1', status: 'failed', detail }, names),
  );
  for (const w of words) {
    expect(w.length).toBeGreaterThan(10);
    expect(w.startsWith('n1:')).toBe(false);
  }
  expect(words[1]).toBe('already alike: nothing to do.');
  expect(words[2]).toBe('IPv4 non-local bind is now on.');
  expect(words[3]).toBe(
    'applied (after waiting for another Apply on the node to finish). IPv4 non-local bind: off → on now.',
  );
  expect(words[4]).toMatch(/^Authentication was refused or cancelled/);
  expect(words[5]).toBe('sudo is not installed on the node (apt install sudo).');
  expect(words[7]).toBe(
    'the connection dropped while the step was waiting for another Apply on the node to finish. Reconnected: The step was not left half-way: the node now has IPv4 on and IPv6 on.',
  );
});
