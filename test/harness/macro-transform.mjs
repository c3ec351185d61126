// Compiles Lingui macros in a renderer source file the way the build does (the real
// @lingui/babel-plugin-lingui-macro with lingui.config.ts, so ids are the extractor's),
// then TypeScript and JSX with esbuild: for code that runs outside Vite (unit tests,
// scripts). Unlike the build, the English messages stay in the code and `i18n` comes from
// scripts/i18n/test-i18n.ts, which activates English on import: English output is the
// message text compiled on the fly, as the English catalog would give it.
import { transformSync as babelTransform } from '@babel/core';
import { transformSync as esbuildTransform } from 'esbuild';
import { getConfig } from '@lingui/conf';
import linguiMacro from '@lingui/babel-plugin-lingui-macro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const config = getConfig({ cwd: root, configPath: path.join(root, 'lingui.config.ts') });
const linguiConfig = {
  ...config,
  runtimeConfigModule: {
    ...config.runtimeConfigModule,
    i18n: [path.join(root, 'scripts', 'i18n', 'test-i18n.ts'), 'i18n'],
  },
};

export const RENDERER_SOURCE = path.join(root, 'renderer', 'src') + path.sep;
const MACRO_IMPORT = /from\s+['"]@lingui\/(core|react)\/macro['"]/;

/** Whether a file is renderer code with macros (only those need this transform). */
export function needsMacro(filename, source) {
  return (
    filename.startsWith(RENDERER_SOURCE) && /\.tsx?$/.test(filename) && MACRO_IMPORT.test(source)
  );
}

/** TypeScript/TSX source with macros → ES module JavaScript with an inline source map. */
export function compileMacros(source, filename) {
  const isTsx = filename.endsWith('.tsx');
  const babel = babelTransform(source, {
    filename,
    babelrc: false,
    configFile: false,
    parserOpts: { plugins: isTsx ? ['typescript', 'jsx'] : ['typescript'] },
    plugins: [[linguiMacro, { stripMessageField: false, linguiConfig }]],
    sourceMaps: 'inline',
    retainLines: true,
  });
  if (!babel?.code) throw new Error(`the Lingui macro gave no code for ${filename}`);
  return esbuildTransform(babel.code, {
    loader: isTsx ? 'tsx' : 'ts',
    jsx: 'automatic',
    format: 'esm',
    target: 'node20',
    sourcefile: filename,
    sourcemap: 'inline',
  }).code;
}
