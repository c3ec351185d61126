import { build, type Plugin } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
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

/**
 * Renderer words use Lingui macros, which only a compiler turns into code: compile them as
 * the unit tests do (test/harness/macro-transform.mjs, English active), so a child that
 * words an outcome the way the app does can be bundled.
 */
const linguiMacros: Plugin = {
  name: 'lingui-macros',
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]renderer[\\/]src[\\/].*\.tsx?$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const { compileMacros, needsMacro } = (await import('./macro-transform.mjs')) as {
        compileMacros: (source: string, filename: string) => string;
        needsMacro: (filename: string, source: string) => boolean;
      };
      if (!needsMacro(args.path, source)) return undefined;
      return { contents: compileMacros(source, args.path), loader: 'js' };
    });
  },
};

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
    plugins: [linguiMacros],
    banner: {
      js: "import { createRequire as __nbCreateRequire } from 'node:module'; const require = __nbCreateRequire(import.meta.url);",
    },
  });
  await chmod(outfile, 0o644);
  return outfile;
}
