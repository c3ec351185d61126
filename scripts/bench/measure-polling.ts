import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { API_PATH_PREFIX, API_TOKEN_HEADER } from '../../electron/contract';
import { LIVE_POLL_MS } from '../../renderer/src/use-live-values';
import { startPreview } from '../../test/harness/preview';
import { round } from './stats';

/**
 * CPU time a process has used, in ns: the sum over its threads (the reader runs on a
 * worker thread of its own), from schedstat's nanosecond counter rather than the
 * 10 ms ticks of /proc/PID/stat.
 */
async function cpuNs(pid: number): Promise<number> {
  let total = 0;
  for (const task of await readdir(`/proc/${pid}/task`)) {
    const text = await readFile(`/proc/${pid}/task/${task}/schedstat`, 'utf8').catch(() => '');
    total += Number(text.split(' ')[0] ?? 0) || 0;
  }
  return total;
}

/** Runs `during` for `seconds` and returns the backend's CPU use over that time, in % of one core. */
async function corePercent(pid: number, seconds: number, during: (until: number) => Promise<void>) {
  const start = await cpuNs(pid);
  const began = performance.now();
  await during(began + seconds * 1000);
  const wallNs = (performance.now() - began) * 1e6;
  return (((await cpuNs(pid)) - start) / wallNs) * 100;
}

/**
 * What the renderer's live values cost the backend (renderer/src/use-live-values.ts): the
 * preview serving this computer, first left idle, then asked for the state every
 * LIVE_POLL_MS as a visible window asks, through the same HTTP API. The goal: the polling
 * costs at most 1% of one core. Only reads: nothing on this computer is changed.
 */
export async function measurePolling(seconds: number) {
  const preview = await startPreview();
  const pid = preview.process.pid;
  if (pid === undefined) throw new Error('the preview has no pid');
  try {
    const ask = async () => {
      const response = await fetch(`${preview.origin}${API_PATH_PREFIX}state:get`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [API_TOKEN_HEADER]: preview.token },
        body: JSON.stringify({ payload: null }),
      });
      const answer = (await response.json()) as { ok: boolean };
      if (!answer.ok) throw new Error('state:get failed');
    };
    // The first reads fill the reader's caches, as the window's first paint does.
    for (let i = 0; i < 3; i += 1) await ask();
    await sleep(2_500);
    const idle = await corePercent(pid, seconds, (until) => sleep(until - performance.now()));
    let reads = 0;
    const polling = await corePercent(pid, seconds, async (until) => {
      while (performance.now() + LIVE_POLL_MS <= until) {
        await ask();
        reads += 1;
        await sleep(LIVE_POLL_MS);
      }
      await sleep(Math.max(0, until - performance.now()));
    });
    const cost = Math.max(0, polling - idle);
    return {
      seconds,
      intervalMs: LIVE_POLL_MS,
      reads,
      idleCorePercent: round(idle, 3),
      pollingCorePercent: round(polling, 3),
      costCorePercent: round(cost, 3),
      cpuMsPerRead: reads > 0 ? round(((cost / 100) * seconds * 1000) / reads, 2) : null,
    };
  } finally {
    await preview.stop();
  }
}
