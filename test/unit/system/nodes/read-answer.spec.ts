import { expect, test } from '@playwright/test';
import {
  entriesFromBatch,
  NODE_DIRECTORY_ENTRY_CAP,
} from '../../../../electron/system/nodes/parse-directory-batch';
import { framedBody, newReadNonce } from '../../../../electron/system/nodes/read-framing';
import { NODE_FILE_CAP } from '../../../../electron/system/nodes/read-script';

const nonce = newReadNonce();

test('the frame is found among noise before and after it, and only with this read’s nonce', () => {
  const body = `NLB-READ 2 ${nonce}\nOS TGludXg=\nHAS-SYSCTL\nNLB-END ${nonce}\n`;
  expect(framedBody(`Welcome!\nno newline here${body}bye\n`, nonce)).toEqual({
    ok: true,
    lines: ['OS TGludXg=', 'HAS-SYSCTL'],
  });
  expect(framedBody(body, newReadNonce())).toMatchObject({ ok: false, kind: 'malformed' });
  // The marker counts only as a line of its own.
  const early = `NLB-READ 2 ${nonce}\nOS xNLB-END ${nonce}\nNLB-END ${nonce}x\n`;
  expect(framedBody(early, nonce)).toMatchObject({ ok: false, problem: /ends early/ });
  expect(framedBody(`NLB-ERROR ${nonce} no-base64\n`, nonce)).toMatchObject({
    kind: 'no-base64',
  });
  expect(framedBody(`NLB-READ 2 ${nonce}\nNLB-END ${nonce}`, nonce)).toEqual({
    ok: true,
    lines: [],
  });
});

/** A batch as the script would send it, from [types, name, link] and [size, name]. */
function batch(list: [string, string, string][], sizes: [number, string][], data: string) {
  return {
    list: Buffer.from(list.map((l) => `${l.join('\0')}\0`).join(''), 'latin1'),
    sizes: Buffer.from(sizes.map(([s, n]) => `${s}\0${n}\0`).join(''), 'latin1'),
    data: Buffer.from(data, 'latin1'),
  };
}

test('every kind of entry comes out as the per-file records say it', () => {
  const big = NODE_FILE_CAP + 1;
  const r = entriesFromBatch(
    batch(
      [
        ['rff', 'a.conf', ''],
        ['rlf', 'b.conf', 'a.conf'],
        ['rlc', 'c.conf', '/dev/null'],
        ['ulN', 'd.conf', 'nowhere'],
        ['ulL', 'e.conf', 'e.conf'],
        ['rdd', 'f.conf', ''],
        ['uff', 'g.conf', ''],
        ['rpp', 'h.conf', ''],
        ['rff', 'i.conf', ''],
      ],
      [
        [3, 'a.conf'],
        [3, 'b.conf'],
        [big, 'i.conf'],
      ],
      'abcabc',
    ),
  );
  if (!r.ok) throw new Error(r.problem);
  expect(r.entries).toEqual([
    { name: 'a.conf', kind: 'file', content: Buffer.from('abc'), linkTarget: null },
    { name: 'b.conf', kind: 'file', content: Buffer.from('abc'), linkTarget: 'a.conf' },
    { name: 'c.conf', kind: 'masked', linkTarget: '/dev/null' },
    { name: 'd.conf', kind: 'unreadable', reason: 'a dangling link' },
    { name: 'e.conf', kind: 'unreadable', reason: 'a dangling link' },
    { name: 'f.conf', kind: 'unreadable', reason: 'a directory' },
    { name: 'g.conf', kind: 'unreadable', reason: 'permission denied' },
    { name: 'h.conf', kind: 'unreadable', reason: 'not a regular file' },
    { name: 'i.conf', kind: 'skipped', reason: `larger than ${NODE_FILE_CAP / 1024} KiB` },
  ]);
});

test('a batch that does not add up is refused whole', () => {
  const refused: [string, ReturnType<typeof batch>][] = [
    ['data longer than the sizes', batch([['rff', 'a.conf', '']], [[1, 'a.conf']], 'ab')],
    ['data shorter than the sizes', batch([['rff', 'a.conf', '']], [[3, 'a.conf']], 'ab')],
    ['a size for a name not listed', batch([], [[1, 'x.conf']], 'a')],
    ['a size for a directory', batch([['rdd', 'a.conf', '']], [[1, 'a.conf']], 'a')],
    ['a readable file without a size', batch([['rff', 'a.conf', '']], [], '')],
    [
      'a size given twice',
      batch(
        [['rff', 'a.conf', '']],
        [
          [0, 'a.conf'],
          [0, 'a.conf'],
        ],
        '',
      ),
    ],
    [
      'a name listed twice',
      batch(
        [
          ['rff', 'a.conf', ''],
          ['rff', 'a.conf', ''],
        ],
        [],
        '',
      ),
    ],
    ['a name with a slash', batch([['rff', '../a.conf', '']], [], '')],
    ['a name not ending in .conf', batch([['rff', 'passwd', '']], [], '')],
    ['an unknown type', batch([['rzz', 'a.conf', '']], [], '')],
    ['a size that is not a number', batch([['rff', 'a.conf', '']], [[-1, 'a.conf']], '')],
  ];
  for (const [what, b] of refused) expect(entriesFromBatch(b).ok, what).toBe(false);
  const unframed = { ...batch([['rff', 'a.conf', '']], [], ''), list: Buffer.from('rff\0a.conf') };
  expect(entriesFromBatch(unframed).ok).toBe(false);
  const many = Array.from(
    { length: NODE_DIRECTORY_ENTRY_CAP + 1 },
    (_, i): [string, string, string] => ['rdd', `${i}.conf`, ''],
  );
  expect(entriesFromBatch(batch(many, [], ''))).toMatchObject({ ok: false, problem: /more than/ });
});

test('4 MiB of NULs in LIST or SIZES is refused after at most the cap of fields, fast and small', () => {
  // Found by an adversarial review: every NUL became a subarray before the cap was checked
  // (2.6 s and ~500-900 MB for one answer).
  const nuls = Buffer.alloc(4 * 1024 * 1024);
  for (const part of ['list', 'sizes'] as const) {
    const hostile = { ...batch([], [], ''), [part]: nuls };
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    expect(entriesFromBatch(hostile)).toMatchObject({ ok: false, problem: /more than/ });
    // The cap's 60,000 fields take milliseconds; 4 million would take seconds.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  }
});
