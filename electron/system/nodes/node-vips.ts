import type { VipDiscovery, VipEntry } from '../../contract';
import { isLocalAddress } from '../bind-test';
import type { ParseResult } from '../vip-address';
import { toVipEntry } from '../vip-discovery';
import { parseHaproxyConfig } from '../vip-haproxy';
import { parseKeepalivedConfig } from '../vip-keepalived';
import { parseNginxConfig } from '../vip-nginx';
import type { NodeExtras } from './parse-read-answer';

function parserFor(file: string): ((text: string, file: string) => ParseResult) | null {
  if (file === '/etc/haproxy/haproxy.cfg') return parseHaproxyConfig;
  if (file === '/etc/keepalived/keepalived.conf') return parseKeepalivedConfig;
  if (file.startsWith('/etc/nginx/')) return parseNginxConfig;
  return null;
}

function programOf(file: string): VipEntry['program'] {
  return file.startsWith('/etc/haproxy/')
    ? 'HAProxy'
    : file.startsWith('/etc/keepalived/')
      ? 'Keepalived'
      : 'Nginx';
}

/** Where Debian and RHEL packages include from, which the read script already sends. */
const READ_INCLUDES = /^\/etc\/nginx\/(conf\.d\/\*\.conf|sites-enabled\/\*)$/;

/**
 * A node's VIPs from the configuration its read answer carried, with the same
 * parsers as this computer. "On the node" is judged from the node's own interfaces.
 */
export function vipsFromNode(extras: NodeExtras, machine: string): VipDiscovery {
  const held = extras.addresses ?? [];
  const entries: VipEntry[] = [];
  const skipped: VipDiscovery['skipped'][number][] = [];
  const files: VipDiscovery['files'][number][] = [];
  for (const vipFile of extras.vipFiles) {
    if (vipFile.kind === 'skipped') {
      files.push({ path: vipFile.path, status: 'unreadable', detail: vipFile.reason });
      continue;
    }
    files.push({ path: vipFile.path, status: 'read', detail: null });
    const parse = parserFor(vipFile.path);
    if (!parse) continue;
    const result = parse(vipFile.text, vipFile.path);
    const program = programOf(vipFile.path);
    entries.push(
      ...result.addresses.map((found) =>
        toVipEntry(found, program, isLocalAddress(found.address, held), machine),
      ),
    );
    skipped.push(...result.skipped);
    for (const pattern of result.includes) {
      if (READ_INCLUDES.test(pattern)) continue;
      skipped.push({
        file: vipFile.path,
        line: 0,
        reason: `include ${pattern}: not read on a node (the app reads nginx.conf, conf.d/*.conf and sites-enabled/* there)`,
      });
    }
  }
  if (extras.addresses === null) {
    skipped.push({
      file: '(node)',
      line: 0,
      reason: 'the node has no ip command, so the app cannot tell which addresses it holds',
    });
  }
  return { entries, skipped, files };
}
