import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findElectronBinary } from '../../scripts/electron-binary';
import { startPreview } from '../harness/preview';
import { expect, test } from '../support/fixtures';

/**
 * Issue 19, point 15: a newcomer's first minutes. The Node version is one number in the
 * README, `engines` and what the locked dependencies need; `npm start` without Electron
 * says why in one paragraph before anything else, names the host it tried, and its way
 * to look around without Electron works in Chromium.
 */

type Version = readonly [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : 0));
  return [a, b, c];
};
const cmp = (x: Version, y: Version) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2];

/** npm's range grammar as the lock file uses it: ||, spaces (and), ^, >=, >, <, <=, x-ranges. */
function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/([<>]=?)\s+/g, '$1')
      .split(/\s+/)
      .every((c) => {
        if (c === '*' || c === '') return true;
        const m = /^(\^|>=|<=|>|<)?(.*)$/.exec(c);
        const op = m?.[1] ?? '';
        const text = (m?.[2] ?? '').replace(/\.\*$/, '');
        const bound = parse(text);
        if (op === '>=') return cmp(v, bound) >= 0;
        if (op === '>') return cmp(v, bound) > 0;
        if (op === '<=') return cmp(v, bound) <= 0;
        if (op === '<') return cmp(v, bound) < 0;
        if (op === '^') return v[0] === bound[0] && cmp(v, bound) >= 0;
        // A bare or partial version: that major (and minor, when given).
        const parts = text.split('.').length;
        return (
          v[0] === bound[0] && (parts < 2 || v[1] === bound[1]) && (parts < 3 || v[2] === bound[2])
        );
      }),
  );
}

test('README, engines and every locked dependency agree on the Node version', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
  const minimum = /^>=(\d+\.\d+)$/.exec(pkg.engines.node)?.[1];
  expect(minimum, pkg.engines.node).toBeDefined();
  expect(readFileSync('README.md', 'utf8')).toContain(`Node.js ${minimum} or newer`);
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
    packages: Record<string, { engines?: { node?: string } }>;
  };
  expect(lock.packages['']?.engines?.node).toBe(pkg.engines.node);
  const refused = Object.entries(lock.packages).flatMap(([name, p]) => {
    const range = p.engines?.node;
    return range && !satisfies(`${minimum}.0`, range) ? [`${name}: ${range}`] : [];
  });
  expect(refused).toEqual([]);
  // The checker itself: what npm warned about on Node 20 is refused there.
  expect(satisfies('20.19.0', '>= 22.12.0')).toBe(false);
  expect(satisfies('22.12.0', '^20.19.0 || ^22.13.0 || >=24')).toBe(false);
});

test('npm start without Electron: one paragraph first, the host named, no stack, and its way out works', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const binary = findElectronBinary(process.cwd());
  // A closed loopback port as the mirror: the download fails at once, without any network.
  const env: NodeJS.ProcessEnv = binary.found
    ? { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron' }
    : { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:1/' };
  const run = spawnSync('npm', ['start', '--silent'], {
    env,
    encoding: 'utf8',
    timeout: 100_000,
  });
  expect(run.status).toBe(1);
  const said = `${run.stdout}${run.stderr}`.trim();
  expect(said.split('\n')[0]).toMatch(/^Nonlocal Bind cannot start: no Electron binary/);
  if (!binary.found) {
    expect(said).toContain('its download from 127.0.0.1:1 did not work');
    expect(said).toContain('tried http://127.0.0.1:1/v');
  }
  expect(said).not.toMatch(/TypeError|fetch failed|^\s+at /m);
  // Nothing was built first: no build tool spoke before (or after) the paragraph.
  expect(said).not.toMatch(/vite|esbuild|built in/i);

  const command = /run npm run preview -- (--demo \S+)/.exec(said)?.[1];
  expect(command).toBe('--demo fresh');
  const preview = await startPreview({ args: command?.split(' ') ?? [] });
  try {
    await page.goto(preview.url);
    await expect(page.getByText('Demo: nothing on this computer changes.')).toBeVisible();
    await expect(page.getByRole('switch', { name: 'IPv4 non-local bind' })).toBeVisible();
  } finally {
    await preview.stop();
  }
});
