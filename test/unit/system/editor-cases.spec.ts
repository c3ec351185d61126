import { test, expect } from '@playwright/test';
import {
  findKeyLines,
  removeKeysFromText,
  setKeysInText,
} from '../../../electron/system/sysctl-edit';
import { valuesAlone } from '../../support/edit-check';

// The editor cases of issue #12 (B1-B3) and the rules behind them: "our line" is a line
// one of the engines reads as our key, and nothing else changes.
const V4 = 'net.ipv4.ip_nonlocal_bind';
const V6 = 'net.ipv6.ip_nonlocal_bind';
const set = (text: string, value: '0' | '1', key = V4) =>
  setKeysInText(text, new Map([[key, value]]));

test('B1: a key behind a no-break space is no key to the engines, so it stays and the key is added', () => {
  const text = `\u00A0${V4} = 0\n`;
  expect(valuesAlone(text, V4)).toEqual([null, null]);
  const result = set(text, '1');
  expect(result).toBe(`${text}${V4} = 1\n`);
  expect(valuesAlone(result, V4)).toEqual([1, 1]);
});

test('B2: a later "-key" line with no "=" is taken out, so systemd does not drop the key after the write', () => {
  const text = `# mine\n${V4} = 0\nvm.x = 1\n-${V4}\n`;
  expect(valuesAlone(text, V4)).toEqual([null, 0]);
  const result = set(text, '1');
  expect(result).toBe(`# mine\n${V4} = 1\nvm.x = 1\n`);
  expect(valuesAlone(result, V4)).toEqual([1, 1]);
});

test('B3: removal takes out "- key = 1", which systemd still applies', () => {
  const text = `# keep\n- ${V4} = 1\n`;
  expect(valuesAlone(text, V4)).toEqual([1, null]);
  const { text: result } = removeKeysFromText(text, [V4]);
  expect(result).toBe('# keep\n');
  expect(valuesAlone(result, V4)).toEqual([null, null]);
});

test('a line only one engine reads as the key is replaced when it comes after the last shared line', () => {
  // "- key" is systemd's alone; "--key" is procps' alone; "\f key" is procps' alone.
  for (const only of [`- ${V4} = 0`, `--${V4} = 0`, `\f${V4} = 0`, `${V4}. = 0`]) {
    const text = `${V4} = 0\n${only}\n`;
    const result = set(text, '1');
    expect(result, JSON.stringify(only)).toBe(`${V4} = 1\n`);
    expect(valuesAlone(result, V4)).toEqual([1, 1]);
  }
});

test('a line a lone CR or NUL splits: only our statements get a "#", the others keep their meaning', () => {
  const text = `vm.x = 1\r${V4} = 0\nkernel.y = 2\0${V4} = 0\n`;
  const { text: removed } = removeKeysFromText(text, [V4]);
  expect(removed).toBe(`vm.x = 1\r#${V4} = 0\nkernel.y = 2\0#${V4} = 0\n`);
  expect(valuesAlone(removed, V4)).toEqual([null, null]);
  const result = set(text, '1');
  expect(valuesAlone(result, V4)).toEqual([1, 1]);
  expect(result.startsWith('vm.x = 1\r')).toBe(true);
});

test('a pattern line after the key that procps would not skip: the key is written once, last', () => {
  // procps compares paths as text: "net//ipv4/..." from the pattern is not the key's own path.
  const text = `${V4} = 0\nnet..ipv4.ip_nonlocal_* = 0\n`;
  expect(valuesAlone(set(text, '1'), V4)).toEqual([1, 1]);
  expect(set(text, '1')).toBe(`net..ipv4.ip_nonlocal_* = 0\n${V4} = 1\n`);
});

test('a value the kernel would refuse is replaced as a whole, whatever each engine strips', () => {
  expect(set(`${V4} = \f1\f junk\n`, '0')).toBe(`${V4} = 0\n`);
  expect(set(`${V4} =\n`, '1')).toBe(`${V4} =1\n`);
  expect(valuesAlone(set(`${V4} =\n`, '1'), V4)).toEqual([1, 1]);
});

test('before a line of 1 MiB or more, which systemd never reads past', () => {
  const long = `# ${'x'.repeat(1024 * 1024)}\n`;
  const text = `a = 1\n${long}${V4} = 0\n`;
  const result = set(text, '1');
  expect(result).toBe(`a = 1\n${V4} = 1\n${long}`);
  expect(valuesAlone(result, V4)).toEqual([1, 1]);
});

test('applying twice changes nothing the second time', () => {
  for (const text of [`${V4} = 0\n-${V4}\n`, `\u00A0${V4} = 0`, `vm.x = 1\r${V4} = 0\n`, '']) {
    const once = setKeysInText(
      text,
      new Map([
        [V4, '1'],
        [V6, '0'],
      ]),
    );
    expect(
      setKeysInText(
        once,
        new Map([
          [V4, '1'],
          [V6, '0'],
        ]),
      ),
    ).toBe(once);
    const removed = removeKeysFromText(text, [V4, V6]).text;
    expect(removeKeysFromText(removed, [V4, V6]).text).toBe(removed);
  }
});

test('the lines a removal takes out are listed, "-key" lines included', () => {
  expect(findKeyLines(`${V4} = 1\n# x\n- ${V6}\n-${V4}\n`, [V4, V6])).toEqual([
    { key: V4, value: '1', line: 1 },
    { key: V6, value: null, line: 3 },
    { key: V4, value: null, line: 4 },
  ]);
});
