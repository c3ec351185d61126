import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRegularFile } from '../../../electron/system/safe-read';

test('a procfs file (fstat says size 0) is read to its end, not cut at the first buffer', async () => {
  // /proc/self/maps of this process runs to many kilobytes.
  const read = await readRegularFile('/proc/self/maps', 1024 * 1024);
  expect(read.kind).toBe('read');
  const bytes = read.kind === 'read' ? read.bytes.toString('utf8') : '';
  expect(bytes.length).toBeGreaterThan(4096);
  expect(bytes.endsWith('\n')).toBe(true);
  // The last mapping line is whole: address range, permissions, offset…
  expect(bytes.trimEnd().split('\n').at(-1)).toMatch(/^[0-9a-f]+-[0-9a-f]+ [-rwxps]{4} /);
});

test('a procfs file beyond the cap is refused as too big, never returned cut short', async () => {
  const read = await readRegularFile('/proc/self/maps', 1000);
  expect(read).toMatchObject({ kind: 'refused', code: 'EFBIG' });
});

test('regular files, a FIFO and a device: read, refused, refused', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nb-safe-read-'));
  try {
    writeFileSync(path.join(dir, 'a.conf'), 'x'.repeat(10_000));
    execFileSync('mkfifo', [path.join(dir, 'fifo.conf')]);
    const file = await readRegularFile(path.join(dir, 'a.conf'), 20_000);
    expect(file.kind === 'read' ? file.bytes.length : -1).toBe(10_000);
    expect(await readRegularFile(path.join(dir, 'fifo.conf'))).toMatchObject({
      kind: 'refused',
      code: 'ENOTREG',
    });
    expect(await readRegularFile('/dev/zero')).toMatchObject({ kind: 'refused', code: 'ENOTREG' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('reads asked for together share the reader thread, and each gets its own answer', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nb-safe-read-'));
  try {
    const names = Array.from({ length: 300 }, (_, i) => path.join(dir, `${i}.conf`));
    names.forEach((name, i) => writeFileSync(name, `vm.x_${i} = ${i}\n`.repeat(i % 7)));
    // Sent in one batch, answered in one or more rounds: every answer finds its own read.
    const reads = await Promise.all([
      ...names.map((name) => readRegularFile(name)),
      readRegularFile(path.join(dir, 'missing.conf')),
    ]);
    expect(reads.at(-1)).toEqual({ kind: 'missing' });
    for (const [i, read] of reads.slice(0, -1).entries()) {
      expect(read.kind === 'read' && read.bytes.toString()).toBe(
        `vm.x_${i} = ${i}\n`.repeat(i % 7),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
