import { expect, test } from '@playwright/test';
import type { NodeReading, PairDifference, UnavailableReason } from '../../../electron/contract';
import { DEMO_SCENARIOS } from '../../../electron/demo/scenarios';
import { columnHeading, nowWord } from '../../../renderer/src/components/nodes/node-words';
import { demoScenarioWords } from '../../../renderer/src/words/demo-words';
import { pairDifferenceWords } from '../../../renderer/src/words/pair-difference-words';

/**
 * Words the renderer makes from data the backend used to send as English sentences: the demo
 * banner's scenario, this computer's column heading, a difference against this computer, and
 * a setting a machine does not have. In English they read as the backend's words did.
 */

test('every demo scenario is worded by its id, in English exactly as the backend summary', () => {
  for (const scenario of DEMO_SCENARIOS) {
    expect(demoScenarioWords(scenario.name), scenario.name).toBe(scenario.summary);
  }
});

test('this computer’s column heading is words around its host name; a node’s is its name', () => {
  // The backend's English name is not what the heading shows: the words come from the host.
  expect(columnHeading({ kind: 'local', name: 'backend words', host: 'lb-1' })).toBe(
    'This computer (lb-1)',
  );
  expect(columnHeading({ kind: 'ssh', name: 'admin@lb-2' })).toBe('admin@lb-2');
});

test('a difference against this computer names it in words, a node by its name', () => {
  const now: PairDifference = {
    kind: 'now',
    node: 'lb-2',
    reference: 'ignored when local',
    referenceIsLocal: true,
    family: 'IPv4',
    value: 1,
  };
  expect(pairDifferenceWords(now)).toBe(
    'lb-2 has IPv4 non-local bind on now; this computer has it off.',
  );
  expect(pairDifferenceWords({ ...now, reference: 'lb-3', referenceIsLocal: false })).toBe(
    'lb-2 has IPv4 non-local bind on now; lb-3 has it off.',
  );
});

test('a setting a machine does not have is worded by its reason, not the backend’s detail', () => {
  const reading = (reason: UnavailableReason, detail: string): NodeReading =>
    ({
      settings: [{ id: 'ipv6', runtime: { kind: 'unavailable', reason, detail } }],
    }) as unknown as NodeReading;
  const english = 'an English sentence from the backend';
  const reasons: readonly UnavailableReason[] = [
    'ipv6-absent',
    'key-missing',
    'permission-denied',
    'not-linux',
  ];
  const words = reasons.map((r) => nowWord(reading(r, english), 'ipv6'));
  expect(words.every((w) => w.startsWith('Unavailable (') && !w.includes(english))).toBe(true);
  expect(new Set(words).size).toBe(reasons.length);
  expect(nowWord(reading('ipv6-absent', english), 'ipv6')).toBe(
    'Unavailable (IPv6 is turned off or not built into this kernel)',
  );
  // A read error's detail is the path and the system's code: shown as it is.
  expect(nowWord(reading('read-error', '/proc/sys/x: EIO'), 'ipv6')).toBe(
    'Unavailable (/proc/sys/x: EIO)',
  );
});
