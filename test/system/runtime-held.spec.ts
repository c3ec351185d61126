import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { bundleForChild } from '../harness/bundle';
import { createSandbox } from '../harness/sandbox';

/**
 * A running value read on the main thread comes from its /proc/sys file held open
 * (sysctl-read-held.ts). Whatever happens between two reads, the next read says what the
 * path names now: the kernel's new value, a file mounted over the path, a link on the way
 * pointed elsewhere. Each read also lists the value files held at that moment, so the
 * test shows the held descriptor was the one read.
 */
interface Read {
  readonly step: string;
  readonly values: unknown[];
  readonly held: string[];
}

const value = (v: number) => ({ kind: 'value', value: v });
const raw = (text: string) => ({ kind: 'unexpected', raw: text });
const HELD = ['/proc/sys/net/ipv4/ip_nonlocal_bind', '/proc/sys/net/ipv6/ip_nonlocal_bind'];

test('a held running value never answers for a path that names something else now', async () => {
  const hostBefore = readFileSync('/proc/sys/net/ipv4/ip_nonlocal_bind', 'utf8');
  const sandbox = await createSandbox();
  try {
    const cli = await bundleForChild('test/system/fixtures/held-value-cli.ts');
    const run = sandbox.run(process.execPath, [cli, sandbox.scratch], { timeoutMs: 60_000 });
    const reads = JSON.parse(run.stdout) as Read[];
    const at = (step: string) => reads.filter((r) => r.step === step);
    const [vetted, held, fromHeld] = at('start');
    expect(vetted?.values).toEqual([value(0), value(0)]);
    // Held once read on the main thread, and read from what is held afterwards.
    expect(held?.held).toEqual(HELD);
    expect(fromHeld).toEqual({ step: 'start', values: [value(0), value(0)], held: HELD });
    expect(at('kernel value changed')).toEqual([
      { step: 'kernel value changed', values: [value(1), value(0)], held: HELD },
    ]);
    expect(at('a file mounted over the path').map((r) => r.values)).toEqual([
      [raw('7\n'), value(0)],
    ]);
    expect(at('unmounted').map((r) => r.values)).toEqual([
      [value(1), value(0)],
      [value(1), value(0)],
    ]);
    expect(at('unmounted')[1]?.held).toEqual(HELD);
    // The files behind the new link are on disk: read afresh, nothing of /proc held.
    expect(at('the link pointed elsewhere')).toEqual([
      { step: 'the link pointed elsewhere', values: [raw('5\n'), raw('5\n')], held: [] },
      { step: 'the link pointed elsewhere', values: [raw('5\n'), raw('5\n')], held: [] },
    ]);
  } finally {
    await sandbox.dispose();
  }
  expect(readFileSync('/proc/sys/net/ipv4/ip_nonlocal_bind', 'utf8')).toBe(hostBefore);
});
