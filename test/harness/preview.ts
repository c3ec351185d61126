import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Sandbox } from './sandbox';

export interface RunningPreview {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly process: ChildProcess;
  /** Everything the preview wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Where `npm test` has built the app (npm test runs the build first). */
export const DIST_DIR = path.resolve('dist');

/**
 * Copies dist/ to a world-readable temp dir, so a non-root user can run the
 * preview even when the checkout sits in a private home directory.
 */
export async function copyDistForOtherUsers(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nb-dist-'));
  await cp(DIST_DIR, dir, { recursive: true });
  await chmod(dir, 0o755);
  return dir;
}

export interface StartPreviewOptions {
  readonly args?: readonly string[];
  /** Run inside this sandbox's namespaces. */
  readonly sandbox?: Sandbox;
  /** Run as this user (via setpriv), e.g. a polkit test user. */
  readonly user?: { readonly uid: number; readonly gid: number };
  readonly distDir?: string;
  /** The server's environment (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Starts `dist/preview/serve.js` the way `npm run preview` does and waits for its `Preview:` line. */
export async function startPreview(options: StartPreviewOptions = {}): Promise<RunningPreview> {
  const dist = options.distDir ?? DIST_DIR;
  let argv = [process.execPath, path.join(dist, 'preview', 'serve.js'), ...(options.args ?? [])];
  if (options.user) {
    argv = [
      'setpriv',
      `--reuid=${options.user.uid}`,
      `--regid=${options.user.gid}`,
      '--init-groups',
      '--reset-env',
      ...argv,
    ];
  }
  const [command, ...args] = argv as [string, ...string[]];
  const child = options.sandbox
    ? options.sandbox.spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env })
    : spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`preview did not start: ${stderr}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^Preview: (\S+)$/m.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`preview exited with ${code}: ${stderr}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: /token=([0-9a-f]+)/.exec(parsed.hash)?.[1] ?? '',
    process: child,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** The preview's address with the UI language chosen (`?lang=`), its token fragment kept. */
export function withLang(url: string, lang: string): string {
  const address = new URL(url);
  address.searchParams.set('lang', lang);
  return address.toString();
}
