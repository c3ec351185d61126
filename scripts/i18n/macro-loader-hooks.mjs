// Node module hooks: renderer files with Lingui macros are compiled by macro-transform.mjs
// before anything else loads them (registered after the test runner's or tsx's own hooks,
// so they run first and answer without calling them). Every other file passes through.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileMacros, needsMacro, RENDERER_SOURCE } from '../../test/harness/macro-transform.mjs';

export function load(url, context, nextLoad) {
  if (!url.startsWith('file://')) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  // Only renderer sources are read here: any other file would be read twice.
  if (!filename.startsWith(RENDERER_SOURCE) || !/\.tsx?$/.test(filename)) {
    return nextLoad(url, context);
  }
  const source = readFileSync(filename, 'utf8');
  if (!needsMacro(filename, source)) return nextLoad(url, context);
  return { format: 'module', source: compileMacros(source, filename), shortCircuit: true };
}
