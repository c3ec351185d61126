import http from 'node:http';

/**
 * The page's side, as its own process: POSTs to the preview's API with the token, either
 * each time on a fresh connection or all on one kept-alive connection (as a browser does
 * between calls), pausing `gapsMs[i]` after call i. Loopback only, one call at a time,
 * each bounded by `timeoutMs`. Prints one JSON line with every call's outcome.
 *
 * Usage: node page-probe-cli.mjs '{"port":N,"token":"…","keepAlive":true,...}'
 */
interface ProbePlan {
  readonly port: number;
  readonly token: string;
  readonly channel: string;
  readonly keepAlive: boolean;
  readonly gapsMs: readonly number[];
  readonly timeoutMs: number;
}

export interface ProbeCall {
  readonly status: number | null;
  readonly error: string | null;
  readonly ms: number;
  readonly localPort: number | null;
  readonly startedAtMs: number;
}

function readPlan(text: string | undefined): ProbePlan {
  const raw = JSON.parse(text ?? '') as Partial<ProbePlan>;
  if (
    !Number.isSafeInteger(raw.port) ||
    typeof raw.token !== 'string' ||
    typeof raw.channel !== 'string' ||
    typeof raw.keepAlive !== 'boolean' ||
    !Array.isArray(raw.gapsMs) ||
    !raw.gapsMs.every((gap) => Number.isSafeInteger(gap)) ||
    !Number.isSafeInteger(raw.timeoutMs)
  ) {
    throw new Error('plan must be {port, token, channel, keepAlive, gapsMs[], timeoutMs}');
  }
  return raw as ProbePlan;
}

const plan = readPlan(process.argv[2]);
const agent = plan.keepAlive ? new http.Agent({ keepAlive: true, maxSockets: 1 }) : false;
const body = JSON.stringify({ payload: null });
const origin = performance.now();

function call(): Promise<ProbeCall> {
  const started = performance.now();
  const done = (status: number | null, error: string | null, localPort: number | null) => ({
    status,
    error,
    ms: Math.round(performance.now() - started),
    localPort,
    startedAtMs: Math.round(started - origin),
  });
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: plan.port,
        path: `/api/${plan.channel}`,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'x-nonlocal-bind-token': plan.token,
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const localPort = response.socket.localPort ?? null;
        response.resume();
        response.on('end', () => resolve(done(response.statusCode ?? null, null, localPort)));
        response.on('error', (error) => resolve(done(null, error.message, localPort)));
      },
    );
    request.setTimeout(plan.timeoutMs, () => request.destroy(new Error('timed out')));
    request.on('error', (error: NodeJS.ErrnoException) => {
      resolve(done(null, error.code ?? error.message, null));
    });
    request.end(body);
  });
}

const calls: ProbeCall[] = [];
for (let i = 0; i <= plan.gapsMs.length; i += 1) {
  calls.push(await call());
  const gap = plan.gapsMs[i];
  if (gap !== undefined) await new Promise((resolve) => setTimeout(resolve, gap));
}
if (agent) agent.destroy();
process.stdout.write(`${JSON.stringify(calls)}\n`, () => process.exit(0));
