import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One shared harness folder: test/harness is used by both the tests and scripts/ (bench,
 * docs, fuzz), and imports neither of them; test/support (the tests' own helpers) and
 * scripts/ never import each other.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Repository-relative targets of a file's relative imports. */
function importTargets(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from |import\()'(\.[^']+)'/g)].map((m) =>
    path.normalize(path.join(path.dirname(file), m[1] ?? '')),
  );
}

function crossings(from: string, forbidden: readonly string[]): string[] {
  return sourceFiles(from).flatMap((file) =>
    importTargets(file)
      .filter((target) => forbidden.some((dir) => target.startsWith(`${dir}/`)))
      .map((target) => `${file} -> ${target}`),
  );
}

test('scripts/ imports test/harness, never test/support', () => {
  expect(crossings('scripts', ['test/support'])).toEqual([]);
});

test('test/support never imports scripts/', () => {
  expect(crossings('test/support', ['scripts'])).toEqual([]);
});

test('test/harness imports neither scripts/ nor test/support', () => {
  expect(crossings('test/harness', ['scripts', 'test/support'])).toEqual([]);
});

test('the check sees imports: scripts/bench really uses the shared harness', () => {
  const used = sourceFiles('scripts/bench').flatMap(importTargets);
  expect(used.some((target) => target.startsWith('test/harness/'))).toBe(true);
});
