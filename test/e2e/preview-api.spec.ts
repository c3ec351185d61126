import { test, expect } from '@playwright/test';
import { startPreview, type RunningPreview } from '../harness/preview';
import http from 'node:http';

let preview: RunningPreview;
test.beforeAll(async () => {
  preview = await startPreview({ args: ['--demo', 'fresh'] });
});
test.afterAll(async () => {
  await preview.stop();
});

/** Raw HTTP so tests control Host and Origin exactly (fetch forbids setting Host). */
function post(
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; json: unknown }> {
  const url = new URL(preview.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: Number(url.port), path, method: 'POST', headers },
      (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) as unknown }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const headers = () => ({
  host: new URL(preview.origin).host,
  'content-type': 'application/json',
  'x-nonlocal-bind-token': preview.token,
});

test('the API answers state:get with the demo state', async () => {
  const answer = await post('/api/state:get', headers(), '{"payload":null}');
  expect(answer.status).toBe(200);
  expect(answer.json).toMatchObject({ ok: true, value: { demo: { scenario: 'fresh' } } });
});

test('the API refuses requests without the token, with a foreign Origin or Host', async () => {
  const { 'x-nonlocal-bind-token': _t, ...noToken } = headers();
  expect((await post('/api/state:get', noToken, '{}')).status).toBe(403);
  expect(
    (await post('/api/state:get', { ...headers(), origin: 'http://evil.example' }, '{}')).status,
  ).toBe(403);
  expect(
    (await post('/api/state:get', { ...headers(), host: 'rebind.example' }, '{}')).status,
  ).toBe(403);
});

test('bad payloads and unknown channels get specific errors', async () => {
  expect(await post('/api/state:get', headers(), '{"payload":{"x":1}}')).toMatchObject({
    json: { ok: false, error: { code: 'invalid-payload' } },
  });
  expect(await post('/api/nope', headers(), '{}')).toMatchObject({
    status: 404,
    json: { error: { code: 'unknown-channel' } },
  });
  expect(await post('/api/state:get', headers(), '{not json')).toMatchObject({
    status: 400,
    json: { error: { code: 'invalid-json' } },
  });
});

test('the preview listens on 127.0.0.1 only', () => {
  expect(new URL(preview.url).hostname).toBe('127.0.0.1');
});
