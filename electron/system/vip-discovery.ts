import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { VipDiscovery, VipEntry } from '../contract';
import { isAssignedLocally } from './bind-test';
import { globMatch, hasGlob } from './glob-match';
import { readRegularText } from './safe-read';
import { resolveSystemPath, type SystemContext } from './system-context';
import type { FoundAddress, ParseResult } from './vip-address';
import { parseHaproxyConfig } from './vip-haproxy';
import { parseKeepalivedConfig } from './vip-keepalived';
import { parseNginxConfig } from './vip-nginx';

type Program = VipEntry['program'];
type FileStatus = VipDiscovery['files'][number];

const MAX_NGINX_FILES = 200;
/** Limits on one nginx include pattern: paths it may expand to, and directories it may list. */
export const MAX_GLOB_PATHS = 500;
export const MAX_GLOB_DIRECTORIES = 200;
/** Kernel pseudo-files and devices are never configuration: an include there is not followed. */
const NOT_CONFIGURATION = ['/proc/', '/sys/', '/dev/'];

async function readConfig(
  ctx: SystemContext,
  file: string,
  files: FileStatus[],
): Promise<string | null> {
  const read = await readRegularText(resolveSystemPath(ctx, file));
  if (read.kind === 'read') {
    files.push({ path: file, status: 'read', detail: null });
    return read.text;
  }
  files.push(
    read.kind === 'missing'
      ? { path: file, status: 'missing', detail: null }
      : { path: file, status: 'unreadable', detail: read.reason },
  );
  return null;
}

/**
 * Expands `*` and `?` in any path component (a `sites-*` directory, then `*.conf`), like glob(3)
 * as nginx uses it: sorted, hidden names only when the pattern starts with a dot. Bounded: an
 * `include /*\/*\/*\/*;` stops after MAX_GLOB_DIRECTORIES listings instead of walking the disk.
 */
async function expandGlob(
  ctx: SystemContext,
  pattern: string,
  problems: VipDiscovery['skipped'][number][],
  from: { file: string; line: number },
): Promise<string[]> {
  let current = ['/'];
  let listed = 0;
  for (const segment of pattern.split('/').filter(Boolean)) {
    if (!hasGlob(segment)) {
      current = current.map((dir) => path.posix.join(dir, segment));
      continue;
    }
    const next: string[] = [];
    for (const dir of current) {
      if (listed >= MAX_GLOB_DIRECTORIES || next.length >= MAX_GLOB_PATHS) {
        // What was found so far are directories half-way down the pattern, not matches: read none.
        problems.push({
          ...from,
          reason: `include ${pattern}: not followed, it would list more than ${MAX_GLOB_DIRECTORIES} directories or match more than ${MAX_GLOB_PATHS} paths`,
        });
        return [];
      }
      listed += 1;
      const names = await readdir(resolveSystemPath(ctx, dir)).catch(() => [] as string[]);
      next.push(
        ...names
          .filter((n) => globMatch(segment, n) && (segment.startsWith('.') || !n.startsWith('.')))
          .sort()
          .map((n) => path.posix.join(dir, n)),
      );
    }
    current = next;
  }
  return current.slice(0, MAX_GLOB_PATHS);
}

/**
 * One address as the UI lists it. `machine` names a node read over SSH; null means
 * this computer, where "assigned" comes from the local interfaces.
 */
export function toVipEntry(
  found: FoundAddress,
  program: Program,
  assigned: boolean,
  machine: string | null,
): VipEntry {
  const local = !found.wildcard && assigned;
  const needs = found.wildcard || local ? null : found.family === 'IPv4' ? 'ipv4' : 'ipv6';
  const here = machine ?? 'this computer';
  const there = machine ? 'there' : 'here';
  // Keepalived adds its virtual IPs itself and never binds them: the services that
  // listen on them (HAProxy, Nginx) are what need the setting on the node without them.
  const advice = found.wildcard
    ? 'Listens on all addresses: no setting is needed.'
    : local
      ? `On ${here} now: binding works without the setting (but not on the standby node).`
      : program === 'Keepalived'
        ? `Not on ${here} yet: Keepalived adds it itself on takeover and needs no setting; HAProxy or Nginx listening on it ${there} before then need ${found.family} non-local bind.`
        : `Not on ${here}: ${program} needs ${found.family} non-local bind to start ${there}.`;
  return { ...found, program, assignedLocally: local, needs, advice };
}

function toEntry(found: FoundAddress, program: Program): VipEntry {
  return toVipEntry(found, program, !found.wildcard && isAssignedLocally(found.address), null);
}

/**
 * Reads HAProxy, Keepalived and Nginx configuration as the unprivileged user,
 * lists the addresses they name and which setting each needs. Anything not
 * understood is skipped and reported; unreadable files are marked, never fatal.
 */
export async function discoverVips(ctx: SystemContext): Promise<VipDiscovery> {
  const entries: VipEntry[] = [];
  const skipped: ParseResult['skipped'] = [];
  const files: FileStatus[] = [];
  const take = (result: ParseResult, program: Program) => {
    entries.push(...result.addresses.map((a) => toEntry(a, program)));
    skipped.push(...result.skipped);
  };
  const haproxy = await readConfig(ctx, '/etc/haproxy/haproxy.cfg', files);
  if (haproxy !== null) take(parseHaproxyConfig(haproxy, '/etc/haproxy/haproxy.cfg'), 'HAProxy');
  const keepalived = await readConfig(ctx, '/etc/keepalived/keepalived.conf', files);
  if (keepalived !== null)
    take(parseKeepalivedConfig(keepalived, '/etc/keepalived/keepalived.conf'), 'Keepalived');

  // Nginx: follow include directives from nginx.conf, each file once (includes may loop).
  const queue = ['/etc/nginx/nginx.conf'];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < MAX_NGINX_FILES) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readConfig(ctx, file, files);
    if (text === null) continue;
    const result = parseNginxConfig(text, file);
    take(result, 'Nginx');
    for (const pattern of result.includes) {
      const targets = await expandGlob(ctx, pattern, skipped, { file, line: 0 });
      const outside = targets.filter((t) => NOT_CONFIGURATION.some((p) => `${t}/`.startsWith(p)));
      if (outside.length > 0) {
        skipped.push({
          file,
          line: 0,
          reason: `include ${pattern}: ${outside.length} paths under /proc, /sys or /dev were not read (kernel and device files, not configuration)`,
        });
      }
      queue.push(...targets.filter((t) => !outside.includes(t)));
    }
  }
  return { entries, skipped, files };
}
