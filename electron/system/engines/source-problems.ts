import type { SnapshotEntry } from '../sysctl-snapshot';
import { SYSCTL_CONF_PATH, type SysctlSources } from './file-order';

function describe(path: string, entry: SnapshotEntry): string | null {
  if (entry.kind === 'unreadable') return `${path}: ${entry.reason}`;
  if (entry.kind === 'skipped') return `${path}: skipped: ${entry.reason}`;
  return null;
}

/** Every source that could not be read, in words: directories first, then entries. */
export function describeSourceProblems(sources: SysctlSources): string[] {
  const problems = [...sources.problems];
  for (const directory of sources.directories) {
    for (const entry of directory.entries) {
      const problem = describe(`${directory.dir}/${entry.name}`, entry);
      if (problem) problems.push(problem);
    }
  }
  const conf = sources.sysctlConf ? describe(SYSCTL_CONF_PATH, sources.sysctlConf) : null;
  if (conf) problems.push(conf);
  return problems;
}
