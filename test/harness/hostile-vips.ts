import type { Envelope, VipBudgetExhausted } from '../../electron/contract';
import type { Sandbox } from './sandbox';

/**
 * Load-balancer configuration that tries to crash, stall or exhaust VIP discovery, laid onto
 * the real paths (/etc/nginx, /etc/haproxy, /etc/keepalived) inside a sandbox, never the host.
 * Each scenario is one discovery; `expected` is the budget that should stop it.
 */
export const HOSTILE_VIP_SCENARIOS = [
  // One 4 MiB nginx.conf of 209,715 `listen` lines: was a RangeError from a spread push.
  { name: 'listen-lines', expected: 'entries' },
  // 2,000 `include /etc/nginx/d/*/*/*.conf;` lines (1,000 alike, 1,000 each a new pattern):
  // was 30 s with a glob budget per include line.
  { name: 'glob-includes', expected: 'directories' },
  // 20 included files of 4 MiB of `listen` lines: was 794 MB and 0.5 s stalls per file.
  { name: 'big-listen-files', expected: 'entries' },
  // 4 MiB haproxy.cfg and keepalived.conf and 20 included 4 MiB nginx files with no address.
  { name: 'big-quiet-files', expected: 'bytes' },
  // 4 MiB of `listen` lines naming host names: each one a skipped line.
  { name: 'skipped-lines', expected: 'skipped' },
  // 1,200 small included files in three directories.
  { name: 'many-files', expected: 'files' },
] as const;

export type HostileVipScenario = (typeof HOSTILE_VIP_SCENARIOS)[number]['name'];

const FOUR_MIB = 4 * 1024 * 1024;

/** Lays the shared, heavy part once: big files, the directory tree, the many small files. */
export function layHostileVipTree(sandbox: Sandbox): void {
  sandbox.run('sh', [
    '-c',
    `set -e
     mkdir -p /etc/nginx/big /etc/nginx/quiet /etc/nginx/d /etc/nginx/m1 /etc/nginx/m2 /etc/nginx/m3 /etc/haproxy /etc/keepalived
     yes 'listen 10.0.0.1:80;' | head -c ${FOUR_MIB} > /etc/nginx/big/00.conf
     yes 'server_name example.com;' | head -c ${FOUR_MIB} > /etc/nginx/quiet/00.conf
     for i in $(seq -w 1 19); do
       cp /etc/nginx/big/00.conf /etc/nginx/big/$i.conf
       cp /etc/nginx/quiet/00.conf /etc/nginx/quiet/$i.conf
     done
     yes 'listen 10.0.0.2:80;' | head -c ${FOUR_MIB} > /etc/nginx/listen-lines.conf
     yes 'listen lb.example.com:80;' | head -c ${FOUR_MIB} > /etc/nginx/skipped-lines.conf
     for a in 0 1 2 3 4 5 6 7 8 9; do for b in 0 1 2 3 4 5 6 7 8 9; do
       mkdir -p /etc/nginx/d/$a/$b
       echo "server { listen 10.1.$a.$b:80; }" > /etc/nginx/d/$a/$b/a.conf
     done; done
     for m in 1 2 3; do (cd /etc/nginx/m$m && seq -f "%04g.conf" 1 400 | xargs touch); done
     { echo 'http {'
       for i in $(seq 1 1000); do echo '  include /etc/nginx/d/*/*/*.conf;'; done
       for i in $(seq 1 1000); do echo "  include /etc/nginx/d/*/*/*$i.conf;"; done
       echo '}'; } > /etc/nginx/glob-includes.conf
     yes '  option httplog' | head -c ${FOUR_MIB} > /etc/haproxy/quiet.cfg
     yes '  state BACKUP' | head -c ${FOUR_MIB} > /etc/keepalived/quiet.conf`,
  ]);
}

/** Points nginx.conf (and for big-quiet-files, haproxy.cfg and keepalived.conf) at a scenario. */
export function selectHostileVipScenario(sandbox: Sandbox, scenario: HostileVipScenario): void {
  const nginx: Record<HostileVipScenario, string> = {
    'listen-lines': 'cp /etc/nginx/listen-lines.conf /etc/nginx/nginx.conf',
    'glob-includes': 'cp /etc/nginx/glob-includes.conf /etc/nginx/nginx.conf',
    'big-listen-files': "echo 'include /etc/nginx/big/*.conf;' > /etc/nginx/nginx.conf",
    'big-quiet-files': "echo 'include /etc/nginx/quiet/*.conf;' > /etc/nginx/nginx.conf",
    'skipped-lines': 'cp /etc/nginx/skipped-lines.conf /etc/nginx/nginx.conf',
    'many-files':
      "printf 'include m1/*.conf;\\ninclude m2/*.conf;\\ninclude m3/*.conf;\\n' > /etc/nginx/nginx.conf",
  };
  const quiet = scenario === 'big-quiet-files';
  sandbox.run('sh', [
    '-c',
    `set -e
     rm -f /etc/haproxy/haproxy.cfg /etc/keepalived/keepalived.conf
     ${quiet ? 'cp /etc/haproxy/quiet.cfg /etc/haproxy/haproxy.cfg' : ':'}
     ${quiet ? 'cp /etc/keepalived/quiet.conf /etc/keepalived/keepalived.conf' : ':'}
     ${nginx[scenario]}`,
  ]);
}

/** What test/system/fixtures/measure-vips-cli.ts prints. */
export interface VipMeasurement {
  readonly rssBeforeMb: number;
  readonly wallMs: number;
  readonly peakRssMb: number;
  readonly eventLoopDelayMaxMs: number;
  readonly worstLateTickMs: number;
  readonly worstBusyStallMs: number;
  readonly answer:
    | {
        readonly ok: true;
        readonly entries: number;
        readonly skipped: number;
        readonly files: number;
        readonly exhausted?: VipBudgetExhausted;
      }
    | Extract<Envelope<unknown>, { ok: false }>;
}
