import { expect, test } from '@playwright/test';
import {
  mapElevationFailure,
  mapStepExit,
  SUDO_PROMPT_MESSAGES,
} from '../../../electron/system/elevation-errors';
import { STEP_EXIT } from '../../../electron/system/privileged-script';
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

test('an error without data keeps the backend message', () => {
  expect(errorWords({ code: 'file-changed', message: 'The file changed while planning.' })).toBe(
    'The file changed while planning.',
  );
});
