import { test, expect } from '@playwright/test';
import { OWN_NAMESPACE_ONLY } from '../../../electron/demo/demo-namespaces';
import { createLocalTarget } from '../../../electron/system/target/local-target';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Channel } from '../../../electron/contract';
import { createDemoRoot, findDemoScenario } from '../../../electron/demo/scenarios';
import { createHandlerTable } from '../../../electron/handlers/handler-table';
import type { Elevator } from '../../../electron/system/elevate';
import { describesProblem, fuzzPayload } from '../../support/fuzz-payloads';
import { errorWords } from '../../../renderer/src/error-words';
import { hashTree } from '../../support/tree-hash';

// Checklist #17's second half: payloads are validated in main. Iterates over whatever
// channels the table has, so a new channel is fuzzed without touching this file.
test('fuzz: 10,000 arbitrary payloads through the handler table never throw, never elevate, never write', async () => {
  test.setTimeout(120_000);
  const scenario = findDemoScenario('fresh');
  if (!scenario) throw new Error('fresh scenario missing');
  const root = await createDemoRoot(scenario);
  // Recorders, not fakes of the system: they stand where elevation and the clipboard
  // would be and only note that they were asked.
  const elevations: (readonly string[])[] = [];
  const recording: Elevator = {
    kind: 'simulated',
    runStep: async (args) => {
      elevations.push(args);
      return { kind: 'ran', exitCode: 0, stdout: '', stderr: '' };
    },
  };
  const clipboard: string[] = [];
  const saved: string[] = [];
  const table = createHandlerTable({
    target: createLocalTarget(
      { kind: 'demo', scenario: 'fresh' },
      { fsRoot: root.fsRoot, platform: 'linux' },
      recording,
    ),
    demo: { scenario: 'fresh', summary: 'fuzz' },
    writeClipboard: (text) => clipboard.push(text),
    saveTextFile: async (name) => {
      saved.push(name);
      return null;
    },
    applyLog: { last: null },
    appVersion: 'fuzz',
    nodes: null,
    listNamespaces: () => Promise.resolve(OWN_NAMESPACE_ONLY),
  });
  const channels = Object.keys(table) as Channel[];
  const before = await hashTree(root.fsRoot);
  const counts = { invalid: 0, accepted: 0, elevated: 0 };
  try {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), fuzzPayload, async (channel, payload) => {
        const elevationsBefore = elevations.length;
        const clipboardBefore = clipboard.length;
        const savedBefore = saved.length;
        const answer = await table[channel](payload);
        assert.equal(typeof answer.ok, 'boolean');
        const elevated = elevations.length - elevationsBefore;
        if (!answer.ok) {
          assert.notEqual(answer.error.code, 'internal-error', answer.error.details);
          assert.ok(errorWords(answer.error).length > 10, JSON.stringify(answer.error));
          if (answer.error.code === 'invalid-payload') {
            counts.invalid += 1;
            assert.ok(describesProblem(channel, answer.error.details), answer.error.details);
          }
          // Refused requests never reach elevation or the clipboard.
          assert.equal(elevated, 0, `${channel} elevated for a refused payload`);
          assert.equal(clipboard.length, clipboardBefore);
          assert.equal(saved.length, savedBefore);
          return;
        }
        counts.accepted += 1;
        // Only a validated Apply may elevate, and then exactly once.
        assert.ok(elevated === 0 || (channel === 'changes:apply' && elevated === 1));
        counts.elevated += elevated;
        if (channel !== 'clipboard:write') assert.equal(clipboard.length, clipboardBefore);
        if (channel !== 'diagnostics:save') assert.equal(saved.length, savedBefore);
      }),
      { numRuns: 10_000 },
    );
    // The recorder ran nothing, and no handler wrote on its own.
    expect(await hashTree(root.fsRoot)).toBe(before);
  } finally {
    await root.dispose().catch(() => undefined);
  }
  console.log(`handler fuzz: ${JSON.stringify(counts)}`);
  expect(counts.invalid).toBeGreaterThan(5_000);
  // The recorder is wired: well-formed Applies did reach it, so "never elevated" above means something.
  expect(counts.elevated).toBeGreaterThan(0);
});
