import { sshNodes } from '../../../../electron/system/target/node-target';
import { expect, test } from '@playwright/test';
import { OWN_NAMESPACE_ONLY } from '../../../../electron/demo/demo-namespaces';
import { createLocalTarget } from '../../../../electron/system/target/local-target';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createNodeHandlers } from '../../../../electron/handlers/node-handlers';
import type { Elevator } from '../../../../electron/system/elevate';
import {
  loadNodes,
  nodeStorePath,
  NodeStoreError,
} from '../../../../electron/system/nodes/node-store';
import { errorWords } from '../../../../renderer/src/error-words';

/** What the user reads for a refused node list: the renderer's words for the error's data. */
const wordsOf = (error: unknown) =>
  error instanceof NodeStoreError ? errorWords(error.error) : String(error);

test.describe('a node list the app did not write', () => {
  let dir: string;
  let file: string;
  test.beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'nb-store-'));
    file = nodeStorePath({ XDG_CONFIG_HOME: dir });
    mkdirSync(path.dirname(file), { recursive: true });
  });
  test.afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('a FIFO with no writer is refused at once, not waited on', async () => {
    execFileSync('mkfifo', [file]);
    const started = performance.now();
    const error = await loadNodes(file).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(NodeStoreError);
    expect(wordsOf(error)).toMatch(/cannot be read: a named pipe \(FIFO\).*Fix or remove it/);
  });

  test('a 10 MB file is refused without being read', async () => {
    writeFileSync(file, '');
    truncateSync(file, 10 * 1024 * 1024);
    const error = await loadNodes(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeStoreError);
    expect(wordsOf(error)).toMatch(/cannot be read: skipped: larger than 1 MiB \(10 MiB\)/);
  });

  test('bad JSON and a missing "nodes" array are errors in words', async () => {
    writeFileSync(file, '{not json');
    await expect(loadNodes(file)).rejects.toThrow(NodeStoreError);
    expect(wordsOf(await loadNodes(file).catch((e: unknown) => e))).toMatch(
      /is not valid JSON; fix or remove it/,
    );
    writeFileSync(file, '{"version": 1}');
    expect(wordsOf(await loadNodes(file).catch((e: unknown) => e))).toMatch(/has no "nodes" array/);
  });

  test('the handlers pass the reason on to the user instead of an internal error', async () => {
    const refusing: Elevator = {
      kind: 'simulated',
      runStep: () => Promise.reject(new Error('no step in this test')),
    };
    const target = createLocalTarget(
      { kind: 'this-computer' },
      { fsRoot: dir, platform: 'linux' },
      refusing,
    );
    const handlers = createNodeHandlers({
      target,
      demo: null,
      writeClipboard: null,
      saveTextFile: null,
      applyLog: { last: null },
      appVersion: 'test',
      nodes: {
        connect: sshNodes({ program: 'ssh', options: [], timeoutMs: 1000 }),
        storeFile: file,
        local: target,
      },
      listNamespaces: () => Promise.resolve(OWN_NAMESPACE_ONLY),
    });
    execFileSync('mkfifo', [file]);
    const fifo = await handlers['nodes:remove']({ node: 'lb-2' });
    expect(fifo).toMatchObject({ ok: false, error: { code: 'node-list-unreadable' } });
    expect(fifo.ok ? '' : errorWords(fifo.error)).toMatch(
      /^The node list .* cannot be read: a named pipe/,
    );
    rmSync(file);
    writeFileSync(file, '{not json');
    const json = await handlers['nodes:remove']({ node: 'lb-2' });
    expect(json).toMatchObject({ ok: false, error: { code: 'node-list-unreadable' } });
    expect(json.ok ? '' : errorWords(json.error)).toMatch(/not valid JSON/);
  });
});
