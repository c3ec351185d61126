import { test, expect } from '@playwright/test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ConfigParser, ParseResult, ParseSink } from '../../../electron/system/vip-address';
import { collectParse } from '../../../electron/system/vip-address';
import { createHaproxyParser } from '../../../electron/system/vip-haproxy';
import { createKeepalivedParser } from '../../../electron/system/vip-keepalived';
import { createLineFeeder, MAX_LINE_CHARS } from '../../../electron/system/vip-lines';
import { createNginxParser } from '../../../electron/system/vip-nginx';
import {
  createDirectiveSplitter,
  MAX_WORD_CHARS,
  type NginxDirective,
} from '../../../electron/system/vip-nginx-directives';
import { parseConfig } from '../../support/vip-parse';

// The parsers now read text in pieces, so that a 4 MiB file is never parsed in one go. Cut
// anywhere, the pieces must give exactly what the whole text gives, and the nginx splitter
// exactly what the whole-text splitter it replaced gave.

/** The nginx splitter as it was before pieces (commit 283e72e), kept as the oracle. */
function wholeTextDirectives(text: string): { words: string[]; line: number; ended: boolean }[] {
  const out: { words: string[]; line: number; ended: boolean }[] = [];
  let current: string[] = [];
  let start = 1;
  let line = 1;
  let word = '';
  const flush = () => {
    if (word !== '') current.push(word);
    word = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i += 1;
      i -= 1;
      continue;
    }
    if (c === '\n') line += 1;
    if (c === ';' || c === '{' || c === '}') {
      flush();
      if (current.length > 0) out.push({ words: current, line: start, ended: true });
      current = [];
      continue;
    }
    if (/\s/.test(c)) {
      flush();
      continue;
    }
    if (current.length === 0 && word === '') start = line;
    word += c === '"' || c === "'" ? '' : c;
  }
  flush();
  if (current.length > 0) out.push({ words: current, line: start, ended: false });
  return out;
}

/** Feeds `text` cut at `cuts` (positions, in any order) and ends. */
function feed(parser: { push(text: string): void; end(): void }, text: string, cuts: number[]) {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const cut of at) {
    parser.push(text.slice(from, cut));
    from = cut;
  }
  parser.push(text.slice(from));
  parser.end();
}

function collectInPieces(
  create: (file: string, sink: ParseSink) => ConfigParser,
  text: string,
  cuts: number[],
): ParseResult {
  const result: ParseResult = { addresses: [], skipped: [], includes: [] };
  const parser = create('f', {
    address: (found) => result.addresses.push(found),
    skipped: (line) => result.skipped.push(line),
    include: (pattern) => result.includes.push(pattern),
  });
  feed(parser, text, cuts);
  return result;
}

const configText = fc
  .array(
    fc.constantFrom(
      'listen ',
      'bind ',
      'include ',
      'virtual_ipaddress {',
      '192.0.2.1:80',
      '[2001:db8::1]:443',
      '*:8080',
      ' ',
      '\t',
      '\u00a0',
      '\u2028',
      '\n',
      '\r\n',
      '\r',
      ';',
      '{',
      '}',
      '#',
      '"',
      "'",
      'conf.d/*.conf',
      'é',
      '😀',
      '!',
      'x',
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));
const cuts = fc.array(fc.nat({ max: 2_000 }), { maxLength: 12 });

test('nginx: the piecewise splitter gives what the whole-text splitter gave, cut anywhere (3,000 runs)', () => {
  fc.assert(
    fc.property(configText, cuts, (text, at) => {
      const got: NginxDirective[] = [];
      feed(
        createDirectiveSplitter((d) => got.push(d)),
        text,
        at,
      );
      const want = wholeTextDirectives(text);
      assert.deepEqual(
        got.map((d) => [d.name, d.argument, d.line, d.ended]),
        want.map((d) => [d.words[0], d.words[1], d.line, d.ended]),
      );
    }),
    { numRuns: 3_000 },
  );
});

test('every parser finds the same in pieces as in the whole text, cut anywhere (2,000 runs each)', () => {
  for (const create of [createHaproxyParser, createKeepalivedParser, createNginxParser]) {
    fc.assert(
      fc.property(configText, cuts, (text, at) => {
        assert.deepEqual(collectInPieces(create, text, at), collectParse(create, text, 'f'));
      }),
      { numRuns: 2_000 },
    );
  }
});

test('lines are cut as text.split(/\\r?\\n/) cuts them, whatever the pieces', () => {
  fc.assert(
    fc.property(configText, cuts, (text, at) => {
      const lines: string[] = [];
      feed(
        createLineFeeder(
          (raw) => lines.push(raw),
          () => lines.push('(overlong)'),
        ),
        text,
        at,
      );
      assert.deepEqual(lines, text.split(/\r?\n/));
    }),
    { numRuns: 2_000 },
  );
});

test('a line or a word longer than anything real is reported by number, never held or quoted whole', () => {
  const long = 'x'.repeat(MAX_LINE_CHARS + 1);
  const haproxy = collectInPieces(
    createHaproxyParser,
    `bind 192.0.2.1:80\nbind ${long}\nbind 192.0.2.2:80\n`,
    [100, 9_000],
  );
  expect(haproxy.addresses.map((a) => [a.address, a.line])).toEqual([
    ['192.0.2.1', 1],
    ['192.0.2.2', 3],
  ]);
  expect(haproxy.skipped).toEqual([
    { file: 'f', line: 2, reason: `a line longer than ${MAX_LINE_CHARS} characters` },
  ]);
  const keepalived = collectParse(createKeepalivedParser, `x {\n${long}\n}\n`, 'k');
  expect(keepalived.skipped.map((s) => s.line)).toEqual([2]);

  const word = 'y'.repeat(MAX_WORD_CHARS + 1);
  const nginx = parseConfig(
    'nginx',
    `listen ${word};\ninclude ${word};\nserver_name ${word};\nlisten 192.0.2.3:80;`,
    'n',
  );
  expect(nginx.addresses.map((a) => a.address)).toEqual(['192.0.2.3']);
  expect(nginx.includes).toEqual([]);
  expect(nginx.skipped).toEqual([
    { file: 'n', line: 1, reason: `listen: a word longer than ${MAX_WORD_CHARS} characters` },
    { file: 'n', line: 2, reason: `include: a word longer than ${MAX_WORD_CHARS} characters` },
  ]);
  // Below the cap a bad word is quoted, but shortened: a reason never echoes kilobytes.
  const host = 'h'.repeat(5_000);
  const reason = parseConfig('nginx', `listen ${host}:80;`, 'n').skipped[0]?.reason ?? '';
  expect(reason).toContain('is not an IP address');
  expect(reason.length).toBeLessThan(200);
});
