import { mkdtempSync, rmSync } from 'node:fs';
import { errorWords } from '../../../../renderer/src/error-words';
import type { Elevator } from '../../../../electron/system/elevator';
import {
  createLocalTarget,
  type LocalTarget,
} from '../../../../electron/system/target/local-target';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { NodeServices } from '../../../../electron/handlers/deps';
import { sshNodes } from '../../../../electron/system/target/node-target';
import { applyOrFail } from '../../../../electron/system/pair/apply-alike';
import { planOrFail, type Planned } from '../../../../electron/system/pair/make-alike';
import { stepArguments, type StepPlan } from '../../../../electron/system/privileged-step';

// The last net under one machine's Apply and plan: whatever throws there (here an elevator
// that fails in a way no code path expects) must become that machine's own outcome, never a
// rejection that takes every other machine's outcome down with it.

let root: string;
test.beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'nb-alike-'));
});
test.afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function targetWithElevator(runStep: Elevator['runStep']): LocalTarget {
  return createLocalTarget(
    { kind: 'this-computer' },
    { fsRoot: root, platform: 'linux' },
    { kind: 'direct', runStep },
  );
}

const services = (local: LocalTarget): NodeServices => ({
  connect: sshNodes({ program: 'ssh', options: [], timeoutMs: 1_000 }),
  storeFile: '/nonexistent/nodes',
  local,
});

function localChange(): Planned {
  const step: StepPlan = { values: { ipv4: '1' }, file: { op: 'none' } };
  const built = stepArguments(step);
  if (!built.ok) throw new Error(built.error.code);
  const failure = { ok: false, error: { code: 'malformed' } } as const;
  return {
    column: {
      column: { id: 'local', name: 'This computer (t)', kind: 'local', read: failure },
      read: failure,
      destination: null,
    },
    plan: {
      kind: 'change',
      step,
      args: built.args,
      file: null,
      changes: [{ when: 'now', id: 'ipv4', from: 0, to: 1 }],
    },
  };
}

test('an Apply that throws on one machine becomes that machine’s failed outcome, named', async () => {
  const target = targetWithElevator(() => Promise.reject(new Error('elevator fell over')));
  const outcome = await applyOrFail(services(target), localChange(), null);
  expect(outcome).toEqual({
    id: 'local',
    name: 'This computer (t)',
    status: 'failed',
    // The renderer words it (pair-outcome-words.ts): "the Apply there stopped on an unexpected error".
    detail: { kind: 'crashed' },
  });
});

test('a plan that throws on one machine leaves that machine out, with its reason', async () => {
  const target: LocalTarget = {
    ...targetWithElevator(() => Promise.reject(new Error('unused'))),
    // Reading how it authenticates is the first thing the plan does for this computer.
    get authentication(): LocalTarget['authentication'] {
      throw new Error('elevator unavailable');
    },
  };
  const plan = await planOrFail(services(target), localChange());
  expect(plan.error && errorWords(plan.error)).toContain('this machine is left out');
  expect(plan).toMatchObject({
    id: 'local',
    authentication: 'none',
    error: {
      code: 'plan-failed',
      data: { from: 'machine', code: 'plan-failed', name: 'This computer (t)' },
    },
  });
});
