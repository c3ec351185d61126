import { test, expect } from '@playwright/test';
import { removeKeysFromText, setKeysInText } from '../../electron/system/sysctl-edit';
import { runOnRealEngines } from '../harness/engine-fuzz/differential';
import { generateEditableFile } from '../harness/engine-fuzz/random-file';
import { createRandom } from '../harness/engine-fuzz/random';
import type { RunnerJob } from '../harness/engine-fuzz/runner-protocol';

// The editor's results on the real engines (issue #12, byte preservation): a seeded sample
// of random files is set (both keys) or stripped of our keys, the result laid alone in
// /etc/sysctl.d of a sandbox, and systemd-sysctl and `sysctl --system` run on it.
const SAMPLE = 240;
const V4 = 'net.ipv4.ip_nonlocal_bind';
const V6 = 'net.ipv6.ip_nonlocal_bind';

interface Case {
  readonly job: RunnerJob;
  /** Per key: the value both engines must leave, or 'model' for a removal (pattern lines may still set it). */
  readonly expected: readonly (number | 'model')[];
  readonly source: string;
}

test(`edited files give the requested value on the real engines (${SAMPLE} files)`, async () => {
  test.setTimeout(180_000);
  const random = createRandom(777);
  const cases: Case[] = [];
  for (let i = 0; cases.length < SAMPLE; i += 1) {
    const text = generateEditableFile(777, i, false);
    if (text === null) continue;
    const remove = random.chance(0.3);
    const a = random.pick([0, 1]);
    const b = random.pick([0, 1]);
    const result = remove
      ? removeKeysFromText(text, [V4, V6]).text
      : setKeysInText(
          text,
          new Map([
            [V4, String(a) as '0' | '1'],
            [V6, String(b) as '0' | '1'],
          ]),
        );
    cases.push({
      job: {
        id: `${i}`,
        entries: [
          {
            path: '/etc/sysctl.d/50-edited.conf',
            kind: 'file',
            base64: Buffer.from(result).toString('base64'),
          },
        ],
      },
      expected: remove ? ['model', 'model'] : [a, b],
      source: text,
    });
  }
  const results = await runOnRealEngines(
    cases.map((c) => c.job),
    2,
  );
  const failures: string[] = [];
  results.forEach((result, i) => {
    const c = cases[i] as Case;
    if ('error' in result) return failures.push(`${c.job.id}: ${result.error}`);
    for (const engine of ['systemd', 'procps'] as const) {
      c.expected.forEach((want, k) => {
        const actual = result.actual[engine]?.values[k];
        const model = result.predicted[engine][k]?.stored ?? 0;
        const expected = want === 'model' ? model : want;
        if (actual !== expected)
          failures.push(
            `file ${c.job.id}, ${engine}, key ${k}: kernel ${actual}, wanted ${expected}; source ${JSON.stringify(c.source.slice(0, 200))}`,
          );
      });
    }
  });
  expect(failures).toEqual([]);
  console.log(
    `${cases.length} edited files on both real engines: ${cases.filter((c) => c.expected[0] !== 'model').length} set, ${cases.filter((c) => c.expected[0] === 'model').length} removed, 0 mismatches`,
  );
});
