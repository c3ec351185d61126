import { expect, test } from '@playwright/test';
import {
  mapElevationFailure,
  mapStepExit,
  SUDO_PROMPT_MESSAGES,
} from '../../../electron/system/elevation-errors';
import { STEP_EXIT } from '../../../electron/system/privileged-script';
import { refusedContent } from '../../../electron/system/step-content-words';
import { changedSinceRead, NOTHING_TO_APPLY } from '../../../electron/system/change/plan-parts';
import { errorWords } from '../../../renderer/src/error-words';

test('every failing step exit is worded by the renderer exactly as the backend message says', () => {
  const failing = Object.values(STEP_EXIT).filter((exit) => exit !== STEP_EXIT.ok);
  // 255 is no named exit: it falls to the generic step failure.
  for (const exit of [...failing, 255]) {
    const error = mapStepExit(exit, 'stderr text');
    expect(error, `exit ${exit}`).not.toBeNull();
    if (error === null) continue;
    expect(error.data, `exit ${exit}`).toEqual({ from: 'step-exit', code: error.code });
    expect(errorWords(error), `exit ${exit}`).toBe(error.message);
  }
});

test('every failure to elevate is worded by the renderer exactly as the backend message says', () => {
  // The last one is no message sudo-prompt knows: it falls to the generic elevation failure.
  const messages = [...Object.values(SUDO_PROMPT_MESSAGES), 'spawn pkexec EACCES'];
  for (const message of messages) {
    const error = mapElevationFailure(message, 'stderr text', []);
    expect(error.data, message).toEqual({ from: 'elevation', code: error.code });
    expect(errorWords(error), message).toBe(error.message);
  }
});

test('every content refusal is worded by the renderer exactly as the backend message says', () => {
  const path = '/etc/sysctl.d/99-test.conf';
  const cases: [string | null, string | null][] = [
    ['net.ipv4.ip_nonlocal_bind = 0\nvm.swappiness = 10\n', 'net.ipv4.ip_nonlocal_bind = 1\n'],
    ['net.ipv4.ip_nonlocal_bind = 0\n', 'net.ipv4.ip_nonlocal_bind = 256\n'],
    [null, `net.ipv4.ip_nonlocal_bind = 1\n${'# padding\n'.repeat(500)}`],
    ['net.ipv4.ip_nonlocal_bind = 0\nvm.swappiness = 10\n', null],
  ];
  const refusals = new Set<string>();
  for (const [oldText, newText] of cases) {
    const error = refusedContent(path, oldText, newText);
    expect(error).not.toBeNull();
    if (error === null) continue;
    expect(error.data?.from).toBe('step-content');
    if (error.data?.from === 'step-content') refusals.add(error.data.refusal);
    expect(errorWords(error)).toBe(error.message);
  }
  expect(refusals.size).toBe(cases.length);
});

test('the planner refusals are worded by the renderer exactly as the backend message says', () => {
  const changed = changedSinceRead('/etc/sysctl.d/99-test.conf', 'a\n', 'b\n');
  expect(changed?.data).toEqual({
    from: 'plan',
    code: 'file-changed',
    path: '/etc/sysctl.d/99-test.conf',
  });
  for (const error of [changed, NOTHING_TO_APPLY]) {
    if (error === null) throw new Error('expected a refusal');
    expect(errorWords(error)).toBe(error.message);
  }
});

test('nothing to remove is worded for a missing file and for a file without the keys', () => {
  const path = '/etc/sysctl.d/99-test.conf';
  const word = (keys: readonly string[]) =>
    errorWords({
      code: 'nothing-to-remove',
      message: '',
      data: { from: 'plan', code: 'nothing-to-remove', path, keys },
    });
  expect(word([])).toBe(`${path} does not exist, so there is nothing to stop persisting.`);
  expect(word(['net.ipv4.ip_nonlocal_bind', 'net.ipv6.ip_nonlocal_bind'])).toBe(
    `${path} does not set net.ipv4.ip_nonlocal_bind or net.ipv6.ip_nonlocal_bind.`,
  );
});

test('an error without data keeps the backend message', () => {
  expect(errorWords({ code: 'file-changed', message: 'The file changed while planning.' })).toBe(
    'The file changed while planning.',
  );
});
