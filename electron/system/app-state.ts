import path from 'node:path';
import type { AppState, PasswordPrompt, SysctlDFile } from '../contract';
import { findExecutable, findPolkitAgent } from './environment-facts';
import { computeBootState } from './boot-state';
import { suggestFileNames } from './default-target';
import { DEFAULT_FILE_NAME } from './file-name';
import { readRuntimeValues } from './runtime';
import { readInterruptedApply } from './step-recovery';
import { isApplyLockHeld } from './apply-lock';
import {
  describeEditableFile,
  readEditableFile,
  readSysctlDFiles,
  SYSCTL_D,
  type TargetFile,
} from './sysctl-d-files';
import { readSysctlSources, SYSCTL_CONF } from './sysctl-sources';
import type { Elevator } from './elevate';
import type { SystemContext } from './system-context';

/** What the main view's state is read from: the files, demo or not, and how Apply elevates. */
export interface StateSource {
  readonly ctx: SystemContext;
  readonly demo: AppState['demo'];
  readonly elevator: Elevator;
}

/** Reads everything the main view shows, fresh from the system each time. */
export async function readAppState(deps: StateSource): Promise<AppState> {
  const [settings, files, sources, sysctlConf, interruptedApply, otherApplyRunning] =
    await Promise.all([
      readRuntimeValues(deps.ctx),
      readSysctlDFiles(deps.ctx),
      readSysctlSources(deps.ctx),
      readEditableFile(deps.ctx, SYSCTL_CONF),
      readInterruptedApply(deps.ctx),
      isApplyLockHeld(deps.ctx),
    ]);
  // Propose the file that already sets the keys being changed, so a second file never competes.
  const suggested = suggestFileNames(files);
  return {
    readAt: new Date().toISOString(),
    demo: deps.demo,
    settings,
    persistence: {
      directory: SYSCTL_D,
      defaultFileName: DEFAULT_FILE_NAME,
      suggestedFileNames: suggested,
      files,
      sysctlConfSha256: sysctlConf.kind === 'file' ? sysctlConf.sha256 : null,
      sysctlConf: describeSysctlConf(sysctlConf),
    },
    boot: computeBootState(sources, settings),
    interruptedApply,
    otherApplyRunning,
    passwordPrompt: await readPasswordPrompt(deps),
  };
}

/** /etc/sysctl.conf in the form the persistence UI lists /etc/sysctl.d files; null when absent. */
function describeSysctlConf(read: TargetFile): SysctlDFile | null {
  if (read.kind === 'absent') return null;
  const refusedAs = read.kind === 'refused' ? read.error.code : null;
  const kind = refusedAs === null ? 'file' : refusedAs === 'target-symlink' ? 'symlink' : 'other';
  return describeEditableFile(path.basename(SYSCTL_CONF), kind, read);
}

/** The same facts the diagnostics report lists under "Tools", read before Apply is offered. */
async function readPasswordPrompt(deps: StateSource): Promise<PasswordPrompt> {
  if (deps.demo === null && deps.elevator.kind !== 'polkit') return 'root';
  if (findExecutable(deps.ctx, 'pkexec') === null) return 'no-pkexec';
  return (await findPolkitAgent(deps.ctx)) === null ? 'no-agent' : 'asks';
}
