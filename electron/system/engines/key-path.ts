import { componentHasMagic, fnmatchComponent, unquoteComponent } from './fnmatch';

/**
 * Which file below /proc/sys a key names, as each engine turns key text into a path.
 *
 * A sysctl key (dotted, as in the catalogue: `net.ipv4.ip_nonlocal_bind`) is
 * handled here as its path components below /proc/sys.
 */
export type KeyComponents = readonly string[];

export function keyComponents(dottedKey: string): KeyComponents {
  return dottedKey.split('.');
}

const GLOB_CHARS = /[*?[]/;

/** string_is_glob() of both engines: any of `*?[` anywhere. */
export function isGlobKey(key: string): boolean {
  return GLOB_CHARS.test(key);
}

/** Linux NAME_MAX: path_simplify() stops simplifying at a longer component. */
const NAME_MAX = 255;

/**
 * systemd's path_simplify() (src/basic/path-util.c, 252): one slash between
 * components, "." components and trailing slashes removed, ".." kept.
 */
function pathSimplify(path: string): string {
  if (path === '') return path;
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  const raw = path.split('/');
  for (let i = 0; i < raw.length; i += 1) {
    const part = raw[i] as string;
    if (part === '' || part === '.') continue;
    if (part.length > NAME_MAX) {
      // "if path is invalid, then refuse to simplify remaining part"
      return (absolute ? '/' : '') + [...parts, raw.slice(i).join('/')].join('/');
    }
    parts.push(part);
  }
  const joined = parts.join('/');
  if (absolute) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

const PLAIN_DOTTED = /^[^./]+(?:\.[^./]+)*$/;

/**
 * sysctl_normalize() (systemd src/shared/sysctl-util.c): when the first
 * separator is a dot, dots and slashes swap; then path_simplify(), then one
 * leading slash goes. The result is the key of systemd-sysctl's hash map, so two
 * spellings of one key (`net.ipv4..ip_nonlocal_bind`, `/net/ipv4/ip_nonlocal_bind`,
 * `net.ipv4.ip_nonlocal_bind.`) are the same entry and the later one replaces
 * the earlier.
 */
export function systemdNormalize(key: string): string {
  // Most keys are plain dotted names: no slash, no empty or "." part, nothing to simplify.
  if (PLAIN_DOTTED.test(key)) return key.replaceAll('.', '/');
  const first = key.search(/[./]/);
  let swapped = key;
  if (first !== -1 && key[first] === '.') {
    swapped =
      key.slice(0, first) + key.slice(first).replace(/[./]/g, (c) => (c === '.' ? '/' : '.'));
  }
  const simple = pathSimplify(swapped);
  return simple.startsWith('/') && simple.length > 1 ? simple.slice(1) : simple;
}

/**
 * Whether systemd-sysctl writes a non-glob entry to this key: sysctl_write()
 * refuses paths with ".." (path_is_normalized()), and after normalisation no
 * other spelling can reach the same file.
 */
export function systemdNamesKey(normalized: string, key: KeyComponents): boolean {
  return normalized === key.join('/');
}

/** Whether a systemd glob entry (normalised) matches the key, as glob(3) on "/proc/sys/<pattern>". */
export function systemdGlobMatches(normalized: string, key: KeyComponents): boolean {
  const parts = normalized.split('/');
  if (parts.length !== key.length) return false;
  return parts.every((part, i) => componentMatches(part, key[i] as string));
}

function componentMatches(part: string, name: string): boolean {
  return componentHasMagic(part) ? fnmatchComponent(part, name) : unquoteComponent(part) === name;
}

const PROC_SYS = '/proc/sys/';

/**
 * The path procps writes for a key (setting_new() in procps src/sysctl.c): it
 * drops one more leading '-' (so "--key = 1" is written to "key"), appends the
 * key to /proc/sys/ and, when the first separator is a dot, swaps dots and
 * slashes (slashdot()). Nothing else is normalised: "net.ipv4..x" becomes
 * "/proc/sys/net/ipv4//x", which the kernel still resolves.
 */
export function procpsPath(key: string): string {
  const bare = key.startsWith('-') ? key.slice(1) : key;
  const first = bare.search(/[./]/);
  if (first === -1 || bare[first] === '/') return PROC_SYS + bare;
  return (
    PROC_SYS +
    bare.slice(0, first) +
    bare.slice(first).replace(/[./]/g, (c) => (c === '.' ? '/' : '.'))
  );
}

/** Directories known to exist on the way to our keys (the rest of /proc/sys is not modelled). */
const KNOWN_DIRECTORIES = new Set([
  'proc',
  'proc/sys',
  'proc/sys/net',
  'proc/sys/net/ipv4',
  'proc/sys/net/ipv6',
]);

/**
 * Whether the kernel resolves a procps path to the key's file, walking it as
 * path lookup does: empty and "." components stay, ".." goes up, and anything
 * after the file name (a trailing slash, "/.") fails with ENOTDIR. Only the
 * directories on the way to our keys are known here; a walk through any other
 * name is taken as not reaching the key.
 */
export function procpsNamesKey(path: string, key: KeyComponents): boolean {
  // The walk fails on anything after the key's own file name, so the path ends with it.
  if (!path.endsWith(`/${key[key.length - 1] as string}`)) return false;
  const target = ['proc', 'sys', ...key].join('/');
  const stack: string[] = [];
  let reached = false;
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i += 1) {
    const part = parts[i] as string;
    if (reached) return false;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      stack.pop();
      continue;
    }
    stack.push(part);
    const joined = stack.join('/');
    if (joined === target) reached = true;
    else if (!KNOWN_DIRECTORIES.has(joined)) return false;
  }
  return reached;
}

