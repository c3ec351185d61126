import { test, expect } from '@playwright/test';
import {
  createPolkitElevator,
  type Elevator,
  type StepRun,
} from '../../../electron/system/elevate';
import type { HelperCheck } from '../../../electron/system/step-helper';

/** Which path createPolkitElevator takes, with both paths recorded instead of run. */
function recorder(name: string, calls: string[]): Elevator {
  return {
    kind: 'polkit',
    runStep: async (args): Promise<StepRun> => {
      calls.push(`${name} ${args.join(' ')}`);
      return { kind: 'ran', exitCode: 0, stdout: '', stderr: '' };
    },
  };
}

test('a usable helper is run through pkexec; otherwise sudo-prompt; decided on every Apply', async () => {
  const calls: string[] = [];
  let found: HelperCheck = { usable: true, path: '/usr/lib/nonlocal-bind/nonlocal-bind-step' };
  const elevator = createPolkitElevator(
    () => found,
    (path) => recorder(`helper ${path}`, calls),
    recorder('sudo-prompt', calls),
  );
  await elevator.runStep(
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'none', '-', 'absent', '-'],
    [],
  );
  found = { usable: false, reason: 'differs' };
  await elevator.runStep(
    ['v2', 'net.ipv4.ip_nonlocal_bind=0', '--', 'none', '-', 'absent', '-'],
    [],
  );
  expect(calls).toEqual([
    'helper /usr/lib/nonlocal-bind/nonlocal-bind-step v2 net.ipv4.ip_nonlocal_bind=1 -- none - absent -',
    'sudo-prompt v2 net.ipv4.ip_nonlocal_bind=0 -- none - absent -',
  ]);
  expect(elevator.kind).toBe('polkit');
});
