import { test, expect } from '@playwright/test';
import {
  FILE_HEADER,
  removeKeysFromText,
  setKeysInText,
} from '../../../electron/system/sysctl-edit';

const V4 = 'net.ipv4.ip_nonlocal_bind';
const V6 = 'net.ipv6.ip_nonlocal_bind';

test('a new file gets the header and one line per key', () => {
  expect(setKeysInText(null, new Map([[V4, '1']]))).toBe(`${FILE_HEADER}${V4} = 1\n`);
});

test('replaces the value in every spelling of the key, keeping its spacing', () => {
  const text = 'net/ipv4/ip_nonlocal_bind=0\n  -net.ipv4.ip_nonlocal_bind   =   0   \n';
  expect(setKeysInText(text, new Map([[V4, '1']]))).toBe(
    'net/ipv4/ip_nonlocal_bind=1\n  -net.ipv4.ip_nonlocal_bind   =   1   \n',
  );
});

test("appends with the file's own line ending and keeps a missing final newline missing", () => {
  expect(setKeysInText('a = 1\r\nb = 2\r\n', new Map([[V6, '1']]))).toBe(
    `a = 1\r\nb = 2\r\n${V6} = 1\r\n`,
  );
  expect(setKeysInText('a = 1', new Map([[V6, '0']]))).toBe(`a = 1\n${V6} = 0`);
  expect(setKeysInText('', new Map([[V6, '0']]))).toBe(`${V6} = 0\n`);
});

test('comments that mention the key are not touched', () => {
  const text = `# ${V4} = 0\n; ${V4} = 0\n`;
  expect(setKeysInText(text, new Map([[V4, '1']]))).toBe(`${text}${V4} = 1\n`);
});

test('removal deletes the file only when just our header remains', () => {
  expect(removeKeysFromText(`${FILE_HEADER}${V4} = 1\n${V6} = 1\n`, [V4, V6])).toEqual({
    text: FILE_HEADER,
    deleteFile: true,
  });
  expect(removeKeysFromText(`${V4} = 1\n`, [V4, V6])).toEqual({ text: '', deleteFile: true });
  expect(removeKeysFromText(`${FILE_HEADER}vm.x = 1\n${V4} = 1\n`, [V4, V6])).toEqual({
    text: `${FILE_HEADER}vm.x = 1\n`,
    deleteFile: false,
  });
  expect(removeKeysFromText(`# my own\n${V4} = 1\n`, [V4])).toEqual({
    text: '# my own\n',
    deleteFile: false,
  });
});
