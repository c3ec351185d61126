import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parseDestination, type Destination } from '../../electron/system/nodes/destination';
import type { SshSettings } from '../../electron/system/nodes/ssh-runner';
import { createSandbox, type Sandbox } from './sandbox';

/**
 * A second machine for tests: Debian's sshd in its own network and mount namespaces
 * (a sandbox: own kernel values, own tmpfs sysctl directories, /etc in an overlay, so
 * the accounts and sudoers below exist only in there). It is reached only through
 * `ProxyCommand nsenter --net=... nc 127.0.0.1 22`: no address outside the namespace.
 * Keys come from a real ssh-agent; host keys are checked against a test-owned
 * known_hosts through a test ssh config passed with `-F`, never the user's ~/.ssh.
 */
export interface SshNode {
  readonly sandbox: Sandbox;
  /** ssh options for the app: `-F <test config>`. */
  readonly settings: SshSettings;
  /** Aliases in the test config: `<alias>` logs in as the sudo user. */
  readonly alias: string;
  readonly sudoUser: string;
  readonly sudoPassword: string;
  readonly plainUser: string;
  /** The plain user's own login password (what they would type for sudo). */
  readonly plainPassword: string;
  /**
   * A sudo user whose login shell is bash with a chatty ~/.bashrc: it prints a line when the
   * shell starts and another when it exits, as motd-style and conda-style startup files do.
   */
  readonly chattyUser: string;
  /** A user whose login shell ignores the read script and prints what `setHostileAnswer` says. */
  readonly hostileUser: string;
  setHostileAnswer(shellCode: string): void;
  readonly knownHosts: string;
  readonly dir: string;
  /** Writes the node's current host key into known_hosts (as if accepted earlier). */
  trustHostKey(): void;
  /** Replaces the node's host key (the "changed key" case) and restarts sshd. */
  changeHostKey(): Promise<void>;
  stopSshd(): Promise<void>;
  dispose(): Promise<void>;
}

