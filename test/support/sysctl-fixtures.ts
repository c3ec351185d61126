/** A tree of sysctl sources: system path -> file content, or a symlink target. */
export type FixtureTree = Readonly<Record<string, string | { readonly link: string }>>;

export interface SysctlFixture {
  readonly name: string;
  readonly tree: FixtureTree;
}

const V4 = 'net.ipv4.ip_nonlocal_bind';
const V6 = 'net.ipv6.ip_nonlocal_bind';

/**
 * Fixture trees, one per precedence rule. Only per-network-namespace keys appear,
 * because the oracle tests run the real engines, which would otherwise change the host.
 */
export const FIXTURES: readonly SysctlFixture[] = [
  {
    name: 'sysctl.conf through the 99-sysctl.conf link loses to a later name under systemd only',
    tree: {
      '/etc/sysctl.d/99-zz-ha.conf': `${V4} = 1\n`,
      '/etc/sysctl.d/99-sysctl.conf': { link: '../sysctl.conf' },
      '/etc/sysctl.conf': `# Debian default\n${V4} = 0\n`,
    },
  },
  {
    name: '/etc/sysctl.conf without the link counts for procps only',
    tree: { '/etc/sysctl.conf': `${V4} = 1\n${V6}=1\n` },
  },
  {
    name: 'same name: /etc overrides /usr/lib',
    tree: {
      '/usr/lib/sysctl.d/50-ha.conf': `${V4} = 1\n`,
      '/etc/sysctl.d/50-ha.conf': `${V4} = 0\n`,
    },
  },
  {
    name: 'same name: /run overrides /usr/lib and /usr/local/lib',
    tree: {
      '/usr/lib/sysctl.d/50-ha.conf': `${V4} = 0\n`,
      '/usr/local/lib/sysctl.d/50-ha.conf': `${V4} = 0\n${V6} = 0\n`,
      '/run/sysctl.d/50-ha.conf': `${V4} = 1\n`,
    },
  },
  {
    name: 'a link to /dev/null masks a vendor file',
    tree: {
      '/usr/lib/sysctl.d/60-vendor.conf': `${V4} = 1\n${V6} = 1\n`,
      '/etc/sysctl.d/60-vendor.conf': { link: '/dev/null' },
    },
  },
  {
    name: 'files are ordered by name across directories',
    tree: {
      '/usr/lib/sysctl.d/90-late.conf': `${V4} = 1\n`,
      '/etc/sysctl.d/10-early.conf': `${V4} = 0\n${V6} = 1\n`,
    },
  },
  {
    name: 'last assignment in a file wins; "/" keys and "-" prefix name the same key',
    tree: {
      '/etc/sysctl.d/70-mixed.conf': `${V4} = 1\n-net/ipv4/ip_nonlocal_bind=0\n  net/ipv6/ip_nonlocal_bind   =   1\n`,
    },
  },
  {
    name: 'CRLF line endings and comments',
    tree: {
      '/etc/sysctl.d/80-windows.conf': `# edited on Windows\r\n; ${V4} = 0\r\n${V4} = 1\r\n${V6} = 1\r\n`,
    },
  },
  {
    name: 'empty directories and empty files set nothing',
    tree: { '/etc/sysctl.d/10-empty.conf': '', '/usr/local/lib/sysctl.d/README': `${V4} = 1\n` },
  },
];
