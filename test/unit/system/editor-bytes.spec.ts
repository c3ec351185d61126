import { test } from '@playwright/test';
import assert from 'node:assert/strict';
import { predictBoot } from '../../../electron/system/engines/boot-model';
import { bootKeys } from '../../harness/boot-keys';
import { removeKeysFromText, setKeysInText } from '../../../electron/system/sysctl-edit';
import { checkOnlyOurLinesChanged } from '../../support/edit-bytes';
import { generateEditableFile } from '../../harness/engine-fuzz/random-file';
import { createRandom } from '../../harness/engine-fuzz/random';

// Byte preservation (issue #12): at least 10,000 random files, from the differential
// test's vocabulary (every class of the issue), through set and remove for both keys.
// test/system/editor-engines.spec.ts checks a seeded sample on the real engines.
const V4 = 'net.ipv4.ip_nonlocal_bind';
const V6 = 'net.ipv6.ip_nonlocal_bind';
const FILES = 10_500;

function alone(text: string) {
  return predictBoot(
    {
      directories: [
        {
          dir: '/etc/sysctl.d',
          entries: [{ name: 'f.conf', kind: 'file', content: Buffer.from(text), linkTarget: null }],
        },
      ],
      sysctlConf: null,
      problems: [],
    },
    bootKeys(V4, V6),
  );
}

// node:assert, not expect: Playwright records a stack per expect call, too slow for 40,000 edits.
test(`set and remove keep every byte outside our lines, give the value under both engines, and are idempotent (${FILES} files)`, () => {
  test.setTimeout(120_000);
  const random = createRandom(4242);
  let checked = 0;
  for (let i = 0; checked < FILES; i += 1) {
    const text = generateEditableFile(4242, i, i % 500 === 0);
    if (text === null) continue;
    checked += 1;
    const where = `file ${i}: ${JSON.stringify(text.slice(0, 300))}`;
    const a = random.pick(['0', '1'] as const);
    const b = random.pick(['0', '1'] as const);
    const values = new Map([
      [V4, a],
      [V6, b],
    ]);
    const set = setKeysInText(text, values);
    assert.equal(checkOnlyOurLinesChanged(text, set), null, `set: ${where}`);
    const after = alone(set);
    for (const [key, value] of values) {
      assert.equal(after.systemd.get(key)?.stored, Number(value), `systemd ${key}: ${where}`);
      assert.equal(after.procps.get(key)?.stored, Number(value), `procps ${key}: ${where}`);
    }
    assert.equal(setKeysInText(set, values), set, `set twice: ${where}`);

    for (const keys of [[V4], [V6], [V4, V6]]) {
      const { text: removed } = removeKeysFromText(text, keys);
      assert.equal(checkOnlyOurLinesChanged(text, removed), null, `remove ${keys}: ${where}`);
      const left = alone(removed);
      for (const key of keys) {
        for (const engine of ['systemd', 'procps'] as const) {
          const own = left[engine].get(key)?.writes.filter((w) => w.pattern === null) ?? [];
          assert.deepEqual(own, [], `${engine} still sets ${key}: ${where}`);
        }
        assert.equal(left.systemd.get(key)?.cancelledBy, null, `systemd cancel ${key}: ${where}`);
      }
      assert.equal(removeKeysFromText(removed, keys).text, removed, `remove twice: ${where}`);
    }
  }
});
