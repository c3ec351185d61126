import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readStateFileSync } from '../../electron/system/netns/capped-read';
import { nameContainersSync } from '../../electron/system/netns/container-files';
import {
  DEFAULT_SCAN_LIMITS,
  defaultStateFiles,
} from '../../electron/system/netns/list-namespaces';
import type {
  ContainerIdentity,
  ContainerStateFiles,
} from '../../electron/system/netns/netns-types';

/**
 * Container names from the runtimes' own files, laid out as Docker, containers/storage
 * (Podman, CRI-O) and containerd write them, in a temporary directory, with the traps a
 * hostile state directory can hold: a FIFO, a link to /dev/zero, a huge file, bad JSON.
 */

const kit = { fs, readStateFile: readStateFileSync };
const hex = (c: string) => c.repeat(64);

function container(runtime: ContainerIdentity['runtime'], id: string): ContainerIdentity {
  return { runtime, id, shortId: id.slice(0, 12), kubernetes: false, podUid: null };
}

let root: string;
let files: ContainerStateFiles;

test.beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-netns-names-'));
  files = {
    dockerContainers: `${root}/docker/containers`,
    containersJson: [`${root}/containers/containers.json`, `${root}/home/containers.json`],
    containerdTasks: `${root}/containerd/tasks`,
  };
});

test.afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function write(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

const far = () => Date.now() + 60_000;

test('names from Docker, containers/storage and containerd files, each where its engine keeps it', () => {
  write(
    `${files.dockerContainers}/${hex('a')}/config.v2.json`,
    JSON.stringify({ ID: hex('a'), Name: '/web-lb' }),
  );
  write(
    files.containersJson[1] as string,
    JSON.stringify([
      { id: hex('b'), names: ['edge-haproxy'], image: 'x' },
      { id: hex('c'), names: ['k8s_haproxy_lb-0_default_uid_0'] },
    ]),
  );
  write(
    `${files.containerdTasks}/k8s.io/${hex('d')}/config.json`,
    JSON.stringify({
      annotations: {
        'io.kubernetes.cri.container-name': 'envoy',
        'io.kubernetes.cri.sandbox-name': 'gateway-7d9f',
        'io.kubernetes.cri.sandbox-namespace': 'ingress',
      },
    }),
  );
  write(
    `${files.containerdTasks}/default/${hex('e')}/config.json`,
    JSON.stringify({ annotations: { 'nerdctl/name': 'nginx-1' } }),
  );
  const names = nameContainersSync(
    kit,
    files,
    DEFAULT_SCAN_LIMITS,
    [
      container('docker', hex('a')),
      container('podman', hex('b')),
      container('cri-o', hex('c')),
      container('containerd', hex('d')),
      container('unknown', hex('e')),
      container('podman', hex('f')),
    ],
    far(),
  );
  expect(names).toEqual({
    [hex('a')]: { name: 'web-lb', source: 'docker-config' },
    [hex('b')]: { name: 'edge-haproxy', source: 'containers-json' },
    [hex('c')]: { name: 'k8s_haproxy_lb-0_default_uid_0', source: 'containers-json' },
    [hex('d')]: {
      name: 'envoy',
      source: 'oci-annotations',
      pod: { name: 'gateway-7d9f', namespace: 'ingress' },
    },
    [hex('e')]: { name: 'nginx-1', source: 'oci-annotations' },
  });
});

test('a name is looked up only where the engine the cgroup path names keeps it', () => {
  write(
    `${files.dockerContainers}/${hex('a')}/config.v2.json`,
    JSON.stringify({ Name: '/web-lb' }),
  );
  expect(
    nameContainersSync(kit, files, DEFAULT_SCAN_LIMITS, [container('podman', hex('a'))], far()),
  ).toEqual({});
});

test('hostile state files give no name, and never hang or exhaust the listing', () => {
  const ids = ['1', '2', '3', '4', '5', '6', '7'].map(hex);
  const config = (id: string) => `${files.dockerContainers}/${id}/config.v2.json`;
  fs.mkdirSync(path.dirname(config(ids[0] as string)), { recursive: true });
  expect(spawnSync('mkfifo', [config(ids[0] as string)]).status).toBe(0);
  fs.mkdirSync(path.dirname(config(ids[1] as string)), { recursive: true });
  fs.symlinkSync('/dev/zero', config(ids[1] as string));
  write(
    config(ids[2] as string),
    JSON.stringify({ Name: '/big', pad: 'x'.repeat(2 * 1024 * 1024) }),
  );
  write(config(ids[3] as string), '{"Name": "/cut');
  write(config(ids[4] as string), JSON.stringify({ Name: '/evil\u001b[2Jname' }));
  write(config(ids[5] as string), JSON.stringify({ Name: ['/array'] }));
  fs.mkdirSync(config(ids[6] as string), { recursive: true });
  // A link to a real, small, well-formed file: still refused (no links followed at the end).
  write(`${root}/elsewhere.json`, JSON.stringify({ Name: '/linked' }));
  const linked = hex('8');
  fs.mkdirSync(path.dirname(config(linked)), { recursive: true });
  fs.symlinkSync(`${root}/elsewhere.json`, config(linked));
  write(files.containersJson[0] as string, '['.repeat(100_000));
  const started = performance.now();
  const names = nameContainersSync(
    kit,
    files,
    DEFAULT_SCAN_LIMITS,
    [...ids, linked].map((id) => container('unknown', id)),
    far(),
  );
  expect(names).toEqual({});
  // Every refusal is a syscall or two; a read of the FIFO or /dev/zero would never end.
  expect(performance.now() - started).toBeLessThan(5_000);
});

test('the capped reader says why it refused', () => {
  write(`${root}/fits`, 'abc');
  expect(readStateFileSync(fs, `${root}/fits`, 3)).toEqual({ ok: true, text: 'abc' });
  expect(readStateFileSync(fs, `${root}/fits`, 2)).toEqual({ ok: false, code: 'EFBIG' });
  expect(readStateFileSync(fs, `${root}/absent`, 10)).toEqual({ ok: false, code: 'ENOENT' });
  fs.symlinkSync('/dev/zero', `${root}/zero`);
  expect(readStateFileSync(fs, `${root}/zero`, 10)).toEqual({ ok: false, code: 'ELOOP' });
  expect(readStateFileSync(fs, '/dev/zero', 10)).toEqual({ ok: false, code: 'ENOTREG' });
});

test('lookups stop at the cap and at the deadline', () => {
  const ids = ['a', 'b', 'c'].map(hex);
  for (const id of ids)
    write(
      `${files.dockerContainers}/${id}/config.v2.json`,
      JSON.stringify({ Name: `/c-${id[0]}` }),
    );
  const all = ids.map((id) => container('docker', id));
  const capped = nameContainersSync(
    kit,
    files,
    { ...DEFAULT_SCAN_LIMITS, maxNameLookups: 2 },
    all,
    far(),
  );
  expect(Object.keys(capped)).toEqual([ids[0], ids[1]]);
  expect(nameContainersSync(kit, files, DEFAULT_SCAN_LIMITS, all, Date.now() - 1)).toEqual({});
});

test('default places: the runtimes own, and rootless Podman in the user home', () => {
  expect(defaultStateFiles('/home/ops')).toEqual({
    dockerContainers: '/var/lib/docker/containers',
    containersJson: [
      '/var/lib/containers/storage/overlay-containers/containers.json',
      '/home/ops/.local/share/containers/storage/overlay-containers/containers.json',
    ],
    containerdTasks: '/run/containerd/io.containerd.runtime.v2.task',
  });
  expect(defaultStateFiles('/').containersJson).toHaveLength(1);
});
