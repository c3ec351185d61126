import { test, expect } from '@playwright/test';
import {
  ERROR_CODES,
  type ApiError,
  type FileNameRefusal,
  type TargetFileRefusal,
} from '../../../electron/contract';
import { errorWords } from '../../../renderer/src/error-words';
import { codeWords } from '../../../renderer/src/words/code-words';
import { fileNameWords, hiddenFileWords } from '../../../renderer/src/words/file-words';

test('every error code has words of its own, and none of them is a code', () => {
  const seen = new Set<string>();
  for (const code of ERROR_CODES) {
    const words = errorWords({ code });
    expect(words, code).toBe(codeWords(code));
    expect(words.length, code).toBeGreaterThan(20);
    expect(words, code).toMatch(/[.?]$/);
    expect(ERROR_CODES as readonly string[], code).not.toContain(words);
    seen.add(words);
  }
  // Codes share words only where one sentence covers a group (ssh, sudo, the step's exits).
  expect(seen.size).toBeGreaterThan(ERROR_CODES.length / 2);
});

test('every file name refusal has its own words', () => {
  const refusals: FileNameRefusal[] = [
    { code: 'not-text' },
    { code: 'empty' },
    { code: 'too-long', length: 201, limit: 200 },
    { code: 'has-slash' },
    { code: 'dot-name' },
    { code: 'bad-first-character' },
    { code: 'bad-character', character: ' ' },
    { code: 'bad-character', character: '$' },
    { code: 'wrong-suffix' },
  ];
  const words = refusals.map((refusal) => fileNameWords(refusal, '..'));
  expect(new Set(words).size).toBe(refusals.length);
  expect(words[2]).toBe('The file name is 201 characters long; at most 200 are allowed.');
  expect(words[4]).toBe('".." is not a file name.');
  expect(words[6]).toMatch(/contains a space/);
  expect(words[7]).toMatch(/contains "\$"/);
  const error: ApiError = {
    code: 'invalid-file-name',
    data: { from: 'file-name', code: 'invalid-file-name', refusal: { code: 'empty' }, name: '' },
  };
  expect(errorWords(error)).toBe('Enter a file name, for example 90-nonlocal-bind.conf.');
});

test('a name that would hide a file is worded for each kind of hidden file', () => {
  const base = {
    from: 'hidden-file',
    code: 'file-name-hides-file',
    name: 'x.conf',
    path: '/usr/lib/sysctl.d/x.conf',
  } as const;
  expect(hiddenFileWords({ ...base, hidden: 'masked', settings: [] })).toContain(
    'a link to /dev/null',
  );
  expect(hiddenFileWords({ ...base, hidden: 'other', settings: [] })).toContain(
    'whatever it sets would no longer be applied',
  );
  expect(hiddenFileWords({ ...base, hidden: 'file', settings: [] })).toContain(
    'anything it sets later',
  );
  expect(hiddenFileWords({ ...base, hidden: 'file', settings: ['a.b = 1'] })).toBe(
    'x.conf would hide /usr/lib/sysctl.d/x.conf at boot, and a.b = 1 would no longer be set. Choose another name.',
  );
});

test('a setting that cannot be changed is named by its key, with the reader’s reason', () => {
  const error: ApiError = {
    code: 'setting-unavailable',
    data: {
      from: 'setting',
      code: 'setting-unavailable',
      id: 'ipv6',
      key: 'net.ipv6.ip_nonlocal_bind',
      detail: null,
    },
  };
  expect(errorWords(error)).toBe(
    'net.ipv6.ip_nonlocal_bind cannot be changed here: it is not available',
  );
});

test('a busy action and a save the backend cannot do say which feature it was', () => {
  const busy = (what: 'apply' | 'make-alike'): ApiError => ({
    code: 'apply-in-progress',
    data: { from: 'busy', code: 'apply-in-progress', what },
  });
  expect(errorWords(busy('apply'))).toBe('An Apply is already waiting for authentication.');
  expect(errorWords(busy('make-alike'))).toBe('Another "Make all alike" is still running.');
  const noSave = (what: 'diagnostics' | 'fleet'): ApiError => ({
    code: 'save-unavailable',
    data: { from: 'no-save', code: 'save-unavailable', what },
  });
  expect(errorWords(noSave('diagnostics'))).toMatch(/the page downloads the report instead\.$/);
  expect(errorWords(noSave('fleet'))).toMatch(/use Copy and paste the text into a file\.$/);
});

test('every refusal of the file an Apply would edit names the file and what is wrong', () => {
  const path = '/etc/sysctl.d/90-nonlocal-bind.conf';
  const words = (
    code: TargetFileRefusal,
    reason: string | null = null,
    limit: number | null = null,
  ) => errorWords({ code, data: { from: 'target-file', code, path, reason, limit } });
  expect(words('target-symlink')).toBe(
    `${path} is a symbolic link. The app does not edit through links; choose another file name.`,
  );
  expect(words('target-symlink', 'dangling link')).toBe(
    `${path} is a symbolic link (dangling link); choose another file name.`,
  );
  expect(words('file-unreadable', 'EACCES')).toBe(`${path} cannot be read: EACCES.`);
  expect(words('target-not-regular')).toBe(
    `${path} is not a regular file; choose another file name.`,
  );
  expect(words('file-too-large', '70000 bytes', 65536)).toBe(
    `${path} is 70000 bytes; the app edits files up to 65536 bytes. Choose another file name.`,
  );
  expect(words('file-not-text')).toBe(
    `${path} is not valid UTF-8 text, so the app will not edit it. Choose another file name.`,
  );
});