function sh(command: string, args: readonly string[], input?: string): string {
  const r = spawnSync(command, args, { input, encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${r.status} ${r.stderr}`);
  return r.stdout;
}

let counter = 0;

/**
 * Kills every process in the holder's network namespace except the holder itself. All are
 * stopped first, until a scan finds no new one, and only then killed: a connection that
 * drops ends its session at once, so no process may run on while others die (a lock one
 * held must not free a step that another was about to lose).
 */
function killNamespaceProcesses(holder: number): void {
  const netns = (pid: number | string) => {
    try {
      return readlinkSync(`/proc/${pid}/ns/net`);
    } catch {
      return null;
    }
  };
  const signal = (pid: number, name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  };
  const target = netns(holder);
  if (target === null) return;
  const scan = () =>
    readdirSync('/proc')
      .filter((e) => /^\d+$/.test(e) && Number(e) !== holder && Number(e) !== process.pid)
      .filter((e) => netns(e) === target)
      .map(Number);
  const stopped = new Set<number>();
  // A stopped process forks no more, so the scans end once every one is stopped.
  for (let fresh = scan(); fresh.some((p) => !stopped.has(p)); fresh = scan()) {
    for (const pid of fresh.filter((p) => !stopped.has(p))) {
      signal(pid, 'SIGSTOP');
      stopped.add(pid);
    }
  }
  for (const pid of stopped) signal(pid, 'SIGKILL');
}

export async function createSshNode(
  alias = `node-${process.pid}-${(counter += 1)}`,
): Promise<SshNode> {
  const sandbox = await createSandbox();
  const dir = mkdtempSync('/tmp/nb-ssh-node-');
  chmodSync(dir, 0o755);
  const sudoUser = 'nbadmin';
  const plainUser = 'nbplain';
  const plainPassword = 'other-pass-9';
  const hostileUser = 'nbhostile';
  const chattyUser = 'nbchatty';
  const chattyHome = path.join(dir, 'chatty-home');
  const hostileShell = path.join(dir, 'hostile-shell');
  const hostileAnswer = path.join(dir, 'hostile-answer');
  const sudoPassword = 'correct horse 7';
  const hostKey = path.join(dir, 'host_key');
  const clientKey = path.join(dir, 'client_key');
  const knownHosts = path.join(dir, 'known_hosts');
  const agentSock = path.join(dir, 'agent.sock');
  const keysDir = path.join(dir, 'authorized_keys');
  const sshdConfig = path.join(dir, 'sshd_config');
  const clientConfig = path.join(dir, 'ssh_config');
  sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
  sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', clientKey]);
  mkdirSync(keysDir);
  const pub = readFileSync(`${clientKey}.pub`, 'utf8');
  writeFileSync(path.join(keysDir, sudoUser), pub);
  writeFileSync(path.join(keysDir, plainUser), pub);
  writeFileSync(path.join(keysDir, hostileUser), pub);
  writeFileSync(path.join(keysDir, chattyUser), pub);
  mkdirSync(chattyHome);
  writeFileSync(
    path.join(chattyHome, '.bashrc'),
    "echo 'Welcome to the node (from .bashrc)'\ntrap 'echo \"bye from .bashrc\"' EXIT\n",
  );
  writeFileSync(hostileAnswer, 'echo garbage\n');
  // A login shell that answers anything with the test's chosen output (ssh runs `$SHELL -c`).
  writeFileSync(hostileShell, `#!/bin/sh\n. ${hostileAnswer}\n`, { mode: 0o755 });
  writeFileSync(knownHosts, '');
  writeFileSync(
    sshdConfig,
    [
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${dir}/sshd.pid`,
      'UsePAM no',
      'StrictModes no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      `AuthorizedKeysFile ${keysDir}/%u`,
      'AcceptEnv none',
      '',
    ].join('\n'),
  );
  // Accounts, password and sudo rights live in the sandbox's /etc overlay only.
  sandbox.run('useradd', ['-l', '-M', '-d', dir, '-s', '/bin/sh', sudoUser]);
  sandbox.run('useradd', ['-l', '-M', '-d', dir, '-s', '/bin/sh', plainUser]);
  sandbox.run('useradd', ['-l', '-M', '-d', dir, '-s', hostileShell, hostileUser]);
  sandbox.run('useradd', ['-l', '-M', '-d', chattyHome, '-s', '/bin/bash', chattyUser]);
  sandbox.run('chpasswd', [], {
    input: `${sudoUser}:${sudoPassword}\n${plainUser}:${plainPassword}\n${hostileUser}:other-pass-8\n${chattyUser}:${sudoPassword}\n`,
  });
  sandbox.run('sh', [
    '-c',
    `printf '%s ALL=(ALL:ALL) ALL\\n' ${sudoUser} ${chattyUser} > /etc/sudoers.d/nb-test && chmod 0440 /etc/sudoers.d/nb-test`,
  ]);
  sandbox.run('mkdir', ['-p', '/run/sshd']);

  let sshd: ChildProcess | null = null;
  const startSshd = async () => {
    sshd = sandbox.spawn('/usr/sbin/sshd', ['-D', '-e', '-f', sshdConfig], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    for (let i = 0; i < 100; i += 1) {
      if (sandbox.run('nc', ['-z', '127.0.0.1', '22'], { allowFailure: true }).status === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('sshd did not start in the node');
  };
  const stopSshd = async () => {
    const child = sshd;
    sshd = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    // Session processes sshd forked stay in the namespace; end every process in it but the holder.
    killNamespaceProcesses(sandbox.pid);
  };
  await startSshd();

  const agent = spawn('ssh-agent', ['-D', '-a', agentSock], { stdio: 'ignore' });
  for (let i = 0; i < 100; i += 1) {
    if (
      spawnSync('ssh-add', ['-l'], { env: { ...process.env, SSH_AUTH_SOCK: agentSock } }).status !==
      2
    )
      break;
    await new Promise((r) => setTimeout(r, 30));
  }
  const addKey = spawnSync('ssh-add', ['-q', clientKey], {
    env: { ...process.env, SSH_AUTH_SOCK: agentSock },
  });
  if (addKey.status !== 0) throw new Error(`ssh-add: ${addKey.stderr.toString()}`);

  writeFileSync(
    clientConfig,
    [
      `Host ${alias} ${alias}-*`,
      '  HostName 127.0.0.1',
      `  User ${sudoUser}`,
      `  HostKeyAlias ${alias}`,
      `  ProxyCommand timeout 60 nsenter --net=/proc/${sandbox.pid}/ns/net nc 127.0.0.1 22`,
      'Host *',
      `  UserKnownHostsFile ${knownHosts}`,
      '  GlobalKnownHostsFile /dev/null',
      `  IdentityAgent ${agentSock}`,
      '  IdentityFile none',
      '  IdentitiesOnly no',
      '',
    ].join('\n'),
  );
  return {
    sandbox,
    settings: { program: 'ssh', options: ['-F', clientConfig], timeoutMs: 30_000 },
    alias,
    sudoUser,
    sudoPassword,
    plainUser,
    plainPassword,
    hostileUser,
    chattyUser,
    setHostileAnswer: (shellCode) => writeFileSync(hostileAnswer, shellCode),
    knownHosts,
    dir,
    trustHostKey: () => {
      // Read now: after changeHostKey the node has a new key.
      const hostPub = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(' ');
      writeFileSync(knownHosts, `${alias} ${hostPub[0]} ${hostPub[1]}\n`);
    },
    changeHostKey: async () => {
      await stopSshd();
      rmSync(hostKey, { force: true });
      rmSync(`${hostKey}.pub`, { force: true });
      sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
      await startSshd();
    },
    stopSshd,
    dispose: async () => {
      await stopSshd();
      agent.kill('SIGKILL');
      await sandbox.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A destination the test knows is valid (an alias of the test config, maybe with a user). */
export function nodeDestination(text: string): Destination {
  const d = parseDestination(text);
  if (!d.ok) throw new Error(`not a destination: ${JSON.stringify(d.error.data)}`);
  return d.destination;
}

/**
 * One node for a serial describe block, its host key already trusted; call inside
 * test.describe with the block's beforeAll/afterAll.
 */
export function shareTrustedNode(hooks: {
  beforeAll(fn: () => Promise<void>): void;
  afterAll(fn: () => Promise<void>): void;
}): () => SshNode {
  let node: SshNode | undefined;
  hooks.beforeAll(async () => {
    node = await createSshNode();
    node.trustHostKey();
  });
  hooks.afterAll(async () => {
    await node?.dispose();
  });
  return () => {
    if (!node) throw new Error('the node is not set up yet');
    return node;
  };
}
