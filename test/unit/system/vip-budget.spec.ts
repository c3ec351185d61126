import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  createDiscoveryBudget,
  DEFAULT_VIP_BUDGET,
  withinTime,
  type VipBudgetLimits,
} from '../../../electron/system/vip-budget';
import { discoverVips } from '../../../electron/system/vip-discovery';
import {
  MAX_GLOB_DIRECTORIES,
  MAX_GLOB_PATHS,
  MAX_NAMES_PER_DIRECTORY,
} from '../../../electron/system/vip-glob';

// Discovery against real files below a temporary root (the discovery's configurable root),
// with budgets small enough to reach on purpose: each must stop the discovery and say where.

async function withRoot(
  files: Record<string, string>,
  body: (root: string) => Promise<void>,
): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-vip-budget-'));
  try {
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.join(root, path.dirname(file)), { recursive: true });
      await writeFile(path.join(root, file), content);
    }
    await body(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const discover = (root: string, limits: Partial<VipBudgetLimits>) =>
  discoverVips({ fsRoot: root, platform: 'linux' }, { ...DEFAULT_VIP_BUDGET, ...limits });

const NGINX = '/etc/nginx/nginx.conf';
const listens = (...last: number[]) => last.map((n) => `listen 192.0.2.${n}:80;\n`).join('');

test('entries: the discovery stops at the address over the budget and says where', async () => {
  await withRoot({ [NGINX]: listens(1, 2, 3, 4) }, async (root) => {
    const found = await discover(root, { entries: 2 });
    expect(found.entries.map((e) => e.address)).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(found.exhausted).toEqual({
      code: 'VIP_BUDGET_EXHAUSTED',
      budget: 'entries',
      limit: 2,
      file: NGINX,
      line: 3,
      // haproxy.cfg and keepalived.conf were looked for too (absent here): 3 files opened.
      progress: {
        time: expect.any(Number) as unknown as number,
        bytes: listens(1, 2, 3, 4).length,
        files: 3,
        entries: 2,
        skipped: 0,
        directories: 0,
      },
    });
  });
});

test('skipped lines: a file of lines not understood stops at the budget', async () => {
  await withRoot({ [NGINX]: 'listen a.example:80;\nlisten b.example:80;\n' }, async (root) => {
    const found = await discover(root, { skipped: 1 });
    expect(found.skipped.map((s) => s.line)).toEqual([1]);
    expect(found.exhausted).toMatchObject({ budget: 'skipped', limit: 1, file: NGINX, line: 2 });
  });
});

test('files: what fits is read, then the report names the include that found too many', async () => {
  const files = {
    [NGINX]: 'http {\n  include conf.d/*.conf;\n}\n',
    '/etc/nginx/conf.d/a.conf': listens(1),
    '/etc/nginx/conf.d/b.conf': listens(2),
  };
  await withRoot(files, async (root) => {
    // haproxy.cfg, keepalived.conf, nginx.conf and one more.
    const found = await discover(root, { files: 4 });
    expect(found.files.map((f) => f.path).at(-1)).toBe('/etc/nginx/conf.d/a.conf');
    expect(found.entries.map((e) => e.address)).toEqual(['192.0.2.1']);
    expect(found.exhausted).toMatchObject({
      budget: 'files',
      limit: 4,
      file: NGINX,
      line: 2,
      progress: { files: 4, entries: 1 },
    });
  });
});

test('bytes: a file larger than what is left is not read, and the report names it', async () => {
  const files = { [NGINX]: 'include a.conf;\n', '/etc/nginx/a.conf': listens(1, 2) };
  await withRoot(files, async (root) => {
    const found = await discover(root, { bytes: 30 });
    expect(found.entries).toEqual([]);
    expect(found.files.map((f) => f.path)).not.toContain('/etc/nginx/a.conf');
    expect(found.exhausted).toMatchObject({
      budget: 'bytes',
      limit: 30,
      file: '/etc/nginx/a.conf',
      line: null,
      progress: { bytes: 'include a.conf;\n'.length },
    });
  });
});

test('directories: include globs share one listing budget; a pattern repeated 2,000 times is expanded once', async () => {
  const tree = {
    '/etc/nginx/d/x/a.conf': listens(1),
    '/etc/nginx/d/y/b.conf': listens(2),
    '/etc/nginx/d/z/c.conf': listens(3),
  };
  const repeated = `${'include d/*/*.conf;\n'.repeat(2_000)}`;
  await withRoot({ ...tree, [NGINX]: repeated }, async (root) => {
    // d, d/x, d/y, d/z: four listings for all 2,000 lines.
    const found = await discover(root, { directories: 4 });
    expect(found.exhausted).toBeUndefined();
    expect(found.entries.map((e) => e.address)).toEqual(['192.0.2.1', '192.0.2.2', '192.0.2.3']);
  });
  // Two different patterns over the same tree need eight.
  await withRoot(
    { ...tree, [NGINX]: 'include d/*/*.conf;\ninclude d/*/?.conf;\n' },
    async (root) => {
      const found = await discover(root, { directories: 7 });
      expect(found.exhausted).toMatchObject({
        budget: 'directories',
        limit: 7,
        file: NGINX,
        line: 2,
        progress: { directories: 7 },
      });
    },
  );
});

test('time: a discovery out of time stops and says so', async () => {
  await withRoot({ [NGINX]: listens(1) }, async (root) => {
    const found = await discover(root, { time: -1 });
    expect(found.exhausted).toMatchObject({
      budget: 'time',
      limit: -1,
      file: '/etc/haproxy/haproxy.cfg',
      progress: { files: 0, bytes: 0, entries: 0 },
    });
    expect(found.entries).toEqual([]);
  });
});

test('a step that never answers (a hung read) ends when the time budget does', async () => {
  const budget = createDiscoveryBudget({ ...DEFAULT_VIP_BUDGET, time: 50 });
  const start = performance.now();
  const answer = await withinTime(budget, new Promise<string>(() => undefined), {
    file: '/etc/nginx/nfs.conf',
    line: null,
  });
  expect(answer).toBeNull();
  expect(performance.now() - start).toBeGreaterThanOrEqual(45);
  expect(budget.exhausted).toMatchObject({ budget: 'time', file: '/etc/nginx/nfs.conf' });
  // Once out, every later step is refused at once.
  expect(budget.spend('files', 1, { file: null, line: null })).toBe(false);
  expect(budget.exhausted?.file).toBe('/etc/nginx/nfs.conf');
});

test('the budget keeps the first cause and the progress at that moment', () => {
  let clock = 0;
  const budget = createDiscoveryBudget(
    { ...DEFAULT_VIP_BUDGET, entries: 2, time: 100 },
    () => clock,
  );
  const at = { file: 'f', line: 1 };
  expect(budget.spend('entries', 2, at)).toBe(true);
  expect(budget.remaining('entries')).toBe(0);
  clock = 40;
  expect(budget.msLeft()).toBe(60);
  expect(budget.spend('entries', 1, { file: 'f', line: 7 })).toBe(false);
  clock = 500;
  expect(budget.inTime(at)).toBe(false);
  expect(budget.exhausted).toEqual({
    code: 'VIP_BUDGET_EXHAUSTED',
    budget: 'entries',
    limit: 2,
    file: 'f',
    line: 7,
    progress: { time: 40, bytes: 0, files: 0, entries: 2, skipped: 0, directories: 0 },
  });
  expect(budget.msLeft()).toBe(0);
});

test('includes that are not followed say why: too wide, a huge directory, kernel paths', async () => {
  await withRoot(
    {
      [NGINX]: 'include wide/*/*.conf;\ninclude huge/*.conf;\ninclude /proc/*/status;\n',
      '/etc/nginx/huge/.keep': '',
    },
    async (root) => {
      for (let i = 0; i < MAX_GLOB_DIRECTORIES; i += 1) {
        await mkdir(path.join(root, 'etc/nginx/wide', String(i)), { recursive: true });
      }
      const made = spawnSync('sh', ['-c', `seq 0 ${MAX_NAMES_PER_DIRECTORY} | xargs touch`], {
        cwd: path.join(root, 'etc/nginx/huge'),
      });
      expect(made.status).toBe(0);
      const found = await discover(root, {});
      expect(found.exhausted).toBeUndefined();
      expect(found.skipped).toEqual([
        {
          file: NGINX,
          line: 1,
          reason: `include /etc/nginx/wide/*/*.conf: not followed, it would list more than ${MAX_GLOB_DIRECTORIES} directories or match more than ${MAX_GLOB_PATHS} paths`,
        },
        {
          file: NGINX,
          line: 2,
          reason: `include /etc/nginx/huge/*.conf: not followed, /etc/nginx/huge holds more than ${MAX_NAMES_PER_DIRECTORY} names`,
        },
        {
          file: NGINX,
          line: 3,
          reason:
            'include /proc/*/status: 1 paths under /proc, /sys or /dev were not read (kernel and device files, not configuration)',
        },
      ]);
    },
  );
});
