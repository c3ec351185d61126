import { test, expect } from '@playwright/test';
import { FILE_HEADER } from '../../../electron/system/file-header';
import { checkContentChange } from '../../../electron/system/step-content-rule';

// The planner's copy of the step's rule; test/system/delegated-user.spec.ts holds it against
// the step itself through real pkexec.
const V4 = 'net.ipv4.ip_nonlocal_bind';
const ok = { ok: true };
const refused = (code: string, line: number) => ({ ok: false, error: { code, line } });

test('a new file may hold only the header and setting lines with values 0 to 255', () => {
  expect(
    checkContentChange(null, `${FILE_HEADER}${V4} = 1\nnet/ipv6/ip_nonlocal_bind=255\n`),
  ).toEqual(ok);
  expect(checkContentChange(null, `${V4} = 1\nkernel.modprobe = /tmp/evil\n`)).toEqual(
    refused('content-outside-settings', 2),
  );
  expect(checkContentChange(null, `${V4} = 256\n`)).toEqual(
    refused('content-value-out-of-range', 1),
  );
  expect(checkContentChange(null, `${V4} = 01\n`)).toEqual(
    refused('content-value-out-of-range', 1),
  );
  expect(checkContentChange(null, '\n')).toEqual(refused('content-outside-settings', 1));
});

test('in an existing file only setting lines may come, go or change; every other line stays in order', () => {
  const old = `# mine\nvm.swappiness = 10\n${V4} = 0\nkernel.x = 1\n`;
  expect(checkContentChange(old, old.replace('= 0', '= 1'))).toEqual(ok);
  expect(checkContentChange(old, old.replace(`${V4} = 0\n`, ''))).toEqual(ok);
  expect(checkContentChange(old, `${old}net.ipv6.ip_nonlocal_bind = 1\n`)).toEqual(ok);
  expect(checkContentChange(old, old.replace('# mine\n', ''))).toEqual(
    refused('content-outside-settings', 1),
  );
  expect(checkContentChange(old, old.replace('10', '11'))).toEqual(
    refused('content-outside-settings', 2),
  );
  expect(checkContentChange(old, `${old}kernel.modprobe = /x\n`)).toEqual(
    refused('content-outside-settings', 5),
  );
  // A CR or NUL would split the line for systemd-sysctl: such a line is never a setting line.
  expect(checkContentChange(old, `${old}${V4} = 1\rkernel.modprobe = /x\n`)).toEqual(
    refused('content-outside-settings', 5),
  );
  expect(checkContentChange(old, `${old}${V4} = 1\0kernel.modprobe = /x\n`)).toEqual(
    refused('content-outside-settings', 5),
  );
  // "- key" is taken away but never put in: procps reads it as another key.
  expect(checkContentChange(old, `${old}- ${V4} = 1\n`)).toEqual(
    refused('content-value-out-of-range', 5),
  );
});

test("someone else's out-of-range line may stay as it is, but not be written anew", () => {
  const old = `${V4} = abc\nnet.ipv6.ip_nonlocal_bind = 0\n`;
  expect(checkContentChange(old, old.replace('= 0', '= 1'))).toEqual(ok);
  expect(checkContentChange(old, old.replace('abc', 'abd'))).toEqual(
    refused('content-value-out-of-range', 1),
  );
});

test('a last line without a line break may gain the CR of a CRLF break, and nothing else', () => {
  const old = `a = 1\r\n${V4} = 0\r\nkernel.x = 1`;
  expect(checkContentChange(old, `${old}\r\nnet.ipv6.ip_nonlocal_bind = 1`)).toEqual(ok);
  expect(checkContentChange(old, `${old} \r\nnet.ipv6.ip_nonlocal_bind = 1`)).toEqual(
    refused('content-outside-settings', 3),
  );
});

test('a file is deleted only when it holds nothing but setting lines, the header and blank lines', () => {
  expect(checkContentChange(`${FILE_HEADER}${V4} = 1\n\n  \r\n`, null)).toEqual(ok);
  expect(checkContentChange(`${V4} = 1\n# note\n`, null)).toEqual(
    refused('delete-not-only-settings', 2),
  );
});

test('a new file is bounded: at most 4096 bytes, however many setting lines', () => {
  const line = `${V4} = 1\n`;
  const fits = line.repeat(Math.floor(4096 / line.length));
  expect(checkContentChange(null, fits)).toEqual(ok);
  expect(checkContentChange(null, `${fits}${line}`)).toEqual(refused('new-file-too-large', 1));
});
