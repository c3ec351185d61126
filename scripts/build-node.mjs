// Bundles the Node-side entries. Everything is bundled (no node_modules at run
// time) so the preview and the packaged app run from dist/ alone, and the
// sandboxed preload is the single file Electron requires.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  sourcemap: true,
  // The one version source: package.json, for the preview, diagnostics and the About panel.
  define: { 'process.env.NONLOCAL_BIND_VERSION': JSON.stringify(version) },
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/preview/serve.ts'],
    format: 'esm',
    outfile: 'dist/preview/serve.js',
    banner: {
      js: "import { createRequire as __nbCreateRequire } from 'node:module'; const require = __nbCreateRequire(import.meta.url);",
    },
  }),
  build({
    ...common,
    entryPoints: ['electron/shell/main.ts'],
    format: 'cjs',
    outfile: 'dist/electron/main.cjs',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/shell/preload.ts'],
    format: 'cjs',
    outfile: 'dist/electron/preload.cjs',
    external: ['electron'],
  }),
]);
