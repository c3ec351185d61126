import { t } from '@lingui/core/macro';
import type {
  ApiError,
  ApiErrorData,
  ElevationFailureCode,
  StepExitCode,
} from '../../../electron/contract';
import { fileNameWords, hiddenFileWords, targetFileWords } from './file-words';
import { addressesWords } from './bind-test-words';
import { destinationWords, machineWords, nodeListWords, stepRefusalWords } from './machine-words';
import { nodeErrorWords } from './node-error-words';
import { lightDataWords } from './light-data-words';
import { unworded } from './unworded';

/*
 * The Apply path's sentences, made from the codes and data the backend sends. Pure (no
 * React, no DOM) so that words needed outside the renderer can come from here too.
 */

/** Paths, settings and program names, never translated: placeholders in the sentences. */
const procSys = '/proc/sys';
const nonlocalBind = 'ip_nonlocal_bind';
const polkit = 'polkit';
const pkexec = 'pkexec';
const sudo = 'sudo';
const wheel = 'wheel';
const docker = 'Docker';
const podman = 'Podman';
const kubernetes = 'Kubernetes';

/** What the user reads when the privileged step exits with the status mapped to `code`. */
export function stepExitWords(code: StepExitCode): string {
  switch (code) {
    case 'file-changed':
      return t`Someone else edited the file after the app read it. Nothing was changed; the app has read it again so you can review and apply once more.`;
    case 'target-not-regular':
      return t`The target is a symbolic link or not a regular file, so the app will not replace it. Choose another file name.`;
    case 'proc-read-only':
      return t`${procSys} is read-only here: this looks like a container whose network settings are chosen on the host when the container is created. Nothing was changed. Set the value there with ONE of these. ${docker}, ${podman} and ${kubernetes} apply it only when the container or pod is created again, not when it restarts:`;
    case 'verify-failed':
      return t`The new values did not read back as written, so everything was restored to how it was.`;
    case 'rollback-failed':
      return t`Applying failed and restoring the previous state also failed. Check the values and the file shown below.`;
    case 'change-outside-settings':
      return t`The privileged step refused the change: it would have touched more than the two ${nonlocalBind} settings. Nothing was changed.`;
    case 'apply-busy':
      return t`Another Apply on this computer held the lock for 5 minutes, so this one gave up waiting. Nothing was changed; try again when the other one has finished.`;
    case 'step-failed':
      return t`Applying the change failed, and the previous state was restored.`;
    default:
      return unworded(code, 'apply-error');
  }
}

/** What the user reads when asking for administrator rights failed (the step never ran). */
export function elevationFailureWords(code: ElevationFailureCode): string {
  switch (code) {
    case 'auth-refused':
      return t`Authentication was refused or cancelled, so nothing was changed. To try again, click Apply… and enter your own password; your account must be allowed to administer this computer (on most systems: a member of the ${sudo} or ${wheel} group). Otherwise ask an administrator to apply it, or to run one of the blocks under “Commands an administrator can run instead” in a terminal.`;
    case 'no-polkit-agent':
      return t`No ${polkit} authentication agent is running, so there is nobody to ask for your password (common over SSH or in a bare window manager). Nothing was changed. Run ONE of these blocks in a terminal instead, or start your desktop’s authentication agent and click Apply… again:`;
    case 'no-pkexec':
      return t`${pkexec} is not installed, so the app cannot ask for administrator rights. Nothing was changed. Install it with ONE of these commands and click Apply… again, or run the change by hand:`;
    case 'elevation-failed':
      return t`Asking for administrator rights failed; nothing was changed.`;
    default:
      return unworded(code, 'apply-error');
  }
}

type StepContentData = Extract<ApiErrorData, { from: 'step-content' }>;

/** What the user reads when the planner refuses a change the step would refuse (exit 77). */
export function stepContentWords({ refusal, path, line }: StepContentData): string {
  switch (refusal) {
    case 'content-outside-settings':
      return t`Changing ${path} would also change line ${line}, which is not an ${nonlocalBind} line. The app changes nothing but those lines, so it leaves this file alone: edit it by hand, or choose another file.`;
    case 'content-value-out-of-range':
      return t`Line ${line} of the new ${path} would set a value outside 0 to 255, the kernel's range. Nothing was changed.`;
    case 'new-file-too-large':
      return t`A new ${path} may hold at most 4096 bytes: the header and the setting lines. Nothing was changed.`;
    case 'old-file-too-large':
      return t`${path} is larger than the 64 KiB the app reads, so the app leaves it alone: edit it by hand, or choose another file.`;
    case 'delete-not-only-settings':
      return t`${path} holds more than the ${nonlocalBind} lines (line ${line}), so it is not deleted.`;
    default:
      return unworded(refusal, 'apply-error');
  }
}

/** An Apply path error in words, or null when its words still come only from `message`. */
export function applyErrorWords(error: ApiError): string | null {
  const data = error.data;
  if (data === undefined) return null;
  switch (data.from) {
    case 'step-exit':
      return stepExitWords(data.code);
    case 'elevation':
      return elevationFailureWords(data.code);
    case 'step-content':
      return stepContentWords(data);
    case 'plan':
    case 'busy':
    case 'no-save':
    case 'setting':
      return lightDataWords(data);
    case 'file-name':
      return fileNameWords(data.refusal, data.name);
    case 'hidden-file':
      return hiddenFileWords(data);
    case 'target-file':
      return targetFileWords(data);
    case 'node':
      return nodeErrorWords(data);
    case 'addresses':
      return addressesWords(data);
    case 'machine':
      return machineWords(data);
    case 'step-arguments': {
      const why = stepRefusalWords(data.error);
      return t`The change could not be turned into the privileged step’s arguments (${why}); nothing was changed.`;
    }
    case 'destination':
      return destinationWords(data);
    case 'node-list':
      return nodeListWords(data);
    default:
      return unworded(data, 'apply-error');
  }
}
