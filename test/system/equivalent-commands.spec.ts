import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import type { ApplyRequest, CommandBlock } from '../../electron/contract';
import { applyInSandbox } from '../harness/apply-child';
import { bundleForChild } from '../harness/bundle';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { captionWords } from '../../renderer/src/words/command-words';

const FILE = '/etc/sysctl.d/60-site.conf';
const EXISTING = '# site tuning\r\nnet.ipv4.ip_forward = 1\r\nnet/ipv4/ip_nonlocal_bind = 0\r\n';
const sha = (t: string) => createHash('sha256').update(t).digest('hex');

function snapshot(s: Sandbox) {
  return {
    v4: s.readText('/proc/sys/net/ipv4/ip_nonlocal_bind'),
    v6: s.readText('/proc/sys/net/ipv6/ip_nonlocal_bind'),
    file: s.readText(FILE),
    mode: s.run('stat', ['-c', '%a %u', FILE]).stdout,
  };
}

/** Runs the shown commands as an administrator would, with `sudo` standing for "as root". */
function runByHand(s: Sandbox, commands: string): void {
  s.run('bash', ['-e', '-c', `sudo() { "$@"; }\n${commands}`]);
}

test('the shown commands do exactly what Apply does (runtime, file bytes, both forms)', async () => {
  const request: ApplyRequest = {
    values: { ipv4: 1, ipv6: 1 },
    persistence: { kind: 'persist', fileName: '60-site.conf', expectedSha256: sha(EXISTING) },
  };
  const byApp = await createSandbox();
  const byHand = await createSandbox();
  const byEcho = await createSandbox();
  const planCli = await bundleForChild('test/system/fixtures/plan-cli.ts');
  try {
    for (const s of [byApp, byHand, byEcho]) s.writeText(FILE, EXISTING);
    const blocks = JSON.parse(
      byHand.run(process.execPath, [planCli, JSON.stringify(request)]).stdout,
    ) as CommandBlock[];
    expect(blocks.map((b) => captionWords(b.caption))).toEqual([
      'Set the running value (sysctl)',
      'Or the same by writing /proc/sys directly',
      `Write ${FILE} (complete new content)`,
      'Load that file now (also applies any other keys it sets)',
    ]);
    expect(blocks[0]?.commands).toBe(
      'sudo sysctl -w net.ipv4.ip_nonlocal_bind=1\nsudo sysctl -w net.ipv6.ip_nonlocal_bind=1',
    );

    expect(await applyInSandbox(byApp, request)).toMatchObject({ applied: true });
    runByHand(byHand, `${blocks[0]?.commands}\n${blocks[2]?.commands}`);
    runByHand(byEcho, `${blocks[1]?.commands}\n${blocks[2]?.commands}`);
    const expected = snapshot(byApp);
    expect(expected.file).toBe(
      '# site tuning\r\nnet.ipv4.ip_forward = 1\r\nnet/ipv4/ip_nonlocal_bind = 1\r\nnet.ipv6.ip_nonlocal_bind = 1\r\n',
    );
    expect(snapshot(byHand)).toEqual(expected);
    expect(snapshot(byEcho)).toEqual(expected);

    // Loading the written file by hand gives the same runtime values too.
    byHand.run('sh', [
      '-c',
      'echo 0 > /proc/sys/net/ipv4/ip_nonlocal_bind; echo 0 > /proc/sys/net/ipv6/ip_nonlocal_bind',
    ]);
    runByHand(byHand, blocks[3]?.commands ?? 'false');
    expect(snapshot(byHand)).toEqual(expected);
  } finally {
    for (const s of [byApp, byHand, byEcho]) await s.dispose();
  }
});
