import { test, expect } from '@playwright/test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  buildElevatedCommand,
  buildStepArguments,
  SAFE_COMMAND_BYTES,
  StepPlanError,
  type StepPlan,
} from '../../../electron/system/privileged-step';
import { validateFileName } from '../../../electron/system/file-name';
import { errorWords } from '../../../renderer/src/error-words';

test("file names: the seed article's 99-custom.conf and the default are accepted", () => {
  expect(validateFileName('99-custom.conf')).toEqual({ ok: true, name: '99-custom.conf' });
  expect(validateFileName('90-nonlocal-bind.conf')).toEqual({
    ok: true,
    name: '90-nonlocal-bind.conf',
  });
});

test('file names: each kind of bad input gets its own message', () => {
  const message = (n: unknown) => {
    const r = validateFileName(n);
    return r.ok ? 'ok' : errorWords(r.error);
  };
  expect(message('')).toMatch(/Enter a file name/);
  expect(message('a/b.conf')).toMatch(/without "\/"/);
  expect(message('.hidden.conf')).toMatch(/start with a letter or digit/);
  expect(message('-x.conf')).toMatch(/start with a letter or digit/);
  expect(message('my file.conf')).toMatch(/contains a space/);
  expect(message('a$b.conf')).toMatch(/contains "\$"/);
  expect(message('99-custom.cnf')).toMatch(/end in "\.conf"/);
  expect(message(`${'a'.repeat(196)}.conf`)).toMatch(/201 characters long; at most 200/);
  expect(message(42)).toMatch(/must be text/);
});

const valueArb = fc.oneof(fc.constantFrom<'0' | '1'>('0', '1'), fc.string() as fc.Arbitrary<'0'>);
const planArb: fc.Arbitrary<StepPlan> = fc.record({
  values: fc.dictionary(fc.oneof(fc.constantFrom('ipv4', 'ipv6'), fc.string()), valueArb),
  file: fc.oneof(
    fc.constant({ op: 'none' as const }),
    fc.record({
      op: fc.constant('write' as const),
      name: fc.oneof(
        fc.constantFrom('99-custom.conf', 'a.conf'),
        fc.string(),
        fc.string({ unit: 'binary' }),
      ),
      expectedSha256: fc.oneof(fc.constant(null), fc.stringMatching(/^[0-9a-f]{64}$/), fc.string()),
      content: fc.string({ unit: 'binary', maxLength: 200 }),
    }),
    fc.record({
      op: fc.constant('delete' as const),
      name: fc.oneof(fc.constant('99-custom.conf'), fc.string()),
      expectedSha256: fc.oneof(fc.constant(null), fc.string()),
    }),
  ),
});

test('property: any input is rejected before elevation or yields only safe command bytes (2,000 runs)', () => {
  fc.assert(
    fc.property(planArb, (plan) => {
      let command: string;
      try {
        command = buildElevatedCommand(buildStepArguments(plan));
      } catch (error) {
        assert.ok(error instanceof StepPlanError, String(error));
        return;
      }
      assert.match(command, SAFE_COMMAND_BYTES);
      // Only the constant frame holds bash's `<(…)` and `<<<`; the tokens hold nothing special.
      const frame = /^\/bin\/sh <\(gzip -dc <\(base64 -d <<< [A-Za-z0-9+/=]+\)\) /;
      assert.match(command, frame);
      assert.doesNotMatch(command.replace(frame, ''), /[$`\\"'!;&<>(){}*?~\n]/);
    }),
    { numRuns: 2000 },
  );
});

test('hostile file names never reach the command', () => {
  for (const name of [
    '$(reboot).conf',
    '`id`.conf',
    'a\\b.conf',
    'a";id;".conf',
    'x.conf;id',
    '../x.conf',
  ]) {
    expect(() =>
      buildStepArguments({
        values: { ipv4: '1' },
        file: { op: 'delete', name, expectedSha256: null },
      }),
    ).toThrow(StepPlanError);
  }
});
