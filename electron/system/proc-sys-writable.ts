import type { DistroFamily, PlatformFacts, ReadOnlyProcSys } from '../contract';
import { containerAlternatives } from './elevation-errors';
import { MAX_CONFIG_BYTES, readRegularText } from './safe-read';
import type { Catalogue } from './settings';
import { resolveSystemPath, type SystemContext } from './system-context';

/** One line of /proc/self/mountinfo, as far as writability goes. */
export interface MountLine {
  readonly mountPoint: string;
  readonly readOnly: boolean;
}

/** Mount points escape space, tab, newline and backslash as three octal digits. */
function unescapeMountPath(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) =>
    String.fromCharCode(parseInt(octal, 8)),
  );
}

/**
 * Parses proc(5)'s mountinfo: field 5 is the mount point, field 6 the mount's own options,
 * and after the " - " separator, fstype, source and the superblock's options. Either "ro"
 * makes the mount read-only. Lines that do not have that shape are skipped.
 */
export function parseMountInfo(text: string): MountLine[] {
  const mounts: MountLine[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const separator = fields.indexOf('-', 6);
    const mountPoint = fields[4];
    const options = fields[5];
    if (separator < 0 || mountPoint === undefined || options === undefined) continue;
    const superOptions = fields[separator + 3] ?? '';
    const readOnly = [options, superOptions].some((o) => o.split(',').includes('ro'));
    mounts.push({ mountPoint: unescapeMountPath(mountPoint), readOnly });
  }
  return mounts;
}

const covers = (mountPoint: string, target: string) =>
  mountPoint === '/' || target === mountPoint || target.startsWith(`${mountPoint}/`);

/**
 * The mount a path is on: a later mount at or above the path hides every earlier one there
 * (mountinfo lists mounts in the order they were made), so it is the last one that covers it.
 */
export function mountOf(mounts: readonly MountLine[], target: string): MountLine | null {
  let found: MountLine | null = null;
  for (const mount of mounts) if (covers(mount.mountPoint, target)) found = mount;
  return found;
}

/**
 * Whether the settings' /proc/sys files sit on a read-only mount, from mount flags only:
 * nothing is written to find out. Below the context's root (the demo lays out a mountinfo
 * of its own). Unreadable, over the cap or missing: null, and the step's own refusal stays
 * the answer.
 */
export async function readOnlyProcSys(
  ctx: SystemContext,
  catalogue: Catalogue,
): Promise<ReadOnlyProcSys | null> {
  const read = await readRegularText(
    resolveSystemPath(ctx, '/proc/self/mountinfo'),
    MAX_CONFIG_BYTES,
  );
  if (read.kind !== 'read' || read.text.length >= MAX_CONFIG_BYTES) return null;
  const mounts = parseMountInfo(read.text);
  const readOnly = catalogue
    .map((s) => mountOf(mounts, s.procPath))
    .find((m) => m?.readOnly === true);
  if (!readOnly) return null;
  const wanted = catalogue.map((s) => ({ key: s.key, value: '1' }));
  return { mountPoint: readOnly.mountPoint, alternatives: containerAlternatives(wanted) };
}

/** A field of os-release, unquoted. */
function osReleaseField(text: string, name: string): string {
  const value = new RegExp(`^${name}=(.*)$`, 'm').exec(text)?.[1] ?? '';
  return value.replace(/^["']|["']$/g, '').toLowerCase();
}

/**
 * The family whose pkexec install command applies, from os-release's ID, ID_LIKE and
 * VERSION_ID. Debian split pkexec out of policykit-1 in 12, Ubuntu in 22.10.
 */
export function distroFamily(osRelease: string): DistroFamily | null {
  const ids = [osReleaseField(osRelease, 'ID'), ...osReleaseField(osRelease, 'ID_LIKE').split(' ')];
  const version = parseFloat(osReleaseField(osRelease, 'VERSION_ID'));
  const id = ids[0] ?? '';
  if (id === 'debian') return Number.isNaN(version) || version >= 12 ? 'debian' : 'debian-old';
  if (id === 'ubuntu') return Number.isNaN(version) || version >= 22.1 ? 'debian' : 'debian-old';
  if (ids.some((i) => i === 'debian' || i === 'ubuntu')) return 'debian';
  if (ids.some((i) => ['fedora', 'rhel', 'centos'].includes(i))) return 'fedora';
  if (ids.some((i) => i.startsWith('opensuse') || i === 'suse' || i === 'sles')) return 'opensuse';
  if (ids.some((i) => i === 'arch')) return 'arch';
  return null;
}

// os-release changes with an upgrade, not while the app runs: read once per context.
const distroOf = new WeakMap<SystemContext, Promise<DistroFamily | null>>();

async function readDistroFamilyOnce(ctx: SystemContext): Promise<DistroFamily | null> {
  for (const file of ['/etc/os-release', '/usr/lib/os-release']) {
    const read = await readRegularText(resolveSystemPath(ctx, file), 64 * 1024);
    if (read.kind === 'read') return distroFamily(read.text);
  }
  return null;
}

function readDistroFamily(ctx: SystemContext): Promise<DistroFamily | null> {
  const known = distroOf.get(ctx);
  if (known) return known;
  const read = readDistroFamilyOnce(ctx);
  distroOf.set(ctx, read);
  return read;
}

/** What the computer allows, read with the state: no click needed to find out. */
export async function readPlatformFacts(
  ctx: SystemContext,
  catalogue: Catalogue,
): Promise<PlatformFacts> {
  const [procSysReadOnly, distro] = await Promise.all([
    readOnlyProcSys(ctx, catalogue),
    readDistroFamily(ctx),
  ]);
  return { procSysReadOnly, distro };
}
