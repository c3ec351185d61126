import type { SettingState } from '../contract';

/** One entry of the catalogue: everything static about a setting (its state less the reading). */
export type SettingDefinition = Omit<SettingState, 'runtime' | 'effective'>;

/**
 * The catalogue of the two settings the app manages.
 * Everything else (reader, planner, privileged step, UI) derives from this list.
 */
export const SETTINGS: readonly SettingDefinition[] = [
  {
    id: 'ipv4',
    key: 'net.ipv4.ip_nonlocal_bind',
    procPath: '/proc/sys/net/ipv4/ip_nonlocal_bind',
    family: 'IPv4',
    label: 'IPv4 non-local bind',
    explanation:
      'Lets programs listen on IPv4 addresses this computer does not have yet, such as a virtual IP held by another node.',
  },
  {
    id: 'ipv6',
    key: 'net.ipv6.ip_nonlocal_bind',
    procPath: '/proc/sys/net/ipv6/ip_nonlocal_bind',
    family: 'IPv6',
    label: 'IPv6 non-local bind',
    explanation:
      'Lets programs listen on IPv6 addresses this computer does not have yet, such as a virtual IP held by another node.',
  },
];
