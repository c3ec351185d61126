import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseDestination } from './destination';

/** The node list as stored: destinations only, never passwords or keys. */
export interface StoredNodes {
  readonly version: 1;
  readonly nodes: readonly string[];
}

/** $XDG_CONFIG_HOME/nonlocal-bind/nodes.json, or ~/.config/... when XDG_CONFIG_HOME is unset. */
export function nodeStorePath(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.config');
  return path.join(base, 'nonlocal-bind', 'nodes.json');
}

/** Reads the list; a missing file is an empty list, a damaged one an error in words. */
export async function loadNodes(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw new Error(`The node list ${file} cannot be read: ${String(error)}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`The node list ${file} is not valid JSON; fix or remove it.`);
  }
  const nodes = (parsed as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) throw new Error(`The node list ${file} has no "nodes" array.`);
  return nodes.filter((n): n is string => typeof n === 'string' && parseDestination(n).ok);
}

/** Writes the list atomically (temporary file, then rename), so a crash never leaves half a file. */
export async function saveNodes(file: string, nodes: readonly string[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const stored: StoredNodes = { version: 1, nodes: [...new Set(nodes)] };
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}
