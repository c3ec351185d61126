import { expect, test } from '@playwright/test';
import {
  mapElevationFailure,
  mapStepExit,
  SUDO_PROMPT_MESSAGES,
} from '../../../electron/system/elevation-errors';
import { STEP_EXIT } from '../../../electron/system/privileged-script';
import { refusedContent } from '../../../electron/system/step-content-words';
import { changedSinceRead, NOTHING_TO_APPLY } from '../../../electron/system/change/plan-parts';
import type { ElevationFailureCode, StepExitCode } from '../../../electron/contract';
import { errorWords } from '../../../renderer/src/error-words';

/** The words each failing exit has always had (they were the backend's messages before). */
const STEP_EXIT_WORDS: Record<StepExitCode, string> = {
  'file-changed':
    'Someone else edited the file after the app read it. Nothing was changed; the app has read it again so you can review and apply once more.',
  'target-not-regular':
    'The target is a symbolic link or not a regular file, so the app will not replace it. Choose another file name.',
  'proc-read-only':
    '/proc/sys is read-only here: this looks like a container whose network settings are chosen on the host when the container is created. Nothing was changed. Set the value there with ONE of these. Docker, Podman and Kubernetes apply it only when the container or pod is created again, not when it restarts:',
  'verify-failed':
    'The new values did not read back as written, so everything was restored to how it was.',
  'rollback-failed':
    'Applying failed and restoring the previous state also failed. Check the values and the file shown below.',
  'change-outside-settings':
    'The privileged step refused the change: it would have touched more than the two ip_nonlocal_bind settings. Nothing was changed.',
  'apply-busy':
    'Another Apply on this computer held the lock for 5 minutes, so this one gave up waiting. Nothing was changed; try again when the other one has finished.',
  'step-failed': 'Applying the change failed, and the previous state was restored.',
};

const ELEVATION_WORDS: Record<ElevationFailureCode, string> = {
  'auth-refused':
    'Authentication was refused or cancelled, so nothing was changed. To try again, click Apply… and enter your own password; your account must be allowed to administer this computer (on most systems: a member of the sudo or wheel group). Otherwise ask an administrator to apply it, or to run one of the blocks under “Commands an administrator can run instead” in a terminal.',
  'no-polkit-agent':
    'No polkit authentication agent is running, so there is nobody to ask for your password (common over SSH or in a bare window manager). Nothing was changed. Run ONE of these blocks in a terminal instead, or start your desktop’s authentication agent and click Apply… again:',
  'no-pkexec':
    'pkexec is not installed, so the app cannot ask for administrator rights. Nothing was changed. Install it with ONE of these commands and click Apply… again, or run the change by hand:',
  'elevation-failed': 'Asking for administrator rights failed; nothing was changed.',
};

test('every failing step exit is worded by the renderer with the words it has always had', () => {
  const failing = Object.values(STEP_EXIT).filter((exit) => exit !== STEP_EXIT.ok);
  // 255 is no named exit: it falls to the generic step failure.
  for (const exit of [...failing, 255]) {
    const error = mapStepExit(exit, 'stderr text');
    expect(error, `exit ${exit}`).not.toBeNull();
    if (error === null) continue;
    expect(error.data, `exit ${exit}`).toEqual({ from: 'step-exit', code: error.code });
    expect(errorWords(error), `exit ${exit}`).toBe(
      error.data?.from === 'step-exit' ? STEP_EXIT_WORDS[error.data.code] : null,
    );
  }
});

test('every failure to elevate is worded by the renderer with the words it has always had', () => {
  // The last one is no message sudo-prompt knows: it falls to the generic elevation failure.
  const messages = [...Object.values(SUDO_PROMPT_MESSAGES), 'spawn pkexec EACCES'];
  for (const message of messages) {
    const error = mapElevationFailure(message, 'stderr text', []);
    expect(error.data, message).toEqual({ from: 'elevation', code: error.code });
    expect(errorWords(error), message).toBe(
      error.data?.from === 'elevation' ? ELEVATION_WORDS[error.data.code] : null,
    );
  }
});

test('every content refusal is worded by the renderer with the words it has always had', () => {
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
    const refusal = error.data?.from === 'step-content' ? error.data.refusal : null;
    if (refusal === 'content-outside-settings')
      expect(errorWords(error)).toBe(
        `Changing ${path} would also change line 2, which is not an ip_nonlocal_bind line. The app changes nothing but those lines, so it leaves this file alone: edit it by hand, or choose another file.`,
      );
    if (refusal === 'new-file-too-large')
      expect(errorWords(error)).toBe(
        `A new ${path} may hold at most 4096 bytes: the header and the setting lines. Nothing was changed.`,
      );
    expect(errorWords(error)).toContain(path);
  }
  expect(refusals.size).toBe(cases.length);
});

test('the planner refusals are worded by the renderer with the words it has always had', () => {
  const changed = changedSinceRead('/etc/sysctl.d/99-test.conf', 'a\n', 'b\n');
  expect(changed?.data).toEqual({
    from: 'plan',
    code: 'file-changed',
    path: '/etc/sysctl.d/99-test.conf',
  });
  if (changed === null) throw new Error('expected a refusal');
  expect(errorWords(changed)).toBe(
    'Someone else edited /etc/sysctl.d/99-test.conf after the app read it. Nothing was changed; the app has read it again so you can review and apply once more.',
  );
  expect(errorWords(NOTHING_TO_APPLY)).toBe('There is no change to apply.');
});

test('nothing to remove is worded for a missing file and for a file without the keys', () => {
  const path = '/etc/sysctl.d/99-test.conf';
  const word = (keys: readonly string[]) =>
    errorWords({
      code: 'nothing-to-remove',
      data: { from: 'plan', code: 'nothing-to-remove', path, keys },
    });
  expect(word([])).toBe(`${path} does not exist, so there is nothing to stop persisting.`);
  expect(word(['net.ipv4.ip_nonlocal_bind', 'net.ipv6.ip_nonlocal_bind'])).toBe(
    `${path} does not set net.ipv4.ip_nonlocal_bind or net.ipv6.ip_nonlocal_bind.`,
  );
});

test('an error without data is worded by its code', () => {
  expect(errorWords({ code: 'nothing-to-apply' })).toBe('There is no change to apply.');
});
