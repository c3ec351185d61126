import { expect, test } from '@playwright/test';
import { runCapped } from '../../../electron/system/capped-run';

test('a timed-out program whose child keeps its pipes open still returns at the timeout', async () => {
  const started = performance.now();
  // The shell is killed at the timeout; the background sleep keeps stdout and stderr open.
  const result = await runCapped('/bin/sh', ['-c', 'sleep 8 & echo started; wait'], '', {
    outputCap: 4096,
    timeoutMs: 700,
  });
  expect(performance.now() - started).toBeLessThan(4000);
  expect(result).toMatchObject({ timedOut: true, overflow: false, status: null });
  expect(result.stdout.toString('utf8')).toBe('started\n');
});

test('output past the cap stops the program, even with a child holding the pipe', async () => {
  const started = performance.now();
  const result = await runCapped(
    '/bin/sh',
    ['-c', 'sleep 8 & head -c 100000 /dev/zero; wait'],
    '',
    { outputCap: 1000, timeoutMs: 30_000 },
  );
  expect(performance.now() - started).toBeLessThan(4000);
  expect(result).toMatchObject({ timedOut: false, overflow: true });
  expect(result.stdout.length).toBeLessThanOrEqual(1000);
});

test('a program that ends by itself gives its whole output and status', async () => {
  const result = await runCapped('/bin/sh', ['-c', 'cat; echo err >&2; exit 3'], 'in', {
    outputCap: 4096,
    timeoutMs: 10_000,
  });
  expect(result).toMatchObject({ status: 3, timedOut: false, overflow: false, stderr: 'err\n' });
  expect(result.stdout.toString('utf8')).toBe('in');
});
