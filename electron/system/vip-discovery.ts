import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { VipDiscovery, VipEntry } from '../contract';
import { isAssignedLocally } from './bind-test';
import { readSmallTextFile } from './read-small-file';
import { resolveSystemPath, type SystemContext } from './system-context';
import type { FoundAddress, ParseResult } from './vip-address';
import { parseHaproxyConfig } from './vip-haproxy';
import { parseKeepalivedConfig } from './vip-keepalived';
import { parseNginxConfig } from './vip-nginx';

type Program = VipEntry['program'];
type FileStatus = VipDiscovery['files'][number];

const MAX_NGINX_FILES = 200;

function code(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}

function readConfig(ctx: SystemContext, file: string, files: FileStatus[]): string | null {
  try {
    const text = readSmallTextFile(resolveSystemPath(ctx, file));
    files.push({ path: file, status: 'read', detail: null });
    return text;
  } catch (error) {
    const c = code(error);
    files.push(
      c === 'ENOENT'
        ? { path: file, status: 'missing', detail: null }
        : { path: file, status: 'unreadable', detail: c === 'EACCES' ? 'permission denied' : c },
    );
    return null;
  }
}

/** Expands a `*` / `?` in the last path component, the way nginx includes are usually written. */
function expandGlob(ctx: SystemContext, pattern: string): string[] {
  const dir = path.posix.dirname(pattern);
  const base = path.posix.basename(pattern);
  if (!/[*?]/.test(base)) return [pattern];
  const regex = new RegExp(
    `^${base
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  try {
    return readdirSync(resolveSystemPath(ctx, dir))
      .filter((n) => regex.test(n))
      .sort()
      .map((n) => path.posix.join(dir, n));
  } catch {
    return [];
  }
}

function toEntry(found: FoundAddress, program: Program): VipEntry {
  const local = !found.wildcard && isAssignedLocally(found.address);
  const needs = found.wildcard || local ? null : found.family === 'IPv4' ? 'ipv4' : 'ipv6';
  const advice = found.wildcard
    ? 'Listens on all addresses: no setting is needed.'
    : local
      ? 'On this computer now: binding works without the setting (but not on the standby node).'
      : `Not on this computer: ${program} needs ${found.family} non-local bind to start here.`;
  return { ...found, program, assignedLocally: local, needs, advice };
}

/**
 * Reads HAProxy, Keepalived and Nginx configuration as the unprivileged user,
 * lists the addresses they name and which setting each needs. Anything not
 * understood is skipped and reported; unreadable files are marked, never fatal.
 */
export function discoverVips(ctx: SystemContext): VipDiscovery {
  const entries: VipEntry[] = [];
  const skipped: ParseResult['skipped'] = [];
  const files: FileStatus[] = [];
  const take = (result: ParseResult, program: Program) => {
    entries.push(...result.addresses.map((a) => toEntry(a, program)));
    skipped.push(...result.skipped);
  };
  const haproxy = readConfig(ctx, '/etc/haproxy/haproxy.cfg', files);
  if (haproxy !== null) take(parseHaproxyConfig(haproxy, '/etc/haproxy/haproxy.cfg'), 'HAProxy');
  const keepalived = readConfig(ctx, '/etc/keepalived/keepalived.conf', files);
  if (keepalived !== null)
    take(parseKeepalivedConfig(keepalived, '/etc/keepalived/keepalived.conf'), 'Keepalived');

  // Nginx: follow include directives from nginx.conf, each file once (includes may loop).
  const queue = ['/etc/nginx/nginx.conf'];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < MAX_NGINX_FILES) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readConfig(ctx, file, files);
    if (text === null) continue;
    const result = parseNginxConfig(text, file);
    take(result, 'Nginx');
    for (const pattern of result.includes) queue.push(...expandGlob(ctx, pattern));
  }
  return { entries, skipped, files };
}
