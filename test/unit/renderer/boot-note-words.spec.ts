import { test, expect } from '@playwright/test';
import type { BootNote, KernelRefusal, UnpredictableCode } from '../../../electron/contract';
import { noteInEnglish } from '../../../electron/system/engines/boot-note-english';
import { bootNoteWords } from '../../../renderer/src/words/boot-note-words';
import { withoutBackticks } from '../../../renderer/src/components/inline-code';
import { kernelRefusalWords } from '../../../renderer/src/words/kernel-refusal-words';

/*
 * The backend sends boot notes and kernel refusals as codes; the window words them. In
 * English the window must say exactly what the diagnostics report says (and said before).
 */

const WHY: readonly UnpredictableCode[] = [
  'directory-unlisted',
  'too-many-files',
  'too-large',
  'not-readable',
  'device',
  'locale-dependent-glob',
  'pattern-through-parent',
];

const NOTES: readonly BootNote[] = [
  { code: 'credential-passed-in', path: '/run/credentials/@system/sysctl.extra' },
  { code: 'run-emptied', path: '/run/sysctl.d/60-vip.conf' },
  { code: 'collation', paths: ['/etc/sysctl.d/a.conf', '/etc/sysctl.d/B.conf'] },
  { code: 'hidden', engine: 'systemd', path: '/etc/sysctl.d/.x.conf' },
  { code: 'hidden', engine: 'procps', path: '/etc/sysctl.d/.x.conf' },
  { code: 'systemd-stops', path: '/etc/sysctl.d/a.conf', line: 2 },
  { code: 'negation', path: '/etc/sysctl.d/95-x.conf', line: 3 },
  { code: 'fifo', engine: 'systemd', path: '/etc/sysctl.d/p.conf' },
  { code: 'fifo', engine: 'procps', path: '/etc/sysctl.d/p.conf' },
  { code: 'pattern-through-parent', path: '/etc/sysctl.d/g.conf', line: 4 },
  ...WHY.flatMap((why) =>
    (['systemd', 'procps'] as const).map((engine): BootNote => ({
      code: 'cannot-predict',
      engine,
      path: '/etc/sysctl.d',
      why,
    })),
  ),
];

test('every boot note is worded in the window exactly as the diagnostics report words it', () => {
  // The window draws the commands between backticks as code; the words are otherwise the same.
  for (const note of NOTES) expect(withoutBackticks(bootNoteWords(note))).toBe(noteInEnglish(note));
});

test('a boot note quotes every engine and command name as code, in pairs', () => {
  for (const note of NOTES) {
    const words = bootNoteWords(note);
    expect(words.split('`').length % 2, words).toBe(1);
    for (const name of ['systemd-sysctl', 'sysctl --system', 'C.UTF-8'])
      expect(
        words
          .split('`')
          .filter((_, i) => i % 2 === 0)
          .join(' '),
        words,
      ).not.toContain(name);
  }
});

test('every reason the kernel refuses a value has words, as before the codes', () => {
  const refusals: readonly [KernelRefusal, string][] = [
    [{ code: 'empty' }, 'it is empty'],
    [{ code: 'not-a-number' }, 'it is not a number'],
    [{ code: 'too-large' }, 'the number is too large'],
    [{ code: 'too-long' }, 'the number is too long'],
    [{ code: 'trailing', character: '\\f' }, '"\\f" follows the number'],
    [{ code: 'negative' }, 'it is negative'],
    [{ code: 'out-of-range', min: 0, max: 1 }, 'it is outside 0–1'],
  ];
  for (const [refusal, words] of refusals) expect(kernelRefusalWords(refusal)).toBe(words);
});
