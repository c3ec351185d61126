// Child entry of measure-netns-read.ts, run inside the bench sandbox as the bench user:
// alternates one runtime-only Apply and one read inside the namespaces named in argv[2],
// both through the elevator the app chooses for this uid, and prints their times as JSON.
import type { NamespaceRef } from '../../electron/system/netns/namespace-step-types';
import { readInsideNamespaces } from '../../electron/system/netns/namespace-step';
import { applyChanges } from '../../electron/system/change/run';
import { createElevatorFor } from '../../electron/system/elevate';
import { SETTINGS } from '../../electron/system/settings';
import { createLocalTarget } from '../../electron/system/target/local-target';

const refs = JSON.parse(process.argv[2] ?? '[]') as NamespaceRef[];
const runs = Number(process.argv[3] ?? '1');
const ctx = { fsRoot: '/', platform: 'linux' as const };
const target = createLocalTarget(
  { kind: 'this-computer' },
  ctx,
  createElevatorFor(process.getuid?.() ?? -1, '/'),
);
const apply: number[] = [];
const read: number[] = [];
for (let i = 0; i < runs; i += 1) {
  let started = performance.now();
  const applied = await applyChanges(target, {
    values: { ipv4: i % 2 === 0 ? 1 : 0 },
    persistence: { kind: 'runtime' },
  });
  apply.push(performance.now() - started);
  if (!applied.applied) throw new Error(`apply failed: ${JSON.stringify(applied)}`);
  started = performance.now();
  const inside = await readInsideNamespaces(target.runStep, refs, SETTINGS);
  read.push(performance.now() - started);
  if (!inside.ok) throw new Error(`read inside failed: ${JSON.stringify(inside.error)}`);
  if (inside.readings.some((r) => !r.ok)) throw new Error('a namespace could not be read');
}
process.stdout.write(JSON.stringify({ apply, read }));
