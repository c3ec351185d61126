import { test, expect } from '@playwright/test';
import {
  mapElevationFailure,
  mapStepExit,
  SUDO_PROMPT_MESSAGES,
} from '../../../electron/system/elevation-errors';
import { STEP_EXIT } from '../../../electron/system/privileged-script';
import { errorWords } from '../../../renderer/src/error-words';

const MANUAL = [{ title: 'With sysctl', commands: 'sudo sysctl -w net.ipv4.ip_nonlocal_bind=1' }];

test('no pkexec: one install command per distribution family, each its own block, then the manual ones', () => {
  const error = mapElevationFailure(SUDO_PROMPT_MESSAGES.noPkexec, '', MANUAL);
  expect(error.code).toBe('no-pkexec');
  expect(error.alternatives).toEqual([
    { title: 'Debian 12 and Ubuntu 22.04 or newer', commands: 'sudo apt install pkexec' },
    { title: 'Older Debian and Ubuntu', commands: 'sudo apt install policykit-1' },
    { title: 'Fedora and RHEL', commands: 'sudo dnf install polkit' },
    { title: 'openSUSE', commands: 'sudo zypper install polkit' },
    { title: 'Arch Linux', commands: 'sudo pacman -S polkit' },
    ...MANUAL,
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
  const block = (runtime: string) => blocks.find((b) => b.title.startsWith(`${runtime}:`));
  expect(block('Docker')).toEqual({
    title: 'Docker: on the host, create the container again with `docker run`',
    commands:
      'docker run --sysctl net.ipv4.ip_nonlocal_bind=1 --sysctl net.ipv6.ip_nonlocal_bind=1 IMAGE',
  });
  expect(block('Podman')?.title).toBe(
    'Podman: on the host, create the container again with `podman run`',
  );
  expect(block('Docker Compose')?.title).toContain('`docker compose up -d` (it re-creates');
  // The pod spec alone is refused: the kubelet must allow these unsafe sysctls, on each node.
  expect(block('Kubernetes')).toEqual({
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
  expect(block('LXC')?.title).toBe(
    'LXC: in the container configuration (applied when the container next starts)',
  );
});
