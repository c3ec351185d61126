export const CREDENTIAL_NAME = 'sysctl.extra';

/**
 * Where systemd-sysctl.service's `LoadCredential=sysctl.extra` finds the
 * credential at boot (systemd.exec(5), 252): first a credential the service
 * manager itself received (its own $CREDENTIALS_DIRECTORY, /run/credentials/@system:
 * systemd.set_credential= on the kernel command line, SMBIOS, a container
 * manager), else the first of /etc/credstore, /run/credstore, /usr/lib/credstore.
 * systemd-sysctl then parses it like one more file, after all the others
 * (read_credential_lines() in src/sysctl/sysctl.c). The reader looks in the same order
 * (readCredentialSync in sysctl-read-core.ts); a directory the app may not look into
 * (the service manager may) gives an entry marked not-readable, so the prediction says
 * it cannot tell.
 */
export const CREDENTIAL_DIRECTORIES = [
  { dir: '/run/credentials/@system', passedIn: true },
  { dir: '/etc/credstore', passedIn: false },
  { dir: '/run/credstore', passedIn: false },
  { dir: '/usr/lib/credstore', passedIn: false },
] as const;

/** CREDENTIAL_SIZE_MAX (src/shared/creds-util.h): a larger one fails the service's start. */
export const CREDENTIAL_MAX_BYTES = 1024 * 1024;
