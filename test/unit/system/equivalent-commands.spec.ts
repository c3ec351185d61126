import { test, expect } from '@playwright/test';
import { buildEquivalentCommands } from '../../../electron/system/equivalent-commands';
import { captionWords } from '../../../renderer/src/words/command-words';

const LOAD = 'Load that file now (also applies any other keys it sets)';

test('a written file is loaded afterwards; after a removal nothing is loaded', () => {
  const write = buildEquivalentCommands({
    values: { ipv4: '1' },
    file: { op: 'write', name: '60-a.conf', expectedSha256: null, content: 'x = 1\n' },
  });
  expect(write.map((b) => captionWords(b.caption))).toContain(LOAD);

  const removal = buildEquivalentCommands({
    values: {},
    file: {
      op: 'write',
      name: '60-a.conf',
      expectedSha256: null,
      content: 'x = 1\n',
      removed: [{ key: 'net.ipv4.ip_nonlocal_bind', lines: 1 }],
    },
  });
  expect(removal.map((b) => captionWords(b.caption))).toEqual([
    'Write /etc/sysctl.d/60-a.conf (complete new content)',
  ]);

  const fromConf = buildEquivalentCommands({
    values: {},
    file: {
      op: 'write-conf',
      expectedSha256: null,
      content: 'kernel.a = 1\n',
      removed: [{ key: 'net.ipv4.ip_nonlocal_bind', lines: 1 }],
    },
  });
  expect(fromConf.map((b) => b.commands).join('\n')).not.toContain('sysctl -p');
});
