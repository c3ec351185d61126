import { test, expect } from '@playwright/test';
import type { CommandCaption } from '../../../electron/contract';
import { captionWords } from '../../../renderer/src/words/command-words';

test('every caption of a block of commands has its own words', () => {
  const captions: CommandCaption[] = [
    { kind: 'whole' },
    { kind: 'whole-sysctl' },
    { kind: 'whole-proc' },
    { kind: 'runtime-sysctl' },
    { kind: 'runtime-proc' },
    { kind: 'write-file', path: '/etc/sysctl.d/90-nonlocal-bind.conf' },
    { kind: 'load-file' },
    { kind: 'remove-file' },
    { kind: 'ansible' },
    { kind: 'cloud-init' },
    ...(['debian', 'debian-old', 'fedora', 'opensuse', 'arch'] as const).map(
      (distro): CommandCaption => ({ kind: 'install-pkexec', distro }),
    ),
    ...(['docker', 'podman', 'compose', 'kubernetes', 'lxc'] as const).map(
      (runtime): CommandCaption => ({ kind: 'container', runtime }),
    ),
    { kind: 'netns-now', name: 'blue' },
    { kind: 'nsenter-now', pid: 4242 },
    { kind: 'netns-unit', path: '/etc/systemd/system/nonlocal-bind-netns-blue.service' },
  ];
  const words = captions.map(captionWords);
  expect(new Set(words).size).toBe(captions.length);
  for (const w of words) expect(w.length).toBeGreaterThan(6);
  expect(words[5]).toBe('Write /etc/sysctl.d/90-nonlocal-bind.conf (complete new content)');
  // A namespace's running value is never said to last.
  expect(captionWords({ kind: 'netns-now', name: 'blue' })).toMatch(/^Inside blue, .*lost when/);
  expect(captionWords({ kind: 'nsenter-now', pid: 4242 })).toMatch(/process 4242, .*lost when/);
});
