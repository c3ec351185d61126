import { build } from 'esbuild';
import vm from 'node:vm';

/**
 * Bundles an Electron-side entry (with `electron` left external) and runs it in
 * a fresh node:vm context whose `require('electron')` returns `fakeElectron`.
 *
 * A harness for code that only talks to Electron through a few calls (the
 * preload, the IPC registration): the module under test runs unchanged, the
 * recorder shows what it handed to Electron. Any other require is refused, as
 * in a sandboxed preload.
 */
export async function runWithFakeElectron(
  entryOrCode: { readonly entry: string } | { readonly code: string },
  fakeElectron: object,
): Promise<Record<string, unknown>> {
  const code =
    'code' in entryOrCode
      ? entryOrCode.code
      : (
          await build({
            entryPoints: [entryOrCode.entry],
            bundle: true,
            platform: 'node',
            format: 'cjs',
            target: 'node20',
            external: ['electron'],
            write: false,
            logLevel: 'silent',
          })
        ).outputFiles[0]?.text;
  if (code === undefined) throw new Error('esbuild produced no output');
  const module: { exports: Record<string, unknown> } = { exports: {} };
  vm.runInNewContext(code, {
    module,
    exports: module.exports,
    require: (id: string) => {
      if (id === 'electron') return fakeElectron;
      throw new Error(`the module under test may not require ${id}`);
    },
  });
  return module.exports;
}
