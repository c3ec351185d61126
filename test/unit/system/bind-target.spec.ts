import { test, expect } from '@playwright/test';
import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import fc from 'fast-check';
import { BIND_WORDS, validateBindTarget } from '../../../electron/system/bind-test';

const errorOf = (address: unknown, port?: unknown) => {
  const checked = validateBindTarget(address, port);
  return checked.ok ? null : checked.error;
};

test('accepts IPv4 and IPv6 literals; the port defaults to 0 (any free port)', () => {
  expect(validateBindTarget('192.0.2.10', undefined)).toEqual({
    ok: true,
    target: { address: '192.0.2.10', port: 0, family: 'IPv4' },
  });
  expect(validateBindTarget(' [2001:db8::10] ', '443')).toEqual({
    ok: true,
    target: { address: '2001:db8::10', port: 443, family: 'IPv6' },
  });
  expect(validateBindTarget('fe80::1%eth0', 65535)).toEqual({
    ok: true,
    target: { address: 'fe80::1', port: 65535, family: 'IPv6', zone: 'eth0' },
  });
  expect(validateBindTarget('::ffff:192.0.2.1', '')).toMatchObject({ ok: true });
});

test('rejects host names without looking them up', () => {
  for (const name of ['localhost', 'vip.example.com', 'db-1', 'example.com.']) {
    expect(errorOf(name)).toBe(BIND_WORDS.hostname);
  }
  expect(BIND_WORDS.hostname).toBe(
    'Enter an IP address, not a host name: the test never looks names up',
  );
});

test('rejects garbage with the text it could not read', () => {
  expect(errorOf('192.0.2.300')).toBe('"192.0.2.300" is not an IPv4 or IPv6 address');
  expect(errorOf('1.2.3')).toContain('is not an IPv4 or IPv6 address');
  expect(errorOf('::g')).toContain('is not an IPv4 or IPv6 address');
  expect(errorOf('$(reboot)')).toContain('is not an IPv4 or IPv6 address');
  expect(errorOf('')).toBe('Enter an IP address (IPv4 or IPv6)');
  expect(errorOf(42)).toBe('Enter an IP address (IPv4 or IPv6)');
  expect(errorOf(null)).toBe('Enter an IP address (IPv4 or IPv6)');
});

test('link-local IPv6 needs a zone; zones are only for IPv6 and must look like interfaces', () => {
  for (const address of ['fe80::1', 'FE80::abcd', 'febf::1']) {
    expect(errorOf(address)).toBe('Link-local IPv6 addresses need a zone, e.g. fe80::1%eth0');
  }
  expect(errorOf('fec0::1')).toBeNull();
  expect(errorOf('192.0.2.1%eth0')).toBe('IPv4 addresses take no zone (%…)');
  expect(errorOf('fe80::1%')).toBe('The zone after % must be an interface name, e.g. eth0');
  expect(errorOf('fe80::1%eth0; rm -rf /')).toBe(
    'The zone after % must be an interface name, e.g. eth0',
  );
});

test('rejects ports that are not whole numbers from 0 to 65535', () => {
  for (const port of [-1, 65536, 1.5, NaN, Infinity, '80a', '99999', ' ', 'http', true, {}]) {
    expect(errorOf('192.0.2.10', port)).toBe(BIND_WORDS.port);
  }
  expect(validateBindTarget('192.0.2.10', '8080')).toMatchObject({
    ok: true,
    target: { port: 8080 },
  });
  expect(validateBindTarget('192.0.2.10', 0)).toMatchObject({ ok: true, target: { port: 0 } });
});

test('any input gives either a checked target or a specific error, never a throw', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string(), fc.ipV4(), fc.ipV6(), fc.anything()),
      fc.anything(),
      (a, p) => {
        const checked = validateBindTarget(a, p);
        if (checked.ok) {
          assert.notEqual(isIP(checked.target.address), 0);
          assert.ok(Number.isInteger(checked.target.port));
        } else {
          assert.ok(checked.error.length > 10);
        }
      },
    ),
    { numRuns: 2000 },
  );
});
