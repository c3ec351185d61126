import { test, expect } from '@playwright/test';
import {
  boolean,
  described,
  listOf,
  matching,
  noPayload,
  nullable,
  object,
  oneOf,
  optional,
  recordOf,
  refined,
  string,
  variant,
  ROOT,
} from '../../../electron/handlers/payload-checks';
import { applyRequestCheck } from '../../../electron/handlers/validate-apply-request';
import { SETTINGS } from '../../../electron/system/settings';

const validateApplyRequest = (payload: unknown) => applyRequestCheck(SETTINGS)(payload, ROOT);

// The one kit every handler checks its payload with: typed values through, and for
// anything else a problem that names the field and what it must be.

test('scalars: the value through, or where it sits and what it must be', () => {
  expect(string()('x', 'name')).toEqual({ ok: true, value: 'x' });
  expect(string()(1, 'name')).toEqual({ ok: false, error: 'name must be a string' });
  expect(string({ maxLength: 3 })('abcd', 'name')).toEqual({
    ok: false,
    error: 'name is longer than 3 characters',
  });
  expect(boolean('yes', 'flag')).toEqual({ ok: false, error: 'flag must be true or false' });
  expect(oneOf('a', 'b', 'c')('d', 'kind')).toEqual({
    ok: false,
    error: 'kind must be "a", "b" or "c"',
  });
  expect(oneOf(0, 1)(1, 'bit')).toEqual({ ok: true, value: 1 });
  expect(oneOf(0, 1)('1', 'bit')).toEqual({ ok: false, error: 'bit must be 0 or 1' });
  const hex = nullable(matching(/^[0-9a-f]{4}$/, 'null or 4 hex digits'));
  expect(hex(null, 'sha')).toEqual({ ok: true, value: null });
  expect(hex('BEEF', 'sha')).toEqual({ ok: false, error: 'sha must be null or 4 hex digits' });
  expect(noPayload(undefined, ROOT)).toEqual({ ok: true, value: null });
  expect(noPayload({}, ROOT)).toEqual({ ok: false, error: 'it takes no payload' });
});

test('objects are exact: a missing field fails its own check, an extra one is named', () => {
  const check = object({ name: string(), tags: optional(listOf(string(), { max: 2 })) });
  expect(check({ name: 'n' }, ROOT)).toEqual({ ok: true, value: { name: 'n' } });
  expect(check({ name: 'n', tags: ['a'] }, ROOT)).toEqual({
    ok: true,
    value: { name: 'n', tags: ['a'] },
  });
  expect(check([], ROOT)).toEqual({
    ok: false,
    error: 'the payload must be an object {name, tags}',
  });
  expect(check({}, ROOT)).toEqual({ ok: false, error: 'name must be a string' });
  expect(check({ name: 'n', x: 1 }, ROOT)).toEqual({
    ok: false,
    error: 'unexpected field "x" in the payload',
  });
  expect(check({ name: 'n', tags: ['a', 2] }, ROOT)).toEqual({
    ok: false,
    error: 'tags[1] must be a string',
  });
  expect(check({ name: 'n', tags: ['a', 'b', 'c'] }, ROOT)).toEqual({
    ok: false,
    error: 'tags must have at most 2 items',
  });
  // Prototype keys are data, not fields of the shape.
  expect(check(JSON.parse('{"name":"n","__proto__":{"x":1}}'), ROOT)).toEqual({
    ok: false,
    error: 'unexpected field "__proto__" in the payload',
  });
});

test('lists, maps, variants and further rules', () => {
  const ids = described(
    listOf(oneOf('a', 'b'), { min: 1, max: 2, distinct: true }),
    'a non-empty list of distinct "a"/"b"',
  );
  for (const bad of [[], ['a', 'a'], ['c'], 'a'])
    expect(ids(bad, 'ids')).toEqual({
      ok: false,
      error: 'ids must be a non-empty list of distinct "a"/"b"',
    });
  expect(recordOf(string(), 2)({ a: 'x', b: 1 }, 'map')).toEqual({
    ok: false,
    error: 'map["b"] must be a string',
  });
  expect(recordOf(string(), 2)({ a: '', b: '', c: '' }, 'map')).toEqual({
    ok: false,
    error: 'map has more than 2 entries',
  });
  const own = recordOf(string(), 2)(JSON.parse('{"__proto__":"x"}'), 'map');
  expect(own.ok && Object.getPrototypeOf(own.value)).toBe(Object.prototype);
  expect(own.ok && Object.keys(own.value)).toEqual(['__proto__']);
  const shape = variant('kind', {
    one: object({ kind: oneOf('one') }),
    two: object({ kind: oneOf('two'), n: oneOf(2) }),
  });
  expect(shape({ kind: 'two', n: 2 }, 'p')).toEqual({ ok: true, value: { kind: 'two', n: 2 } });
  expect(shape({ kind: 'three' }, 'p')).toEqual({
    ok: false,
    error: 'p.kind must be "one" or "two"',
  });
  expect(shape({ kind: 'one', n: 2 }, 'p')).toEqual({
    ok: false,
    error: 'unexpected field "n" in p',
  });
  const even = refined(oneOf(1, 2), (n) => (n % 2 === 0 ? null : 'n must be even'));
  expect(even(1, 'n')).toEqual({ ok: false, error: 'n must be even' });
  expect(even(2, 'n')).toEqual({ ok: true, value: 2 });
});

test('an Apply request: each field named when wrong, the typed request when right', () => {
  const sha = 'a'.repeat(64);
  expect(
    validateApplyRequest({
      values: { ipv4: 1 },
      persistence: { kind: 'persist', fileName: '90-x.conf', expectedSha256: sha },
    }),
  ).toEqual({
    ok: true,
    value: {
      values: { ipv4: 1 },
      persistence: { kind: 'persist', fileName: '90-x.conf', expectedSha256: sha },
    },
  });
  const cases: [unknown, string][] = [
    [null, 'the payload must be an object {values, persistence}'],
    [{ values: { ipv4: 2 }, persistence: { kind: 'runtime' } }, 'values["ipv4"] must be 0 or 1'],
    [
      { values: { ipv5: 1 }, persistence: { kind: 'runtime' } },
      'unexpected field "ipv5" in values',
    ],
    [
      { values: {}, persistence: { kind: 'later' } },
      'persistence.kind must be "runtime", "persist", "persist-sysctl-conf", "unpersist" or "unpersist-sysctl-conf"',
    ],
    [
      { values: {}, persistence: { kind: 'persist', fileName: 1, expectedSha256: null } },
      'persistence.fileName must be a string',
    ],
    [
      { values: {}, persistence: { kind: 'persist-sysctl-conf', expectedSha256: 'ab' } },
      'persistence.expectedSha256 must be null or 64 lowercase hex digits',
    ],
    [
      { values: {}, persistence: { kind: 'unpersist-sysctl-conf', expectedSha256: null } },
      'persistence.resetRuntime must be true or false',
    ],
    [
      {
        values: { ipv6: 0 },
        persistence: { kind: 'unpersist-sysctl-conf', expectedSha256: null, resetRuntime: true },
      },
      'values must be empty when stopping persistence (use resetRuntime)',
    ],
  ];
  for (const [payload, error] of cases)
    expect(validateApplyRequest(payload), JSON.stringify(payload)).toEqual({ ok: false, error });
});
