import { lstat } from 'node:fs/promises';
import { readEntry } from './sysctl-entry';
import type { CredentialSource } from './sysctl-snapshot';
import { resolveSystemPath, type SystemContext } from './system-context';

export const CREDENTIAL_NAME = 'sysctl.extra';

/**
 * Where systemd-sysctl.service's `LoadCredential=sysctl.extra` finds the
 * credential at boot (systemd.exec(5), 252): first a credential the service
 * manager itself received (its own $CREDENTIALS_DIRECTORY, /run/credentials/@system:
 * systemd.set_credential= on the kernel command line, SMBIOS, a container
 * manager), else the first of /etc/credstore, /run/credstore, /usr/lib/credstore.
 * systemd-sysctl then parses it like one more file, after all the others
 * (read_credential_lines() in src/sysctl/sysctl.c).
 */
export const CREDENTIAL_DIRECTORIES = [
  { dir: '/run/credentials/@system', passedIn: true },
  { dir: '/etc/credstore', passedIn: false },
  { dir: '/run/credstore', passedIn: false },
  { dir: '/usr/lib/credstore', passedIn: false },
] as const;

/** CREDENTIAL_SIZE_MAX (src/shared/creds-util.h): a larger one fails the service's start. */
export const CREDENTIAL_MAX_BYTES = 1024 * 1024;

function code(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
}

/**
 * The credential systemd-sysctl would get at boot, or null. A directory the app
 * may not look into (the service manager may) gives an entry marked
 * not-readable, so the prediction says it cannot tell.
 */
export async function readSysctlCredential(ctx: SystemContext): Promise<CredentialSource | null> {
  for (const { dir, passedIn } of CREDENTIAL_DIRECTORIES) {
    const path = `${dir}/${CREDENTIAL_NAME}`;
    let info;
    try {
      info = await lstat(resolveSystemPath(ctx, path));
    } catch (error) {
      const c = code(error);
      if (c === 'ENOENT' || c === 'ENOTDIR') continue;
      return {
        path,
        passedIn,
        entry: {
          name: CREDENTIAL_NAME,
          kind: 'unreadable',
          reason: `cannot be looked at (${c})`,
          effect: 'not-readable',
        },
      };
    }
    const entry = await readEntry(ctx, dir, Buffer.from(CREDENTIAL_NAME), info.isSymbolicLink(), {
      maxBytes: CREDENTIAL_MAX_BYTES,
    });
    // The service manager copies the credential in before systemd-sysctl runs: it is
    // never a FIFO or a device to systemd-sysctl, but what it would hold (or whether a
    // dangling one makes it look further) is not known here.
    if (entry.kind === 'unreadable' && entry.effect !== undefined) {
      return { path, passedIn, entry: { ...entry, effect: 'not-readable' } };
    }
    return { path, passedIn, entry };
  }
  return null;
}
