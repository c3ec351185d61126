import { test } from '@playwright/test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseHaproxyConfig } from '../../../electron/system/vip-haproxy';
import { parseKeepalivedConfig } from '../../../electron/system/vip-keepalived';
import { parseNginxConfig } from '../../../electron/system/vip-nginx';
import type { VipParseResult } from '../../../electron/system/vip-types';
import { detectFamily } from '../../../electron/system/ip-address';

// Text that looks like configuration (keywords, braces, addresses) finds more corners
// than uniform noise, so both are mixed.
const pieces = fc.constantFrom(
  'bind',
  'listen',
  'include',
  'virtual_ipaddress',
  'virtual_ipaddress_excluded',
  '{',
  '}',
  ';',
  '#',
  '!',
  '"',
  "'",
  ':',
  '[',
  ']',
  '::',
  '*',
  ',',
  '/',
  '@',
  'ipv6@',
  'unix:',
  '192.0.2.1',
  '2001:db8::1',
  '80',
  '65536',
  '\n',
  ' ',
  '\t',
  '%',
  '*.conf',
);
const configLike = fc
  .array(fc.oneof(pieces, fc.string()), { maxLength: 60 })
  .map((p) => p.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), configLike);

function checkShape(result: VipParseResult, lineCount: number): void {
  for (const a of result.addresses) {
    assert.equal(detectFamily(a.address), a.family);
    assert.ok(a.line >= 1 && a.line <= lineCount);
    assert.ok(a.port === null || (Number.isInteger(a.port) && a.port >= 0 && a.port <= 65535));
  }
  for (const s of result.skipped) assert.ok(s.reason.length > 0 && s.line >= 1);
}

const parsers = {
  haproxy: parseHaproxyConfig,
  keepalived: parseKeepalivedConfig,
  nginx: parseNginxConfig,
} as const;

for (const [name, parse] of Object.entries(parsers)) {
  test(`${name}: arbitrary text never throws and yields only real IP literals`, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        checkShape(parse(text, 'f'), text.split('\n').length);
      }),
      { numRuns: 2000 },
    );
  });
}
