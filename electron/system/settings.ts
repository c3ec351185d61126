import type { AddressFamily, SettingId } from '../contract';

/**
 * One entry of the catalogue: everything static about a setting. Its words (label,
 * explanation) are not here: the renderer finds them by `id` (renderer/src/setting-words.ts).
 */
export interface SettingDefinition {
  /** The word id too: short, stable, and what the contract names the setting by. */
  readonly id: SettingId;
  readonly key: string;
  readonly procPath: string;
  readonly family: AddressFamily;
  /** What the kernel accepts when the value is written (both ends included). */
  readonly range: { readonly min: number; readonly max: number };
}

/** The settings one target manages; every layer iterates over it, none names a setting. */
export type Catalogue = readonly SettingDefinition[];

/** proc_dou8vec_minmax() with no extra range (net/ipv4/sysctl_net_ipv4.c, net/ipv6/…). */
const U8 = { min: 0, max: 255 } as const;

/** The catalogue of the settings the app manages. */
export const SETTINGS: Catalogue = [
  {
    id: 'ipv4',
    key: 'net.ipv4.ip_nonlocal_bind',
    procPath: '/proc/sys/net/ipv4/ip_nonlocal_bind',
    family: 'IPv4',
    range: U8,
  },
  {
    id: 'ipv6',
    key: 'net.ipv6.ip_nonlocal_bind',
    procPath: '/proc/sys/net/ipv6/ip_nonlocal_bind',
    family: 'IPv6',
    range: U8,
  },
];
