import type { AppState } from '../contract';
import { decidingFiles } from './default-target';
import { DEFAULT_FILE_NAME } from './file-name';
import { predictFromSnapshot } from './nodes/predict-from-snapshot';
import { readPlatformFacts } from './proc-sys-writable';
import { describeSysctlConf, listSysctlDFiles, SYSCTL_D } from './sysctl-d-files';
import { SYSCTL_CONF } from './sysctl-sources';
import type { LocalTarget } from './target/local-target';

/** What the main view's state is read from: this computer or the demo, and which demo. */
export interface StateSource {
  readonly target: LocalTarget;
  readonly demo: AppState['demo'];
}

/** Reads everything the main view shows, fresh from the target each time, in one read. */
export async function readAppState(source: StateSource): Promise<AppState> {
  const [{ sysctl, applyFacts, catalogue }, platform] = await Promise.all([
    source.target.readLocal(),
    readPlatformFacts(source.target.ctx, source.target.catalogue),
  ]);
  const files = listSysctlDFiles(sysctl, catalogue);
  const sysctlConf = describeSysctlConf(sysctl, SYSCTL_CONF, catalogue);
  const { settings, boot } = predictFromSnapshot(sysctl, catalogue);
  return {
    readAt: new Date().toISOString(),
    demo: source.demo,
    settings,
    persistence: {
      directory: SYSCTL_D,
      defaultFileName: DEFAULT_FILE_NAME,
      decidingFiles: decidingFiles(files, catalogue),
      files,
      sysctlConfSha256: sysctlConf?.sha256 ?? null,
      sysctlConf,
    },
    boot,
    ...applyFacts,
    platform,
  };
}
