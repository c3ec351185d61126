import { expect, test } from '@playwright/test';
import { containerOfCgroup } from '../../electron/system/netns/cgroup-identity';

/**
 * The cgroup-path parser against /proc/PID/cgroup files recorded on real hosts (no
 * container engine runs on the test machines, and a real cgroup could only be made by
 * writing to the host's cgroup tree). Sources of the recordings: NeuVector's
 * share/system/cgroup_test.go (Debian, CentOS, Ubuntu, RancherOS, kubepods, BottleRocket,
 * OpenShift hosts), the container tagging examples in DataDog's ContainerInfoTest, and a
 * Podman host's `cat /proc/PID/cgroup` of a container and its conmon.
 */

/** A v1 file: the same path under each hierarchy, as the kernel writes it. */
function v1(path: string, hierarchies = 11): string {
  const names = [
    'cpuset',
    'cpu,cpuacct',
    'blkio',
    'memory',
    'devices',
    'freezer',
    'net_cls,net_prio',
  ];
  const lines: string[] = [];
  for (let n = hierarchies; n >= 1; n -= 1) {
    lines.push(`${n}:${n === 1 ? 'name=systemd' : (names[n % names.length] ?? 'pids')}:${path}`);
  }
  return `${lines.join('\n')}\n`;
}

const DEBIAN_DOCKER = '4f797c539e6c745de61a93ca3ff892358ecbcaccd8414d5db545c38428142970';
const CENTOS_DOCKER = '9ec39b91f3d70e1beff50a308f77067065ea6be0d91a3378375056cd4422cf3d';
const RANCHER_OUTER = 'a9a5ad238e59234193ee7ec3fcff5e735b3708ea1068826952255b69e3cfa413';
const RANCHER_INNER = 'ec08435e04266c5ba381fccbb829f626d11d8ddf5f8f547263c7a2d79ab4787a';
const KUBE_CGROUPFS = 'cb1eadb7abe3a6545e9856411207073277838e1bdc003337c2f8685faeedc32c';
const KUBE_DOCKER_SYSTEMD = 'b5b6f2da8008be266864f896f93789762b2ce50792114a5c5f2cc3315af0bc70';
const KUBE_PROXY = 'c04e0a88a1de067f25bece337d4dbb897396e0b623c2a65330850fc9823f1903';
const BOTTLEROCKET = 'f45298cd514d1930c4fe3afc4412e59547f7e3148fddd22ca33cefce046eb830';
const OPENSHIFT_CRIO = 'd6d725b909f37c3e232aadfbafa950a58bfe7baa579ba8c47a12be88bb921607';
const OPENSHIFT_STATIC = '192f5a90b165665d969bb0137b8573f2214c8f75b728ecc58dbbc7fccd64af28';
const PODMAN = '24fce7291bc6d7f8a5965a5920740b0df25dda9bb4e84ffb889d8ea2927acec5';
const NERDCTL = '3f05ee050f82c0145f1d88c94269c39dff0f07dbf8bba20aafd54b3a75dcaecc';

