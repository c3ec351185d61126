import { test, expect } from '@playwright/test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  FILE_HEADER,
  removeKeysFromText,
  setKeysInText,
} from '../../../electron/system/sysctl-edit';
import { parseLine, splitLines } from '../../../electron/system/sysctl-syntax';

const V4 = 'net.ipv4.ip_nonlocal_bind';
const V6 = 'net.ipv6.ip_nonlocal_bind';
const OURS = new Set([V4, V6]);

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

// Lines from a vocabulary that includes our keys in every spelling, near-misses and noise.
const lineArb = fc.oneof(
  fc.constantFrom(
    `${V4} = 1`,
    `-net/ipv4/ip_nonlocal_bind=0`,
    ` ${V6}   =  0 `,
    `net.ipv4.ip_nonlocal_binds = 1`,
    `# ${V4} = 1`,
    `; comment`,
    ``,
    `net.ipv4.conf.*.rp_filter = 2`,
    `kernel.pid_max = 4194304`,
  ),
  fc.string({ maxLength: 30 }).filter((s) => !s.includes('\n') && !s.includes('\r')),
);
const fileArb = fc
  .tuple(
    fc.array(fc.tuple(lineArb, fc.constantFrom('\n', '\r\n')), { maxLength: 12 }),
    fc.boolean(),
  )
  .map(([lines, finalNewline]) => {
    const text = lines.map(([l, eol]) => l + eol).join('');
    return finalNewline || text === '' ? text : text.replace(/\r?\n$/, '');
  });

/** Everything except the lines that assign our keys, in order. */
function foreignLines(text: string): string[] {
  return splitLines(text)
    .filter((l) => {
      const p = parseLine(l);
      return !(p.kind === 'assignment' && OURS.has(p.key));
    })
    .map((l) => l.text + l.eol);
}

const isOurs = (line: { text: string; eol: '' | '\n' | '\r\n'; number: number }) => {
  const p = parseLine(line);
  return p.kind === 'assignment' && OURS.has(p.key);
};

// node:assert inside properties: Playwright's expect records a stack per call, too slow for 1,000 runs.
test('property: setting our keys keeps every other byte (1,000 runs)', () => {
  fc.assert(
    fc.property(
      fileArb,
      fc.constantFrom<'0' | '1'>('0', '1'),
      fc.constantFrom<'0' | '1'>('0', '1'),
      (text, a, b) => {
        const before = splitLines(text);
        const after = splitLines(
          setKeysInText(
            text,
            new Map([
              [V4, a],
              [V6, b],
            ]),
          ),
        );
        assert.ok(after.length >= before.length, 'no line may be lost');
        before.forEach((line, i) => {
          const edited = after[i];
          assert.ok(edited, 'line lost');
          const lastWithoutEol = i === before.length - 1 && line.eol === '';
          // Only a final line without newline may gain one, and only when our lines are appended after it.
          if (!(lastWithoutEol && after.length > before.length)) assert.equal(edited.eol, line.eol);
          if (isOurs(line)) {
            const p = parseLine(edited);
            assert.ok(p.kind === 'assignment');
            assert.equal(p.value, p.key === V4 ? a : b);
          } else {
            assert.equal(edited.text, line.text);
          }
        });
        for (const line of after.slice(before.length))
          assert.ok(isOurs(line), 'only our lines are appended');
        const values = after.flatMap((l) => {
          const p = parseLine(l);
          return p.kind === 'assignment' && OURS.has(p.key) ? [[p.key, p.value] as const] : [];
        });
        assert.deepEqual(new Set(values.filter(([k]) => k === V4).map(([, v]) => v)), new Set([a]));
        assert.deepEqual(new Set(values.filter(([k]) => k === V6).map(([, v]) => v)), new Set([b]));
      },
    ),
    { numRuns: 1000 },
  );
});

test('property: removing our keys leaves exactly the other lines (1,000 runs)', () => {
  fc.assert(
    fc.property(fileArb, (text) => {
      const { text: result } = removeKeysFromText(text, [V4, V6]);
      assert.equal(result, foreignLines(text).join(''));
    }),
    { numRuns: 1000 },
  );
});
