import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { mkdtemp, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Bundles a TypeScript entry into one world-readable .mjs file in a fresh temp dir.
 *
 * Child processes that run as another user (nobody, the polkit test user) or
 * inside namespaces cannot rely on reading the checkout, which may sit in a
 * private home directory; a self-contained bundle in /tmp works for all of them.
 */
// Every bundle directory this process made, removed when it exits (a test worker or the
// bench), so a run leaves nothing in /tmp.
const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export async function bundleForChild(entry: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nb-bundle-'));
  made.push(dir);
  await chmod(dir, 0o755);
  const outfile = path.join(dir, `${path.basename(entry).replace(/\.tsx?$/, '')}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    banner: {
      js: "import { createRequire as __nbCreateRequire } from 'node:module'; const require = __nbCreateRequire(import.meta.url);",
    },
  });
  await chmod(outfile, 0o644);
  return outfile;
}
