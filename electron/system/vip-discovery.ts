import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isAssignedLocally, listLocalAddresses } from './ip-address';
import { resolveSystemPath, type SystemContext } from './system-context';
import { expandGlob } from './vip-glob';
import { parseHaproxyConfig } from './vip-haproxy';
import { parseKeepalivedConfig } from './vip-keepalived';
import { parseNginxConfig } from './vip-nginx';
import type { VipAddress, VipProgram, VipSkipped } from './vip-types';

export const HAPROXY_CONFIG = '/etc/haproxy/haproxy.cfg';
export const KEEPALIVED_CONFIG = '/etc/keepalived/keepalived.conf';
export const NGINX_DIRECTORY = '/etc/nginx';
export const NGINX_CONFIG = '/etc/nginx/nginx.conf';
// Deep enough for any real layout; stops include chains that never end.
const MAX_INCLUDE_DEPTH = 16;

export type VipFileStatus = 'read' | 'missing' | 'unreadable';

export interface VipFile {
  readonly file: string;
  readonly program: VipProgram;
  readonly status: VipFileStatus;
  readonly detail?: string;
}

export interface DiscoveredVip extends VipAddress {
  readonly assignedLocally: boolean;
  /** The setting a service needs to bind this address before it arrives; null when it is here. */
  readonly setting: 'ipv4' | 'ipv6' | null;
  readonly explanation: string;
}

export interface VipDiscovery {
  readonly addresses: DiscoveredVip[];
  readonly skipped: VipSkipped[];
  readonly files: VipFile[];
}

type ReadOutcome = { readonly text: string } | { readonly file: VipFile };

/** Reads the three programs' configurations unprivileged; never throws for file problems. */
export async function discoverVips(
  ctx: SystemContext,
  localAddresses: ReadonlySet<string> = listLocalAddresses(),
): Promise<VipDiscovery> {
  const found: VipAddress[] = [];
  const skipped: VipSkipped[] = [];
  const files: VipFile[] = [];
  const readOne = async (file: string, program: VipProgram): Promise<string | null> => {
    const outcome = await readConfig(ctx, file, program);
    if ('file' in outcome) {
      files.push(outcome.file);
      return null;
    }
    files.push({ file, program, status: 'read' });
    return outcome.text;
  };

  const haproxy = await readOne(HAPROXY_CONFIG, 'haproxy');
  if (haproxy !== null) collect(parseHaproxyConfig(haproxy, HAPROXY_CONFIG));
  const keepalived = await readOne(KEEPALIVED_CONFIG, 'keepalived');
  if (keepalived !== null) collect(parseKeepalivedConfig(keepalived, KEEPALIVED_CONFIG));
  await readNginxTree(ctx, readOne, collect, skipped);

  function collect(parsed: { addresses: VipAddress[]; skipped: VipSkipped[] }): void {
    found.push(...parsed.addresses);
    skipped.push(...parsed.skipped);
  }
  return { addresses: found.map((vip) => explainVip(vip, localAddresses)), skipped, files };
}

/** Follows `include` from nginx.conf, globs relative to /etc/nginx, each file once. */
async function readNginxTree(
  ctx: SystemContext,
  readOne: (file: string, program: VipProgram) => Promise<string | null>,
  collect: (parsed: { addresses: VipAddress[]; skipped: VipSkipped[] }) => void,
  skipped: VipSkipped[],
): Promise<void> {
  const seen = new Set<string>();
  const visit = async (file: string, depth: number): Promise<void> => {
    seen.add(file);
    const text = await readOne(file, 'nginx');
    if (text === null) return;
    const parsed = parseNginxConfig(text, file);
    collect(parsed);
    for (const include of parsed.includes) {
      const pattern = path.posix.resolve(NGINX_DIRECTORY, include.pattern);
      const matches = await expandGlob(resolveSystemPath(ctx, '/'), pattern);
      for (const match of matches) {
        if (seen.has(match)) {
          skipped.push({
            file,
            line: include.line,
            reason: `include loop or repeat: ${match} already read`,
          });
        } else if (depth >= MAX_INCLUDE_DEPTH) {
          skipped.push({ file, line: include.line, reason: `includes nested too deep: ${match}` });
        } else {
          await visit(match, depth + 1);
        }
      }
    }
  };
  await visit(NGINX_CONFIG, 0);
}

async function readConfig(
  ctx: SystemContext,
  file: string,
  program: VipProgram,
): Promise<ReadOutcome> {
  try {
    return { text: await readFile(resolveSystemPath(ctx, file), 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { file: { file, program, status: 'missing' } };
    const detail =
      code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : String(code);
    return { file: { file, program, status: 'unreadable', detail } };
  }
}

/** Says whether the address is here already and, if not, which setting its service needs. */
export function explainVip(vip: VipAddress, localAddresses: ReadonlySet<string>): DiscoveredVip {
  const assignedLocally = isAssignedLocally(vip.address, localAddresses);
  if (assignedLocally) {
    return {
      ...vip,
      assignedLocally,
      setting: null,
      explanation: "on this computer now; the setting isn't needed while it stays here",
    };
  }
  const setting = vip.family === 'IPv4' ? 'ipv4' : 'ipv6';
  return {
    ...vip,
    assignedLocally,
    setting,
    explanation: `not on this computer: ${vip.program} can bind it before it arrives only with ${vip.family} non-local bind (net.${setting}.ip_nonlocal_bind = 1)`,
  };
}
