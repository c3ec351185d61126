import type { BootState, SettingState } from '../../contract';
import { computeBootState } from '../boot-state';
import { SETTINGS } from '../settings';
import type { SysctlSnapshot, SnapshotEntry } from '../sysctl-snapshot';
import { SYSCTL_CONF, type SourceFile, type SysctlSources } from '../sysctl-sources';
import { parseSysctlText } from '../sysctl-syntax';

/**
 * MERGE SEAM (#12 / #14): interprets a node's snapshot with main's current resolver
 * (sysctl-syntax + precedence via computeBootState). When the reader's pure
 * snapshot -> prediction function lands, replace the body of predictFromSnapshot
 * with it; nothing else in electron/system/nodes depends on how this is done.
 */
export interface NodePrediction {
  readonly settings: readonly SettingState[];
  readonly boot: BootState;
}

function toSourceFile(dir: string, entry: SnapshotEntry, problems: string[]): SourceFile {
  const path = dir === '/etc' ? SYSCTL_CONF : `${dir}/${entry.name}`;
  if (entry.kind === 'masked') {
    return {
      dir,
      name: entry.name,
      path,
      masked: true,
      linkTarget: entry.linkTarget,
      readable: true,
      assignments: [],
    };
  }
  if (entry.kind !== 'file') {
    problems.push(
      `${path}: ${entry.kind === 'skipped' ? 'skipped' : 'cannot be read'} (${entry.reason})`,
    );
    // Both engines still let an unreadable entry hide a same-named file in a later directory.
    return {
      dir,
      name: entry.name,
      path,
      masked: false,
      linkTarget: null,
      readable: false,
      assignments: [],
    };
  }
  const assignments = parseSysctlText(entry.content.toString('utf8')).flatMap((p) =>
    p.kind === 'assignment'
      ? [{ key: p.key, value: p.value, line: p.line.number, isGlob: p.isGlob }]
      : [],
  );
  return {
    dir,
    name: entry.name,
    path,
    masked: false,
    linkTarget: entry.linkTarget,
    readable: true,
    assignments,
  };
}

/** The runtime values and the boot value under both engines, from a snapshot alone. */
export function predictFromSnapshot(snapshot: SysctlSnapshot): NodePrediction {
  const problems = [...snapshot.problems];
  const directories = new Map<string, SourceFile[]>();
  for (const d of snapshot.directories) {
    directories.set(
      d.dir,
      d.entries.map((e) => toSourceFile(d.dir, e, problems)),
    );
  }
  const sysctlConf = snapshot.sysctlConf
    ? toSourceFile('/etc', snapshot.sysctlConf, problems)
    : null;
  const sources: SysctlSources = { directories, sysctlConf, problems };
  const settings: SettingState[] = SETTINGS.map((s) => ({
    id: s.id,
    key: s.key,
    procPath: s.procPath,
    family: s.family,
    label: s.label,
    explanation: s.explanation,
    runtime: snapshot.runtime[s.id],
  }));
  return { settings, boot: computeBootState(sources, settings) };
}
