import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A root with `count` sysctl files spread over the real directory layout, and
 * /proc linked to the real procfs so runtime values are read from the kernel.
 */
export async function createSysctlTree(count: number): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), `nb-bench-${count}-`));
  await symlink('/proc', path.join(root, 'proc'));
  const dirs = ['/etc/sysctl.d', '/usr/lib/sysctl.d', '/run/sysctl.d', '/usr/local/lib/sysctl.d'];
  for (const d of dirs) await mkdir(path.join(root, d), { recursive: true });
  await writeFile(
    path.join(root, 'etc/sysctl.conf'),
    '# defaults\nnet.ipv4.ip_forward = 0\nnet.ipv4.ip_nonlocal_bind = 0\n',
  );
  await symlink('../sysctl.conf', path.join(root, 'etc/sysctl.d/99-sysctl.conf'));
  for (let i = 1; i < count; i += 1) {
    const dir = dirs[i % dirs.length] as string;
    const lines = [
      `# file ${i}`,
      `vm.setting_${i} = ${i}`,
      `net.ipv4.conf.all.rp_filter = ${i % 3}`,
      i % 7 === 0 ? `net.ipv4.ip_nonlocal_bind = ${i % 2}` : `kernel.x_${i} = 1`,
      i % 11 === 0 ? `-net/ipv6/ip_nonlocal_bind = 1` : `fs.y_${i} = 2`,
    ];
    await writeFile(
      path.join(root, dir, `${String(i).padStart(4, '0')}-bench.conf`),
      `${lines.join('\n')}\n`,
    );
  }
  return root;
}

/**
 * New bytes in every regular file of a tree from createSysctlTree, and every directory
 * touched (a new ctime), so a read can reuse nothing it kept.
 */
export async function changeEveryFile(root: string, round: number): Promise<void> {
  const dirs = [
    'etc',
    'etc/sysctl.d',
    'usr/lib/sysctl.d',
    'run/sysctl.d',
    'usr/local/lib/sysctl.d',
  ];
  const now = new Date();
  for (const d of dirs) {
    const dir = path.join(root, d);
    for (const name of await readdir(dir)) {
      const file = path.join(dir, name);
      if (!name.endsWith('.conf') || !(await lstat(file)).isFile()) continue;
      const text = (await readFile(file, 'utf8')).replace(/^# round \d+\n/m, '');
      await writeFile(file, `# round ${round}\n${text}`);
    }
    await utimes(dir, now, now);
  }
}
