import type { VipEntry } from '../contract';
import type { ConfigParser, ParseSink } from './vip-address';
import { createHaproxyParser } from './vip-haproxy';
import { createKeepalivedParser } from './vip-keepalived';
import { createNginxParser } from './vip-nginx';

interface VipProgram {
  /** The name the discovery's findings carry (VipEntry.program). */
  readonly name: VipEntry['program'];
  readonly parser: (file: string, sink: ParseSink) => ConfigParser;
  /** The file the program reads when its command line names none. */
  readonly config: string;
}

/**
 * The load balancers whose configuration names VIPs, read alike on this computer, on a node
 * and inside another namespace's root: their names, parsers and default configuration files.
 */
export const VIP_PROGRAMS = {
  haproxy: { name: 'HAProxy', parser: createHaproxyParser, config: '/etc/haproxy/haproxy.cfg' },
  keepalived: {
    name: 'Keepalived',
    parser: createKeepalivedParser,
    config: '/etc/keepalived/keepalived.conf',
  },
  nginx: { name: 'Nginx', parser: createNginxParser, config: '/etc/nginx/nginx.conf' },
} as const satisfies Readonly<Record<string, VipProgram>>;

export type VipProgramName = keyof typeof VIP_PROGRAMS;
