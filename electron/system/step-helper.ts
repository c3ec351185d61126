import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { PRIVILEGED_SCRIPT } from './privileged-script';

/**
 * The named polkit action of the deb and rpm packages (docs/polkit-action.md).
 *
 * The packages install the privileged step as a root-owned helper and a policy whose
 * action names it through `org.freedesktop.policykit.exec.path`, so polkit shows what
 * the change is about instead of "run /bin/bash as the super user", and administrators
 * can write rules for this one action. The build writes both files from these
 * constants (scripts/packaging/write-polkit-files.ts).
 */
export const POLKIT_ACTION_ID = 'io.nonlocalbind.app.apply';
export const HELPER_PATH = '/usr/lib/nonlocal-bind/nonlocal-bind-step';
export const POLICY_PATH = '/usr/share/polkit-1/actions/io.nonlocalbind.app.policy';
export const PKEXEC_PATH = '/usr/bin/pkexec';

/** The helper's exact bytes: the script the app carries, shebang included. */
export const HELPER_CONTENT: Buffer = Buffer.from(PRIVILEGED_SCRIPT, 'utf8');

export type HelperCheck =
  | { readonly usable: true; readonly path: string }
  | { readonly usable: false; readonly reason: string };

export interface HelperCheckOptions {
  /** Where `/` is; tests pass a directory laid out like it. */
  readonly fsRoot?: string;
  /** The owner the helper and its directories must have; tests that run as root pass 0 too. */
  readonly ownerUid?: number;
}

/**
 * Decides whether the installed helper may be run through pkexec: it must be exactly the
 * script built into this app, a regular root-owned file nobody else can write, in
 * directories nobody else can write. Anything else (no package, an older or newer
 * package, a local edit, an AppImage or development run) means the app keeps to the
 * generic sudo-prompt path, which carries its own copy of the script.
 *
 * Checked before every Apply, so a package upgraded under a running app is noticed.
 */
export function checkInstalledHelper(options: HelperCheckOptions = {}): HelperCheck {
  const root = options.fsRoot ?? '/';
  const owner = options.ownerUid ?? 0;
  const at = (p: string) => path.join(root, p);
  try {
    if (!statSync(at(PKEXEC_PATH)).isFile()) return refuse(`${PKEXEC_PATH} is not a file`);
  } catch {
    return refuse(`${PKEXEC_PATH} is missing`);
  }
  // A directory someone else can write lets them swap the file between this check and
  // pkexec running it.
  for (let dir = path.dirname(HELPER_PATH); ; dir = path.dirname(dir)) {
    const problem = unsafeOwnership(at(dir), owner);
    if (problem === 'is missing' && dir === path.dirname(HELPER_PATH)) {
      return refuse(`${HELPER_PATH} is not installed`);
    }
    if (problem) return refuse(`${dir} ${problem}`);
    if (dir === '/') break;
  }
  let fd: number;
  try {
    // O_NOFOLLOW: a symbolic link is not the helper; O_NONBLOCK: a FIFO must not hang us.
    fd = openSync(
      at(HELPER_PATH),
      constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return refuse(`${HELPER_PATH} is not installed`);
    if (code === 'ELOOP') return refuse(`${HELPER_PATH} is a symbolic link`);
    return refuse(`${HELPER_PATH} cannot be opened (${code})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return refuse(`${HELPER_PATH} is not a regular file`);
    if (st.uid !== owner) return refuse(`${HELPER_PATH} is not owned by root`);
    if ((st.mode & 0o022) !== 0) return refuse(`${HELPER_PATH} is writable by group or others`);
    if ((st.mode & 0o100) === 0) return refuse(`${HELPER_PATH} is not executable`);
    if (st.size !== HELPER_CONTENT.length) return refuse(differs());
    // One byte more than expected, so a file that grew since fstat still differs.
    const buffer = Buffer.alloc(HELPER_CONTENT.length + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const n = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    if (!buffer.subarray(0, filled).equals(HELPER_CONTENT)) return refuse(differs());
    return { usable: true, path: HELPER_PATH };
  } finally {
    closeSync(fd);
  }
}

function unsafeOwnership(dir: string, owner: number): string | null {
  try {
    const st = statSync(dir);
    if (!st.isDirectory()) return 'is not a directory';
    if (st.uid !== owner) return 'is not owned by root';
    // The sticky bit does not help here: the helper's directories are never shared ones.
    if ((st.mode & 0o022) !== 0) return 'is writable by group or others';
    return null;
  } catch {
    return 'is missing';
  }
}

function differs(): string {
  return `${HELPER_PATH} differs from the step built into this version of the app`;
}

function refuse(reason: string): HelperCheck {
  return { usable: false, reason };
}
