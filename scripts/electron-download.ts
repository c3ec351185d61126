import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Where @electron/get looks unless told otherwise (its ELECTRON_MIRROR default). */
const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

/**
 * The address Electron's install script downloads this version's binary from, as
 * @electron/get builds it: ELECTRON_MIRROR (or npm's electron_mirror setting) and
 * ELECTRON_CUSTOM_DIR, else the default mirror; `host` is what a user can check.
 */
export function electronDownloadSource(
  projectDir: string,
  env: NodeJS.ProcessEnv = process.env,
): { readonly url: string; readonly host: string } {
  const pkg = path.join(projectDir, 'node_modules', 'electron', 'package.json');
  const version = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  const mirror =
    env.ELECTRON_MIRROR ??
    env.npm_config_electron_mirror ??
    env.NPM_CONFIG_ELECTRON_MIRROR ??
    DEFAULT_MIRROR;
  const dir = env.ELECTRON_CUSTOM_DIR ?? `v${version}`;
  const url = `${mirror}${dir}/electron-v${version}-linux-${process.arch}.zip`;
  let host = mirror;
  try {
    host = new URL(mirror).host;
  } catch {
    // Not a URL: the mirror as given is the most a user can check.
  }
  return { url, host };
}

/** Why the download failed, in words, from what the install script printed: never its stack. */
export function downloadProblem(status: number | null, stderr: string, timeoutS: number): string {
  if (status === null) return `it did not finish within ${timeoutS} s`;
  const code = /(?:Response code|status code|HTTPError:?)\D{0,20}(\d{3})/i.exec(stderr)?.[1];
  if (code) return `the server answered HTTP ${code}`;
  if (/ENOTFOUND|EAI_AGAIN/.test(stderr)) return 'the host name could not be resolved';
  if (/fetch failed|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|ECONNRESET|socket/i.test(stderr))
    return 'no connection could be made';
  if (/checksum|sha256/i.test(stderr)) return 'the file did not match its checksum';
  return 'it failed';
}