const cases: readonly {
  readonly host: string;
  readonly text: string;
  readonly expected: ReturnType<typeof containerOfCgroup>;
}[] = [
  {
    host: 'Debian, Docker with cgroupfs (v1, bare id at the root)',
    text: v1(`/${DEBIAN_DOCKER}`, 10),
    // A bare id with no engine directory above it: a container, engine not written down.
    expected: {
      runtime: 'unknown',
      id: DEBIAN_DOCKER,
      shortId: '4f797c539e6c',
      kubernetes: false,
      podUid: null,
    },
  },
  {
    host: 'CentOS, Docker with the systemd driver (v1)',
    text: v1(`/system.slice/docker-${CENTOS_DOCKER}.scope`, 10),
    expected: {
      runtime: 'docker',
      id: CENTOS_DOCKER,
      shortId: '9ec39b91f3d7',
      kubernetes: false,
      podUid: null,
    },
  },
  {
    host: 'Docker on cgroup v2 with the systemd driver',
    text: `0::/system.slice/docker-${CENTOS_DOCKER}.scope\n`,
    expected: {
      runtime: 'docker',
      id: CENTOS_DOCKER,
      shortId: '9ec39b91f3d7',
      kubernetes: false,
      podUid: null,
    },
  },
  {
    host: 'Ubuntu, Docker with cgroupfs (v1, /docker/<id>)',
    text: v1(`/docker/${DEBIAN_DOCKER}`, 12),
    expected: {
      runtime: 'docker',
      id: DEBIAN_DOCKER,
      shortId: '4f797c539e6c',
      kubernetes: false,
      podUid: null,
    },
  },
  {
    host: 'RancherOS, Docker in Docker: the innermost container',
    text: v1(`/docker/${RANCHER_OUTER}/docker/${RANCHER_INNER}`, 9),
    expected: {
      runtime: 'docker',
      id: RANCHER_INNER,
      shortId: 'ec08435e0426',
      kubernetes: false,
      podUid: null,
    },
  },
  {
    host: 'Kubernetes, cgroupfs driver (runtime not in the path)',
    text: v1(`/kubepods/besteffort/pod74ba62da-1a3d-11e7-bb11-080027cb0e22/${KUBE_CGROUPFS}`),
    expected: {
      runtime: 'unknown',
      id: KUBE_CGROUPFS,
      shortId: 'cb1eadb7abe3',
      kubernetes: true,
      podUid: '74ba62da-1a3d-11e7-bb11-080027cb0e22',
    },
  },
  {
    host: 'Kubernetes on Docker, systemd driver (pod UID with escaped dashes)',
    text: v1(
      `/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod045b1e35_7f13_11e7_ac42_0050568ffca0.slice/docker-${KUBE_DOCKER_SYSTEMD}.scope`,
    ),
    expected: {
      runtime: 'docker',
      id: KUBE_DOCKER_SYSTEMD,
      shortId: 'b5b6f2da8008',
      kubernetes: true,
      podUid: '045b1e35-7f13-11e7-ac42-0050568ffca0',
    },
  },
  {
    host: 'Kubernetes, kube-proxy in a sub-cgroup of its container',
    text: v1(
      `/kubepods/besteffort/podf8a694f2-7c08-11e9-98da-000c29077430/${KUBE_PROXY}/kube-proxy`,
    ),
    expected: {
      runtime: 'unknown',
      id: KUBE_PROXY,
      shortId: 'c04e0a88a1de',
      kubernetes: true,
      podUid: 'f8a694f2-7c08-11e9-98da-000c29077430',
    },
  },
  {
    host: 'BottleRocket, containerd CRI with the systemd driver',
    text: v1(
      `/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-poddd1bf9d1_241d_47f5_8e25_12de83135812.slice/cri-containerd-${BOTTLEROCKET}.scope`,
    ),
    expected: {
      runtime: 'containerd',
      id: BOTTLEROCKET,
      shortId: 'f45298cd514d',
      kubernetes: true,
      podUid: 'dd1bf9d1-241d-47f5-8e25-12de83135812',
    },
  },
  {
    host: 'OpenShift, CRI-O with the systemd driver',
    text: v1(
      `/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod8ca306fa_3c03_47fa_97dd_19979c345572.slice/crio-${OPENSHIFT_CRIO}.scope`,
      12,
    ),
    expected: {
      runtime: 'cri-o',
      id: OPENSHIFT_CRIO,
      shortId: 'd6d725b909f3',
      kubernetes: true,
      podUid: '8ca306fa-3c03-47fa-97dd-19979c345572',
    },
  },
  {
    host: 'OpenShift, a static pod (UID is a bare hash) on CRI-O, cgroup v2',
    text: `0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pode4e6004e827fdf45941cf777618f60ce.slice/crio-${OPENSHIFT_STATIC}.scope\n`,
    expected: {
      runtime: 'cri-o',
      id: OPENSHIFT_STATIC,
      shortId: '192f5a90b165',
      kubernetes: true,
      podUid: 'e4e6004e827fdf45941cf777618f60ce',
    },
  },
  {
    host: 'Podman, a container (v1 + v2, .../libpod-<id>.scope/container)',
    text: [
      `15:name=systemd:/machine.slice/libpod-${PODMAN}.scope`,
      `14:misc:/machine.slice/libpod-${PODMAN}.scope/container`,
      `0::/machine.slice/libpod-${PODMAN}.scope/container`,
      '',
    ].join('\n'),
    expected: {
      runtime: 'podman',
      id: PODMAN,
      shortId: '24fce7291bc6',
      kubernetes: false,
      podUid: null,
    },
  },
  {
    host: 'Podman rootless, in the user manager',
    text: `0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-${PODMAN}.scope\n`,
    expected: {
      runtime: 'podman',
      id: PODMAN,
      shortId: '24fce7291bc6',
      kubernetes: false,
      podUid: null,
    },
  },
  {
    host: 'nerdctl (containerd) with the systemd driver',
    text: `0::/system.slice/nerdctl-${NERDCTL}.scope\n`,
    expected: {
      runtime: 'containerd',
      id: NERDCTL,
      shortId: '3f05ee050f82',
      kubernetes: false,
      podUid: null,
    },
  },
];

