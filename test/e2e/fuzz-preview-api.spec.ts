import { test, expect } from '../support/fixtures';
import assert from 'node:assert/strict';
import http from 'node:http';
import fc from 'fast-check';
import { API_CHANNELS } from '../../electron/contract';
import { startPreview } from '../harness/preview';
import { describesProblem, fuzzPayload } from '../support/fuzz-payloads';
import { errorWords } from '../../renderer/src/error-words';
import type { ApiError } from '../../electron/contract';
import { hashTree, statFingerprint } from '../support/tree-hash';

// Every contract channel (so new ones are fuzzed automatically) plus one that does not exist.
const CHANNELS = [...Object.values(API_CHANNELS), 'no:such-channel'];

interface Answer {
  readonly status: number;
  readonly json: {
    ok: boolean;
    value?: { applied?: boolean };
    /** An ApiError, or the HTTP layer's own refusal (a code outside ErrorCode, with a message). */
    error?: { code: string; message?: string; details?: string };
  };
}

test('fuzz: 10,000 arbitrary requests to the preview API get specific answers and change nothing', async ({
  teardown,
}) => {
  test.setTimeout(180_000);
  const preview = await startPreview({ args: ['--demo', 'fresh'] });
  teardown(() => preview.stop());
  await expect.poll(() => preview.stderr()).toContain('Demo data in ');
  const demoDir = /Demo data in (\S+)/.exec(preview.stderr())?.[1] ?? '';
  // Keep-alive: 10,000 requests over a handful of sockets instead of 10,000 handshakes.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  teardown(() => agent.destroy());
  const { port, host } = new URL(preview.origin);
  const send = (channel: string, body: string) =>
    new Promise<Answer>((resolve, reject) => {
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
          res.on('end', () => {
            try {
              resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) as Answer['json'] });
            } catch {
              reject(new Error(`not JSON (${res.statusCode}): ${data.slice(0, 200)}`));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const bodies = fc.oneof(
    { weight: 6, arbitrary: fuzzPayload.map((v) => JSON.stringify({ payload: v })) },
    { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string() },
  );
  // The demo's "elevation" really edits the demo tree, so a well-formed Apply may change it;
  // after any other answer the tree must be byte-for-byte what it was.
  let baseline = { hash: await hashTree(demoDir), stat: statFingerprint(demoDir) };
  const counts = { refused: 0, applied: 0, ok: 0 };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...CHANNELS), bodies, async (channel, body) => {
      const { status, json } = await send(channel, body);
      assert.notEqual(status, 500, JSON.stringify(json));
      assert.equal(typeof json.ok, 'boolean');
      if (json.ok && json.value?.applied === true) {
        counts.applied += 1;
        baseline = { hash: await hashTree(demoDir), stat: statFingerprint(demoDir) };
        return;
      }
      if (json.ok) counts.ok += 1;
      else {
        counts.refused += 1;
        const error = json.error;
        assert.ok(error && error.code !== 'internal-error', JSON.stringify(json));
        assert.ok(
          (error.message ?? errorWords(error as ApiError)).length > 5,
          JSON.stringify(error),
        );
        if (error.code === 'invalid-payload') {
          assert.ok(
            describesProblem(channel, error.details) || error.details?.startsWith('Body must be'),
            error.details,
          );
        }
      }
      assert.equal(statFingerprint(demoDir), baseline.stat, `${channel} touched the demo tree`);
    }),
    { numRuns: 10_000 },
  );
  expect(await hashTree(demoDir)).toBe(baseline.hash);
  console.log(`preview fuzz: ${JSON.stringify(counts)}`);
  expect(counts.refused).toBeGreaterThan(5_000);
});
