import net from 'node:net';

/**
 * A local program flooding the preview with connections that never make a request: the
 * attack of issue 22 item 7, run as its own process. Loopback only. Each of `sockets`
 * connections reconnects after a random short pause whenever the server closes it; every
 * `halfHeadersEvery`-th one sends the start of a request line first and then nothing
 * more. Bounded twice: it stops after `durationMs`, or earlier when its stdin ends, and it
 * never opens more than `maxConnects` connections in all. Prints one JSON line at the end.
 *
 * Usage: node idle-flood-cli.mjs '{"port":N,"sockets":N,...}'
 */
interface FloodPlan {
  readonly port: number;
  readonly sockets: number;
  readonly halfHeadersEvery: number;
  readonly reconnectMaxMs: number;
  readonly durationMs: number;
  readonly maxConnects: number;
}

function readPlan(text: string | undefined): FloodPlan {
  const raw: unknown = JSON.parse(text ?? '');
  const keys = ['port', 'sockets', 'halfHeadersEvery', 'reconnectMaxMs', 'durationMs'] as const;
  const plan = raw as Record<string, unknown>;
  for (const key of [...keys, 'maxConnects'] as const) {
    if (!Number.isSafeInteger(plan[key]) || (plan[key] as number) < 0) {
      throw new Error(`plan.${key} must be a whole number`);
    }
  }
  return raw as FloodPlan;
}

const plan = readPlan(process.argv[2]);
const started = Date.now();
const open = new Set<net.Socket>();
let connects = 0;
let connected = 0;
let closedByServer = 0;
let stopping = false;

function connect(slot: number): void {
  if (stopping || connects >= plan.maxConnects) return;
  connects += 1;
  const socket = net.connect(plan.port, '127.0.0.1');
  open.add(socket);
  socket.on('connect', () => {
    connected += 1;
    if (plan.halfHeadersEvery > 0 && slot % plan.halfHeadersEvery === 0) {
      socket.write('GET / HTTP/1.1\r\n');
    }
  });
  socket.on('data', () => undefined);
  socket.on('error', () => undefined);
  socket.on('close', () => {
    open.delete(socket);
    if (stopping) return;
    closedByServer += 1;
    setTimeout(() => connect(slot), Math.floor(Math.random() * (plan.reconnectMaxMs + 1)));
  });
}

function stop(): void {
  if (stopping) return;
  stopping = true;
  for (const socket of open) socket.destroy();
  const report = { connects, connected, closedByServer, ranForMs: Date.now() - started };
  process.stdout.write(`${JSON.stringify(report)}\n`, () => process.exit(0));
}

for (let slot = 0; slot < plan.sockets; slot += 1) connect(slot);
setTimeout(stop, plan.durationMs);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
