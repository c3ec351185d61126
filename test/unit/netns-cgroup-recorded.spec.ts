import { expect, test } from '@playwright/test';
import { containerOfCgroup } from '../../electron/system/netns/cgroup-identity';

/**
 * cgroup files recorded on this Debian 12 machine from a real container engine (Podman 4.3
 * with runc and the cgroupfs manager, cgroup v1 plus a cgroup2 mount), next to the ones
 * netns-cgroup.spec.ts takes from the engines' own test data.
 */

const PODMAN_CGROUPFS = '66099f3bbf047e667174dbca3126739933ea96a9f9cd952d960175cd9da9e67e';
const CONTROLLERS = ['pids', 'blkio', 'freezer', 'devices', 'memory', 'cpuset', 'cpuacct', 'cpu'];

test('Podman with the cgroupfs manager: /libpod_parent/libpod-<id> in every hierarchy', () => {
  const text = [
    `9:name=systemd:/libpod_parent/libpod-${PODMAN_CGROUPFS}`,
    ...CONTROLLERS.map((c, i) => `${8 - i}:${c}:/libpod_parent/libpod-${PODMAN_CGROUPFS}`),
    `0::/libpod_parent/libpod-${PODMAN_CGROUPFS}`,
    '',
  ].join('\n');
  expect(containerOfCgroup(text)).toEqual({
    runtime: 'podman',
    id: PODMAN_CGROUPFS,
    shortId: '66099f3bbf04',
    kubernetes: false,
    podUid: null,
  });
  // `--cgroup-parent /any/where` keeps the container's own name.
  expect(containerOfCgroup(`0::/nb-test-1/libpod-${PODMAN_CGROUPFS}\n`)?.id).toBe(PODMAN_CGROUPFS);
});

test('Podman with the cgroupfs manager: conmon sits in /libpod_parent/conmon, outside any container', () => {
  const conmon = [
    '9:name=systemd:/',
    ...CONTROLLERS.map((c, i) => `${8 - i}:${c}:/libpod_parent/conmon`),
    '0::/',
    '',
  ].join('\n');
  expect(containerOfCgroup(conmon)).toBeNull();
});
