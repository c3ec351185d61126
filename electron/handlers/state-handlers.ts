import path from 'node:path';
import type { AppState, PasswordPrompt, SysctlDFile } from '../contract';
import { findExecutable, findPolkitAgent } from '../system/environment-facts';
import { computeBootState } from '../system/boot-state';
import { suggestFileNames } from '../system/default-target';
import { DEFAULT_FILE_NAME } from '../system/file-name';
import { readRuntimeValues } from '../system/runtime';
import { readInterruptedApply } from '../system/step-recovery';
import { isApplyLockHeld } from '../system/apply-lock';
import {
  describeEditableFile,
  readEditableFile,
  readSysctlDFiles,
  SYSCTL_D,
  type TargetFile,
} from '../system/sysctl-d-files';
import { readSysctlSources, SYSCTL_CONF } from '../system/sysctl-sources';
import type { HandlerDeps } from './deps';
import { handle, succeed } from './envelope';
import { noPayload } from './payload-checks';
import type { FeatureHandlers } from './types';

/** Reads everything the main view shows, fresh from the system each time. */
export async function readAppState(deps: HandlerDeps): Promise<AppState> {
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
async function readPasswordPrompt(deps: HandlerDeps): Promise<PasswordPrompt> {
  if (deps.demo === null && deps.elevator.kind !== 'polkit') return 'root';
  if (findExecutable(deps.ctx, 'pkexec') === null) return 'no-pkexec';
  return (await findPolkitAgent(deps.ctx)) === null ? 'no-agent' : 'asks';
}

export function createStateHandlers(deps: HandlerDeps): FeatureHandlers<'state:get'> {
  return {
    'state:get': handle('state:get', noPayload, async () => succeed(await readAppState(deps))),
  };
}
