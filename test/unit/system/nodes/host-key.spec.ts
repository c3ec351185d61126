import { expect, test } from '@playwright/test';
import { errorWords } from '../../../../renderer/src/error-words';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseDestination, type Destination } from '../../../../electron/system/nodes/destination';
import { scanHostKey, userKnownHostsFile } from '../../../../electron/system/nodes/host-key';
import type { SshSettings } from '../../../../electron/system/nodes/ssh-runner';

function destination(text: string): Destination {
  const d = parseDestination(text);
  if (!d.ok) throw new Error(errorWords(d.error));
  return d.destination;
}

test.describe('host-key steps end on their own', () => {
  let dir: string;
  test.beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'nb-hostkey-'));
  });
  test.afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('a "node" that accepts the connection and never answers: the scan times out', async () => {
    // Loopback only: the silent peer is a listener of this test, nothing leaves the machine.
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    try {
      writeFileSync(path.join(dir, 'config'), '');
      const settings: SshSettings = {
        program: 'ssh',
        options: ['-F', path.join(dir, 'config')],
        timeoutMs: 1500,
      };
      const started = performance.now();
      const scan = await scanHostKey(settings, destination(`nobody@127.0.0.1:${address.port}`));
      const elapsed = performance.now() - started;
      expect(scan).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
      expect(scan.ok ? '' : errorWords(scan.failure.error)).toContain('within 1.5 s');
      // Well before ssh's own ConnectTimeout (10 s) would end the banner wait.
      expect(elapsed).toBeLessThan(6000);
      expect(sockets.size).toBeLessThanOrEqual(1);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('an ssh config whose Match exec never ends: ssh -G is stopped with an error in words', async () => {
    const config = path.join(dir, 'config');
    writeFileSync(config, 'Match exec "sleep 20"\n  User nobody\n');
    const settings: SshSettings = { program: 'ssh', options: ['-F', config], timeoutMs: 1500 };
    const started = performance.now();
    await expect(userKnownHostsFile(settings, destination('lb-2'))).rejects.toThrow(
      /ssh -G for lb-2 did not finish within 1\.5 s; check the Match exec lines/,
    );
    expect(performance.now() - started).toBeLessThan(6000);
  });

  test('an ordinary config still gives its known_hosts file', async () => {
    const config = path.join(dir, 'config');
    writeFileSync(config, `UserKnownHostsFile ${path.join(dir, 'known')}\n`);
    const settings: SshSettings = { program: 'ssh', options: ['-F', config], timeoutMs: 5000 };
    expect(await userKnownHostsFile(settings, destination('lb-2'))).toBe(path.join(dir, 'known'));
  });
});
