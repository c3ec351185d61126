import type { AppState } from '../../../electron/contract';

/** Two settings, read; 99-custom.conf (someone else's) is where a change goes by default. */
export const system = (v4: 0 | 1, v6: 0 | 1): AppState => ({
  readAt: '2026-01-01T00:00:00.000Z',
  demo: null,
  interruptedApply: null,
  otherApplyRunning: false,
  settings: [
    {
      id: 'ipv4',
      key: 'net.ipv4.ip_nonlocal_bind',
      procPath: '/proc/sys/net/ipv4/ip_nonlocal_bind',
      family: 'IPv4',
      runtime: { kind: 'value', value: v4 },
      effective: v4,
    },
    {
      id: 'ipv6',
      key: 'net.ipv6.ip_nonlocal_bind',
      procPath: '/proc/sys/net/ipv6/ip_nonlocal_bind',
      family: 'IPv6',
      runtime: { kind: 'value', value: v6 },
      effective: v6,
    },
  ],
  persistence: {
    directory: '/etc/sysctl.d',
    defaultFileName: '90-nonlocal-bind.conf',
    decidingFiles: { ipv4: '99-custom.conf', ipv6: '99-custom.conf' },
    sysctlConfSha256: null,
    sysctlConf: null,
    files: [
      {
        name: '99-custom.conf',
        kind: 'file',
        sha256: 'a'.repeat(64),
        problem: null,
        keyLines: [],
        writtenByApp: false,
      },
    ],
  },
  boot: { settings: [], problems: [] },
  passwordPrompt: 'asks',
  platform: { procSysReadOnly: null, distro: 'debian' },
});

/** conflict-sysctl-conf's story: someone else's 99-zz-ha.conf sets IPv4 only. */
export const haSystem = (v4: 0 | 1, v6: 0 | 1): AppState => {
  const base = system(v4, v6);
  return {
    ...base,
    persistence: {
      ...base.persistence,
      decidingFiles: { ipv4: '99-zz-ha.conf' },
      files: [
        {
          name: '99-zz-ha.conf',
          kind: 'file',
          sha256: 'b'.repeat(64),
          problem: null,
          keyLines: [{ key: 'net.ipv4.ip_nonlocal_bind', value: '1', line: 1 }],
          writtenByApp: false,
        },
      ],
      sysctlConfSha256: 'c'.repeat(64),
      sysctlConf: {
        name: 'sysctl.conf',
        kind: 'file',
        sha256: 'c'.repeat(64),
        problem: null,
        keyLines: [{ key: 'net.ipv4.ip_nonlocal_bind', value: '0', line: 3 }],
        writtenByApp: false,
      },
    },
  };
};
