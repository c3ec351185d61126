/**
 * Key patterns for the differential test. The engines run in a throw-away network
 * namespace, yet every pattern here can only ever match our two keys.
 */
/** Patterns that can match nothing but our two keys. */
export const GLOBS = [
  'net.ipv4.ip_nonlocal_*',
  'net.ipv6.ip_nonlocal_*',
  'net.ipv?.ip_nonlocal_bind',
  'net.*.ip_nonlocal_bind',
  'net.ipv[46].ip_nonlocal_bind',
  'net.ipv[!6].ip_nonlocal_bind',
  'net/ipv6/ip_nonlocal_bin?',
  '/net/ipv4/ip_nonlocal_*',
  'net..ipv4.ip_nonlocal_*',
  'net.ipv4.ip_nonlocal_*.',
  'net.ipv4.ip_nonlocal_bin[a-e]',
];

/** Patterns through "..": procps writes through every directory `*` matches, systemd refuses "..". */
export const THROUGH_PARENT = [
  'net/*/../ipv4/ip_nonlocal_bind',
  'net/*/../ipv6/ip_nonlocal_*',
  '*/../net/ipv4/ip_nonlocal_bind',
  'net/ipv6/../ipv4/ip_nonlocal_*',
  'net/ipv4/../ipv6/ip_nonlocal_bind',
];
