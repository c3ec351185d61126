import { test, expect } from '@playwright/test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Channel } from '../../../electron/contract';
import { createDemoRoot, findDemoScenario } from '../../../electron/demo/scenarios';
import { createHandlerTable } from '../../../electron/handlers/handler-table';
import type { Elevator } from '../../../electron/system/elevate';
import { hashTree } from '../../support/tree-hash';

/** Near-misses of real payloads, so the fuzzer reaches the deeper checks, not just "not an object". */
const nearMiss = fc.oneof(
  fc.record(
    {
      values: fc.oneof(
        fc.jsonValue(),
        fc.record({ ipv4: fc.jsonValue(), ipv6: fc.jsonValue() }, { requiredKeys: [] }),
      ),
      persistence: fc.oneof(
        fc.jsonValue(),
        fc.record(
          {
            kind: fc.oneof(
              fc.constantFrom('runtime', 'persist', 'unpersist', 'persist-sysctl-conf'),
              fc.string(),
            ),
            fileName: fc.oneof(fc.string(), fc.jsonValue()),
            expectedSha256: fc.oneof(fc.constant(null), fc.string(), fc.jsonValue()),
            resetRuntime: fc.jsonValue(),
            extra: fc.jsonValue(),
          },
          { requiredKeys: ['kind'] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);

test('fuzz: 10,000 arbitrary payloads through the handler table never throw, never elevate, never write', async () => {
  test.setTimeout(120_000);
  const scenario = findDemoScenario('fresh');
  if (!scenario) throw new Error('fresh scenario missing');
  const root = await createDemoRoot(scenario);
  const elevations: unknown[] = [];
  const recording: Elevator = {
    kind: 'simulated',
    runStep: async (args) => {
      elevations.push(args);
      return { kind: 'ran', exitCode: 0, stdout: '', stderr: '' };
    },
  };
  const table = createHandlerTable({
    ctx: { fsRoot: root.fsRoot, platform: 'linux' },
    demo: { scenario: 'fresh', summary: 'fuzz' },
    elevator: recording,
    writeClipboard: null,
    saveTextFile: null,
    applyLog: { last: null },
    appVersion: 'fuzz',
  });
  const channels = Object.keys(table) as Channel[];
  const before = await hashTree(root.fsRoot);
  let invalid = 0;
  try {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), nearMiss, async (channel, payload) => {
        const answer = await table[channel](payload);
        assert.equal(typeof answer.ok, 'boolean');
        if (!answer.ok) {
          assert.notEqual(answer.error.code, 'internal-error', answer.error.details);
          assert.ok(answer.error.message.length > 10);
          if (answer.error.code === 'invalid-payload') {
            invalid += 1;
            // Names the channel and what is wrong, not just "bad request".
            assert.match(answer.error.message, new RegExp(`^Invalid request for ${channel}: .+`));
          }
        } else if (channel === 'changes:apply' || channel === 'changes:plan') {
          // A structurally valid request still never ran anything here (checked below).
          assert.ok(answer.value);
        }
      }),
      { numRuns: 10_000 },
    );
    expect(await hashTree(root.fsRoot)).toBe(before);
  } finally {
    await root.dispose().catch(() => undefined);
  }
  expect(invalid).toBeGreaterThan(5_000);
  expect(elevations).toEqual([]);
});
