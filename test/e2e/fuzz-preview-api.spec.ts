import { test, expect } from '@playwright/test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fc from 'fast-check';
import { startPreview } from '../support/preview';
import { hashTree } from '../support/tree-hash';

const CHANNELS = ['state:get', 'changes:plan', 'changes:apply', 'no:such-channel'];

test('fuzz: 10,000 arbitrary requests to the preview API get specific answers and change nothing', async () => {
  test.setTimeout(180_000);
  const preview = await startPreview({ args: ['--demo', 'fresh'] });
  await expect.poll(() => preview.stderr()).toContain('Demo data in ');
  const demoDir = /Demo data in (\S+)/.exec(preview.stderr())?.[1] ?? '';
  const before = await hashTree(demoDir);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const { port, host } = new URL(preview.origin);
  const send = (channel: string, body: string) =>
    new Promise<{
      status: number;
      json: { ok: boolean; error?: { code: string; message: string } };
    }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: Number(port),
          path: `/api/${channel}`,
          method: 'POST',
          agent,
          headers: {
            host,
            'content-type': 'application/json',
            'x-nonlocal-bind-token': preview.token,
          },
        },
        (res) => {
          let data = '';
          res.on('data', (c: Buffer) => (data += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const bodies = fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify({ payload: v })),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string(),
  );
  try {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), bodies, async (channel, body) => {
        const { status, json } = await send(channel, body);
        assert.notEqual(status, 500);
        if (!json.ok) {
          assert.ok(json.error && json.error.code !== 'internal-error', JSON.stringify(json));
          assert.ok((json.error?.message.length ?? 0) > 5);
        }
      }),
      { numRuns: 10_000 },
    );
    expect(await hashTree(demoDir)).toBe(before);
  } finally {
    agent.destroy();
    await preview.stop();
  }
});