/**
 * Whether a pattern component could match a directory below /proc/sys: their
 * names are made of letters, digits, '_' and '-' (interface names aside, which
 * sit below .../conf and .../neigh, never on the way to our keys). A component
 * with any other literal character matches none of them.
 */
function couldNameSysctlDirectory(component: string): boolean {
  const literal = component
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[*?]/g, '')
    .replace(/\\(.)/g, '$1');
  return /^[A-Za-z0-9_-]*$/.test(literal);
}

/**
 * The path glob(3) returns when a procps glob path matches the key, null when it
 * does not, 'unknown' when that depends on directories the model does not know.
 * glibc keeps the pattern's own text for the parts without magic (so
 * "/proc/sys/net//ipv4/ip_nonlocal_*" yields "/proc/sys/net//ipv4/ip_nonlocal_bind"),
 * and procps compares that string, not the file, with the other lines' paths.
 *
 * ".." is walked as the kernel walks it (glob only lstat()s "dir/.."): after a
 * known directory it goes back up. After `*` it goes back to where it was,
 * through every directory `*` matched (each level on the way to our keys has
 * some), so the value is written once per directory, each time through a path no
 * other line spells; the model counts one write. After any other magic the
 * answer depends on which directories exist: 'unknown'.
 */
export function procpsGlobMatch(path: string, key: KeyComponents): string | null | 'unknown' {
  const target = ['proc', 'sys', ...key];
  const parts = path.split('/');
  const stack: string[] = [];
  const out: string[] = [];
  let reached = false;
  const isPrefix = () => stack.every((s, i) => target[i] === s);
  for (let i = 1; i < parts.length; i += 1) {
    const part = parts[i] as string;
    // Anything after the file name (a trailing slash, "/.", "/..") fails with ENOTDIR.
    if (reached) return null;
    if (part === '' || part === '.') {
      out.push(part);
      continue;
    }
    if (part === '..') {
      stack.pop();
      out.push(part);
      continue;
    }
    if (componentHasMagic(part)) {
      if (parts[i + 1] === '..') {
        if (!couldNameSysctlDirectory(part)) return null;
        if (part !== '*' || !KNOWN_DIRECTORIES.has(stack.join('/'))) return 'unknown';
        // A character no path holds: the paths glob yields here match no other line's.
        out.push('\0*', '..');
        i += 1;
        continue;
      }
      const name = target[stack.length];
      if (!isPrefix() || name === undefined || !fnmatchComponent(part, name)) {
        return parts.slice(i + 1).includes('..') ? 'unknown' : null;
      }
      stack.push(name);
      out.push(name);
    } else {
      stack.push(unquoteComponent(part));
      out.push(part);
    }
    const joined = stack.join('/');
    if (joined === target.join('/')) reached = true;
    else if (!KNOWN_DIRECTORIES.has(joined)) return null;
  }
  return reached ? `/${out.join('/')}` : null;
}
