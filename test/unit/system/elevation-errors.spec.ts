import { test, expect } from '@playwright/test';
import {
  mapElevationFailure,
  mapStepExit,
  SUDO_PROMPT_MESSAGES,
} from '../../../electron/system/elevation-errors';
import { STEP_EXIT } from '../../../electron/system/privileged-script';
import type { CommandBlock } from '../../../electron/contract';
import { errorWords } from '../../../renderer/src/error-words';
import { captionWords } from '../../../renderer/src/words/command-words';

const MANUAL: CommandBlock[] = [
  { caption: { kind: 'whole-sysctl' }, commands: 'sudo sysctl -w net.ipv4.ip_nonlocal_bind=1' },
];

/** A block as the app shows it: its caption in the renderer's words, and its commands. */
const shown = (b: CommandBlock | undefined) =>
  b && { title: captionWords(b.caption), commands: b.commands };

test('no pkexec: one install command per distribution family, each its own block, then the manual ones', () => {
  const error = mapElevationFailure(SUDO_PROMPT_MESSAGES.noPkexec, '', MANUAL);
  expect(error.code).toBe('no-pkexec');
  expect(error.alternatives?.map(shown)).toEqual([
    { title: 'Debian 12 and Ubuntu 22.04 or newer', commands: 'sudo apt install pkexec' },
    { title: 'Older Debian and Ubuntu', commands: 'sudo apt install policykit-1' },
    { title: 'Fedora and RHEL', commands: 'sudo dnf install polkit' },
    { title: 'openSUSE', commands: 'sudo zypper install polkit' },
    { title: 'Arch Linux', commands: 'sudo pacman -S polkit' },
    ...MANUAL.map(shown),
  ]);
});

test('read-only /proc/sys: set on the host, taking effect when the container or pod is created again', () => {
  const error = mapStepExit(STEP_EXIT.procReadOnly, 'Read-only file system', [
    { key: 'net.ipv4.ip_nonlocal_bind', value: '1' },
    { key: 'net.ipv6.ip_nonlocal_bind', value: '1' },
  ]);
  expect(error?.code).toBe('proc-read-only');
  expect(error && errorWords(error)).toContain(
    'Docker, Podman and Kubernetes apply it only when the container or pod is created again, not when it restarts:',
  );
  expect(error && errorWords(error)).not.toContain('restart the container');
  const blocks = error?.alternatives ?? [];
  const block = (runtime: string) =>
    blocks.find((b) => captionWords(b.caption).startsWith(`${runtime}:`));
  expect(shown(block('Docker'))).toEqual({
    title: 'Docker: on the host, create the container again with `docker run`',
    commands:
      'docker run --sysctl net.ipv4.ip_nonlocal_bind=1 --sysctl net.ipv6.ip_nonlocal_bind=1 IMAGE',
  });
  expect(shown(block('Podman'))?.title).toBe(
    'Podman: on the host, create the container again with `podman run`',
  );
  expect(shown(block('Docker Compose'))?.title).toContain('`docker compose up -d` (it re-creates');
  // The pod spec alone is refused: the kubelet must allow these unsafe sysctls, on each node.
  expect(shown(block('Kubernetes'))).toEqual({
    title: 'Kubernetes: in the pod spec, then re-create the pod',
    commands: [
      "# Not on the kubelet's safe-sysctl list: each node's kubelet must allow them first,",
      "#   --allowed-unsafe-sysctls='net.ipv4.ip_nonlocal_bind,net.ipv6.ip_nonlocal_bind'",
      '# (or allowedUnsafeSysctls in its KubeletConfiguration file), or the pod is refused.',
      'securityContext:',
      '  sysctls:',
      '    - name: net.ipv4.ip_nonlocal_bind',
      '      value: "1"',
      '    - name: net.ipv6.ip_nonlocal_bind',
      '      value: "1"',
    ].join('\n'),
  });
  expect(shown(block('LXC'))?.title).toBe(
    'LXC: in the container configuration (applied when the container next starts)',
  );
});

test('exit 0 is success only with the step’s applied line: a shell that got no script changed nothing', () => {
  expect(mapStepExit(STEP_EXIT.ok, '', [], 'nonlocal-bind: applied\n')).toBeNull();
  // A recovery line first, then the Apply's own.
  expect(
    mapStepExit(
      STEP_EXIT.ok,
      '',
      [],
      'nonlocal-bind: recovered none file=- net.ipv4.ip_nonlocal_bind=0\nnonlocal-bind: applied\n',
    ),
  ).toBeNull();
  expect(mapStepExit(STEP_EXIT.ok, '', [], '')).toMatchObject({ code: 'step-failed' });
  expect(mapStepExit(STEP_EXIT.ok, 'base64: not found', [], 'applied')).toMatchObject({
    code: 'step-failed',
    details: 'base64: not found',
  });
});
