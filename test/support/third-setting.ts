import { SETTINGS, type Catalogue } from '../../electron/system/settings';

/**
 * The proof that a setting is one catalogue entry: the app's catalogue plus
 * net.ipv4.ip_forward (an int the kernel takes as 0 or 1, per network namespace).
 * No file of the app names it; only this entry does.
 */
export const FORWARD = {
  id: 'ipv4-forward',
  key: 'net.ipv4.ip_forward',
  procPath: '/proc/sys/net/ipv4/ip_forward',
  family: 'IPv4',
  range: { min: 0, max: 1 },
} as const;

export const THIRD_SETTING_CATALOGUE: Catalogue = [...SETTINGS, FORWARD];
