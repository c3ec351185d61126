import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readStateFileSync } from '../../electron/system/netns/capped-read';
import { DEFAULT_SCAN_LIMITS } from '../../electron/system/netns/list-namespaces';
import { namespaceLastingSync } from '../../electron/system/netns/container-files';
import type {
  ContainerIdentity,
  ContainerStateFiles,
} from '../../electron/system/netns/netns-types';

/**
 * "Survives a restart?" from the container's own configuration, laid out as Docker
 * (hostconfig.json `Sysctls`), containers/storage for Podman and CRI-O (userdata/config.json
 * `linux.sysctl`) and containerd (the task bundle's config.json) write it, with the traps a
 * hostile state directory can hold.
 */

const kit = { fs, readStateFile: readStateFileSync };
const hex = (c: string) => c.repeat(64);
const KEY = 'net.ipv4.ip_nonlocal_bind';

function container(runtime: ContainerIdentity['runtime'], id: string): ContainerIdentity {
  return { runtime, id, shortId: id.slice(0, 12), kubernetes: false, podUid: null };
}

let root: string;
let files: ContainerStateFiles;

test.beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-netns-lasting-'));
  files = {
    dockerContainers: `${root}/docker/containers`,
    containersJson: [`${root}/storage/overlay-containers/containers.json`],
    containerdTasks: `${root}/containerd/tasks`,
  };
});

test.afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function write(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

const lasting = (containers: readonly ContainerIdentity[], left = 64) =>
  namespaceLastingSync(kit, files, DEFAULT_SCAN_LIMITS, containers, { left }, Date.now() + 60_000);

test('Docker: HostConfig.Sysctls from hostconfig.json', () => {
  write(
    `${files.dockerContainers}/${hex('a')}/hostconfig.json`,
    JSON.stringify({
      NetworkMode: 'bridge',
      Sysctls: { [KEY]: '1', 'net.core.somaxconn': '4096' },
    }),
  );
  write(`${files.dockerContainers}/${hex('b')}/hostconfig.json`, JSON.stringify({ Sysctls: null }));
  expect(lasting([container('docker', hex('a'))])).toEqual({
    kind: 'container-config',
    keys: { [KEY]: '1', 'net.core.somaxconn': '4096' },
  });
  expect(lasting([container('docker', hex('b'))])).toEqual({ kind: 'resets-on-restart' });
  expect(lasting([container('docker', hex('c'))])).toEqual({ kind: 'unknown' });
});

test('Podman/CRI-O userdata and containerd bundles: linux.sysctl of the OCI spec', () => {
  const spec = (sysctl: unknown) => JSON.stringify({ ociVersion: '1.0.2', linux: { sysctl } });
  write(
    `${root}/storage/overlay-containers/${hex('d')}/userdata/config.json`,
    spec({ [KEY]: '1' }),
  );
  write(`${files.containerdTasks}/k8s.io/${hex('e')}/config.json`, spec({ [KEY]: '0' }));
  write(`${files.containerdTasks}/moby/${hex('f')}/config.json`, JSON.stringify({ linux: {} }));
  expect(lasting([container('podman', hex('d'))])).toEqual({
    kind: 'container-config',
    keys: { [KEY]: '1' },
  });
  expect(lasting([container('cri-o', hex('d'))]).kind).toBe('container-config');
  // A pod: the pause (sandbox) container carries the sysctls, the app container none.
  expect(lasting([container('containerd', hex('f')), container('containerd', hex('e'))])).toEqual({
    kind: 'container-config',
    keys: { [KEY]: '0' },
  });
  expect(lasting([container('containerd', hex('f'))])).toEqual({ kind: 'resets-on-restart' });
  // An engine the cgroup path does not name: every place is looked at.
  expect(lasting([container('unknown', hex('e'))]).kind).toBe('container-config');
});

test('no container (a named or process-held namespace): resets on restart', () => {
  expect(lasting([])).toEqual({ kind: 'resets-on-restart' });
});

test('hostile configs: bad JSON, wrong types, odd keys and values, FIFOs, links, huge files', () => {
  const docker = (id: string) => `${files.dockerContainers}/${id}/hostconfig.json`;
  write(docker(hex('1')), '{"Sysctls": {"net.ipv4.ip_nonlocal_bind": "1"');
  write(docker(hex('2')), JSON.stringify({ Sysctls: ['net.ipv4.ip_nonlocal_bind=1'] }));
  write(
    docker(hex('3')),
    JSON.stringify({
      Sysctls: {
        'net.ipv4.ip_nonlocal_bind': 1,
        'bad key; rm -rf /': '1',
        'net.ok': 'x'.repeat(65),
        'net.esc': '\u001b[31m',
        ['__proto__']: '1',
        'net.ipv6.ip_nonlocal_bind': '1',
      },
    }),
  );
  write(docker(hex('4')), '[[[[[[[[[['.repeat(100_000));
  fs.mkdirSync(path.dirname(docker(hex('5'))), { recursive: true });
  spawnSync('mkfifo', [docker(hex('5'))]);
  fs.mkdirSync(path.dirname(docker(hex('6'))), { recursive: true });
  fs.symlinkSync('/etc/passwd', docker(hex('6')));
  write(docker(hex('7')), ' '.repeat(DEFAULT_SCAN_LIMITS.maxStateFileBytes + 1));
  const started = performance.now();
  expect(lasting([container('docker', hex('1'))])).toEqual({ kind: 'unknown' });
  expect(lasting([container('docker', hex('2'))])).toEqual({ kind: 'resets-on-restart' });
  expect(lasting([container('docker', hex('3'))])).toEqual({
    kind: 'container-config',
    keys: { 'net.ipv6.ip_nonlocal_bind': '1' },
  });
  for (const c of '4567')
    expect(lasting([container('docker', hex(c))])).toEqual({ kind: 'unknown' });
  expect(performance.now() - started).toBeLessThan(2_000);
  // Not an id: no path is built from it.
  expect(lasting([container('docker', '../../../etc')])).toEqual({ kind: 'unknown' });
});

test('the lookup cap and the deadline bound the files read', () => {
  write(
    `${files.dockerContainers}/${hex('a')}/hostconfig.json`,
    JSON.stringify({ Sysctls: { [KEY]: '1' } }),
  );
  expect(lasting([container('docker', hex('a'))], 0)).toEqual({ kind: 'unknown' });
  const past = namespaceLastingSync(
    kit,
    files,
    DEFAULT_SCAN_LIMITS,
    [container('docker', hex('a'))],
    { left: 10 },
    Date.now() - 1,
  );
  expect(past).toEqual({ kind: 'unknown' });
});
