import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Expands an absolute glob (`*`, `?`, `[...]` per path segment) below a root directory.
 *
 * Returns system paths (without the root), sorted as Nginx does. Directories that cannot
 * be listed simply contribute nothing; the caller reports the pattern that matched none.
 */
export async function expandGlob(root: string, pattern: string): Promise<string[]> {
  const segments = pattern.split('/').filter(Boolean);
  let current = ['/'];
  for (const segment of segments) {
    const next: string[] = [];
    for (const dir of current) {
      if (!/[*?[]/.test(segment)) {
        next.push(path.posix.join(dir, segment));
        continue;
      }
      const matcher = segmentToRegExp(segment);
      const names = await readdir(path.join(root, dir)).catch(() => [] as string[]);
      for (const name of names.sort()) {
        if (matcher.test(name) && !(name.startsWith('.') && !segment.startsWith('.'))) {
          next.push(path.posix.join(dir, name));
        }
      }
    }
    current = next;
  }
  return current;
}

function segmentToRegExp(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i += 1) {
    const ch = segment[i] ?? '';
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const close = segment.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        const body = segment
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else source += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  try {
    return new RegExp(`^${source}$`);
  } catch {
    return /(?!)/;
  }
}
