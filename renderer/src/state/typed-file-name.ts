/**
 * What a user types or pastes as the file name: a full path into /etc/sysctl.d is taken for
 * the name it ends in (the directory is fixed; repeating it is not a mistake to refuse).
 * Anything else is left as typed, for the file-name rule to judge with its own words.
 */
const SYSCTL_D_PREFIX = /^\s*\/*etc\/+sysctl\.d\/+/;

export function withoutSysctlDirectory(typed: string): string {
  return typed.replace(SYSCTL_D_PREFIX, '');
}
