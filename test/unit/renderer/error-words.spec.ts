import { expect, test } from '@playwright/test';
import { ERROR_CODES } from '../../../electron/contract';
import { errorPlace } from '../../../renderer/src/error-words';

test('every error code of the contract has a place; only file problems go to the file name field', () => {
  const atField = ERROR_CODES.filter((code) => errorPlace(code) === 'file-field');
  expect(new Set(atField)).toEqual(
    new Set([
      'invalid-file-name',
      'target-symlink',
      'target-not-regular',
      'file-not-text',
      'file-too-large',
      'file-unreadable',
      'file-name-hides-file',
    ]),
  );
  expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
});
