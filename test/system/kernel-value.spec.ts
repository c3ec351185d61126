import { test, expect } from '@playwright/test';
import { kernelWrite } from '../../electron/system/engines/kernel-value';
import { SETTINGS } from '../../electron/system/settings';
import { bundleForChild } from '../harness/bundle';
import { createRandom } from '../harness/engine-fuzz/random';
import { createSandbox } from '../harness/sandbox';

// The model of the kernel's parser for ip_nonlocal_bind, against the running kernel:
// every value is written (with the newline both engines add) inside a throw-away
// network namespace, never to the host's setting.
const KNOWN = [
  '1',
  '0',
  ' 1',
  '\t1',
  '\f1',
  '\v1',
  '\r1',
  '\n1',
  '\xa01',
  '\xc2\xa01',
  '+1',
  '-1',
  '-0',
  '08',
  '010',
  '0x10',
  '0X1',
  '0x',
  '0xg',
  '0xff',
  '0x100',
  '1.0',
  '1 2',
  '1 x',
  '1x',
  '1\f',
  '1\v',
  '1\t',
  '2',
  '255',
  '256',
  '1000',
  '',
  ' ',
  '00000000000000000001',
  '000000000000000000001',
  '18446744073709551615',
  '18446744073709551616',
  'yes',
  '01',
  '1,0',
  '\u0661',
  '0b1',
  '1e0',
  '- 1',
  '1\r',
];

function randomValues(count: number): string[] {
  const random = createRandom(99);
  const alphabet = [
    '0',
    '1',
    '2',
    '5',
    '7',
    '8',
    '9',
    'x',
    'X',
    'a',
    'f',
    '+',
    '-',
    ' ',
    '\t',
    '\f',
    '\v',
    '\r',
    '\xa0',
    '\xc2',
    '.',
    ',',
  ];
  return Array.from({ length: count }, () =>
    Array.from({ length: random.int(0, 7) }, () => random.pick(alphabet)).join(''),
  );
}

test('the kernel parser model matches the kernel for ip_nonlocal_bind (IPv4 and IPv6)', async () => {
  test.setTimeout(120_000);
  const sandbox = await createSandbox();
  const cli = await bundleForChild('test/system/fixtures/kernel-write-cli.ts');
  try {
    const values = [...KNOWN, ...randomValues(1500)];
    const input = values.map((v) => Buffer.from(v, 'latin1').toString('base64')).join('\n');
    const out = sandbox
      .run(process.execPath, [cli], { input: `${input}\n` })
      .stdout.trim()
      .split('\n');
    expect(out).toHaveLength(values.length);
    const wrong: string[] = [];
    values.forEach((value, i) => {
      const model = kernelWrite(value, SETTINGS[0]?.range ?? { min: 0, max: 0 });
      const expected = model.accepted
        ? { accepted: true, stored: model.stored }
        : { accepted: false, stored: 0 };
      for (const answer of JSON.parse(out[i] as string) as {
        accepted: boolean;
        stored: number;
      }[]) {
        if (answer.accepted !== expected.accepted || answer.stored !== expected.stored)
          wrong.push(
            `${JSON.stringify(value)}: kernel ${JSON.stringify(answer)}, model ${JSON.stringify(model)}`,
          );
      }
    });
    expect(wrong).toEqual([]);
  } finally {
    await sandbox.dispose();
  }
});
