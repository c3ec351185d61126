import type { OrderedFile } from './file-order';
import type { BootKey } from './kernel-value';
import { isGlobKey, keyComponents, procpsGlobMatch, procpsNamesKey, procpsPath } from './key-path';
import {
  makeWrite,
  settle,
  unpredictableOutcome,
  type KeyOutcome,
  type KeyWrite,
  type Origin,
} from './key-outcome';
import type { TokenizedFile } from './tokenize';

/**
 * WriteSetting() stat()s the path first and, under --system, says nothing when
 * that fails: a path of PATH_MAX (4096) bytes or more fails with ENAMETOOLONG,
 * however many of its slashes the kernel would have folded. (Paths are byte text:
 * `length` counts bytes.)
 */
const PATH_MAX = 4096;

interface Node {
  readonly path: string;
  readonly value: string | null;
  readonly origin: Origin;
}

/**
 * procps `sysctl --system` (4.0.2, src/sysctl.c): every line of every file is
 * appended to one list, then write_setting_list() writes them in order, every
 * one of them, so a later line that the kernel refuses leaves an earlier value
 * in place. An exclusion ("-key" with no "=") writes nothing and does not undo
 * earlier lines; it only keeps glob lines off that path. A glob line writes each
 * match unless some line anywhere in the list has exactly that path as text
 * (settinglist_findpath() uses strcmp()).
 */
export function applyAsProcps(
  files: readonly OrderedFile[],
  tokens: (file: OrderedFile) => TokenizedFile | null,
  keys: readonly BootKey[],
): Map<string, KeyOutcome> {
  const nodes: Node[] = [];
  for (const file of files) {
    const tokenized = tokens(file);
    if (!tokenized) continue;
    for (const st of tokenized.procps) {
      nodes.push({
        path: procpsPath(st.key),
        value: st.value,
        origin: { path: file.path, line: st.line },
      });
    }
  }
  const paths = new Set(nodes.map((n) => n.path));
  const result = new Map<string, KeyOutcome>();
  for (const { key: dotted, range } of keys) {
    const components = keyComponents(dotted);
    const writes: KeyWrite[] = [];
    const patterns: KeyOutcome['patterns'][number][] = [];
    let unknownAt: Origin | null = null;
    for (const node of nodes) {
      if (node.value === null) continue;
      if (isGlobKey(node.path)) {
        const match = procpsGlobMatch(node.path, components);
        if (match === null) continue;
        if (match === 'unknown') {
          unknownAt = node.origin;
          break;
        }
        if (match.length >= PATH_MAX) continue;
        patterns.push({ origin: node.origin, value: node.value });
        if (!paths.has(match))
          writes.push(
            makeWrite(node.origin, node.value, node.path.slice('/proc/sys/'.length), range),
          );
      } else if (node.path.length < PATH_MAX && procpsNamesKey(node.path, components)) {
        writes.push(makeWrite(node.origin, node.value, null, range));
      }
    }
    result.set(
      dotted,
      unknownAt
        ? unpredictableOutcome({ code: 'pattern-through-parent', path: unknownAt.path }, [
            { code: 'pattern-through-parent', path: unknownAt.path, line: unknownAt.line },
          ])
        : settle(writes, patterns, []),
    );
  }
  return result;
}