for (const { host, text, expected } of cases) {
  test(`cgroup of ${host}`, () => {
    expect(containerOfCgroup(text)).toEqual(expected);
  });
}

test('not a container: host processes, sessions, and conmon (it watches from outside)', () => {
  const conmon = [
    `15:name=systemd:/machine.slice/libpod-conmon-${PODMAN}.scope`,
    '14:misc:/',
    `12:pids:/machine.slice/libpod-conmon-${PODMAN}.scope`,
    '6:devices:/machine.slice',
    `0::/machine.slice/libpod-conmon-${PODMAN}.scope`,
  ].join('\n');
  expect(containerOfCgroup(conmon)).toBeNull();
  expect(containerOfCgroup(`0::/system.slice/crio-conmon-${OPENSHIFT_CRIO}.scope\n`)).toBeNull();
  expect(containerOfCgroup(v1('/', 14))).toBeNull();
  expect(containerOfCgroup(v1('/user/1000.user/c2.session', 13))).toBeNull();
  expect(containerOfCgroup('0::/system.slice/sshd.service\n')).toBeNull();
  expect(containerOfCgroup('0::/init.scope\n')).toBeNull();
  expect(containerOfCgroup('0::/kubepods.slice/kubepods-burstable.slice\n')).toBeNull();
});

test('hostile cgroup text gives no container rather than a wrong or huge one', () => {
  const id = PODMAN;
  for (const hostile of [
    undefined,
    42,
    { path: `/docker/${id}` },
    '',
    `/docker/${id}`, // no hierarchy fields
    `x:memory:/docker/${id}`, // hierarchy id not a number
    `0::docker/${id}`, // not an absolute path
    `0::/docker/${id.toUpperCase()}`, // engines write lowercase hex
    `0::/docker/${id.slice(1)}`, // 63 digits
    `0::/docker/${id}0`, // 65 digits
    `0::/system.slice/docker-${id}.scope.evil`,
    `0::/system.slice/docker-${id}\u0000.scope`,
    `0::/${'a/'.repeat(100)}docker/${id}`, // deeper than any engine's layout
    `0::/${'x'.repeat(5000)}/docker/${id}`, // longer than any cgroup path
    `${'0::/\n'.repeat(64)}0::/docker/${id}\n`, // past the line cap
    `0::/docker/${id}`.padEnd(70_000, ' '), // past the size cap
  ]) {
    expect(containerOfCgroup(hostile), JSON.stringify(hostile)?.slice(0, 80)).toBeNull();
  }
});

test('a user can name a delegated cgroup like a container: the label says only what the path says', () => {
  const text = `0::/user.slice/user-1000.slice/user@1000.service/app.slice/docker-${CENTOS_DOCKER}.scope\n`;
  expect(containerOfCgroup(text)).toMatchObject({
    runtime: 'docker',
    id: CENTOS_DOCKER,
    kubernetes: false,
  });
});
