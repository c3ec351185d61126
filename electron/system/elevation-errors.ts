import type { ApiError, CommandBlock, StepExitCode } from '../contract';
import { STEP_EXIT } from './privileged-script';

/** The exact messages @vscode/sudo-prompt reports for elevation failures (it is not localised). */
export const SUDO_PROMPT_MESSAGES = {
  permissionDenied: 'User did not grant permission.',
  noPolkitAgent: 'No polkit authentication agent found.',
  noPkexec: 'Unable to find pkexec or kdesudo.',
} as const;

/**
 * Complete ways to do the step by hand, one block per alternative, shown when
 * the app cannot elevate; pasting one block never runs another.
 */
export type ManualCommands = readonly CommandBlock[];

/** Maps a failure to elevate (the step never ran) to its code and data. */
export function mapElevationFailure(
  message: string,
  stderr: string,
  manual: ManualCommands,
): ApiError {
  if (message === SUDO_PROMPT_MESSAGES.permissionDenied) {
    return {
      code: 'auth-refused',
      data: { from: 'elevation', code: 'auth-refused' },
      details: stderr || undefined,
      alternatives: manual,
    };
  }
  if (message === SUDO_PROMPT_MESSAGES.noPolkitAgent) {
    return {
      code: 'no-polkit-agent',
      data: { from: 'elevation', code: 'no-polkit-agent' },
      details: stderr || undefined,
      alternatives: manual,
    };
  }
  if (message === SUDO_PROMPT_MESSAGES.noPkexec) {
    return {
      code: 'no-pkexec',
      data: { from: 'elevation', code: 'no-pkexec' },
      alternatives: [
        {
          caption: { kind: 'install-pkexec', distro: 'debian' },
          commands: 'sudo apt install pkexec',
        },
        {
          caption: { kind: 'install-pkexec', distro: 'debian-old' },
          commands: 'sudo apt install policykit-1',
        },
        {
          caption: { kind: 'install-pkexec', distro: 'fedora' },
          commands: 'sudo dnf install polkit',
        },
        {
          caption: { kind: 'install-pkexec', distro: 'opensuse' },
          commands: 'sudo zypper install polkit',
        },
        { caption: { kind: 'install-pkexec', distro: 'arch' }, commands: 'sudo pacman -S polkit' },
        ...manual,
      ],
    };
  }
  return {
    code: 'elevation-failed',
    data: { from: 'elevation', code: 'elevation-failed' },
    details: [message, stderr].filter(Boolean).join('\n'),
  };
}

/** `key=value` pairs the step meant to set, for the container flags that set them instead. */
export type WantedValues = readonly { readonly key: string; readonly value: string }[];

/**
 * The kubelet refuses a pod that sets a sysctl outside its safe list unless the node allows
 * it; none of the catalogue's keys is on that list.
 */
function kubeletAllowance(keys: readonly string[]): string[] {
  return [
    "# Not on the kubelet's safe-sysctl list: each node's kubelet must allow them first,",
    `#   --allowed-unsafe-sysctls='${keys.join(',')}'`,
    '# (or allowedUnsafeSysctls in its KubeletConfiguration file), or the pod is refused.',
  ];
}

/**
 * Where a container's own sysctls are set, for each common runtime. Docker, Podman and
 * Kubernetes fix them when the container or pod is created, so a restart keeps the old
 * value; LXC reads its configuration at every start.
 */
export function containerAlternatives(wanted: WantedValues): CommandBlock[] {
  const pairs = wanted.length > 0 ? wanted : [{ key: 'net.ipv4.ip_nonlocal_bind', value: '1' }];
  const flags = pairs.map((p) => `--sysctl ${p.key}=${p.value}`).join(' ');
  return [
    {
      caption: { kind: 'container', runtime: 'docker' },
      commands: `docker run ${flags} IMAGE`,
    },
    {
      caption: { kind: 'container', runtime: 'podman' },
      commands: `podman run ${flags} IMAGE`,
    },
    {
      caption: { kind: 'container', runtime: 'compose' },
      commands: ['sysctls:', ...pairs.map((p) => `  - ${p.key}=${p.value}`)].join('\n'),
    },
    {
      caption: { kind: 'container', runtime: 'kubernetes' },
      commands: [
        ...kubeletAllowance(pairs.map((p) => p.key)),
        'securityContext:',
        '  sysctls:',
        ...pairs.flatMap((p) => [`    - name: ${p.key}`, `      value: "${p.value}"`]),
      ].join('\n'),
    },
    {
      caption: { kind: 'container', runtime: 'lxc' },
      commands: pairs.map((p) => `lxc.sysctl.${p.key} = ${p.value}`).join('\n'),
    },
  ];
}

/** The error of one failing exit: its code, and the data the renderer words (apply-words.ts). */
function stepExitError(code: StepExitCode, details: string | undefined): ApiError {
  return { code, data: { from: 'step-exit', code }, details };
}

/** What the step prints last when an Apply is done (step/script.ts). */
const APPLIED_LINE = /^nonlocal-bind: applied$/m;

/**
 * Maps the privileged step's exit code to its code and data. With `stdout`, success also
 * needs the step's own `applied` line: a shell that got no script (a decoder missing on
 * sudo-prompt's path) exits 0 too, having changed nothing.
 */
export function mapStepExit(
  exitCode: number,
  stderr: string,
  wanted: WantedValues = [],
  stdout?: string,
): ApiError | null {
  const details = stderr.trim() || undefined;
  switch (exitCode) {
    case STEP_EXIT.ok:
      if (stdout === undefined || APPLIED_LINE.test(stdout)) return null;
      return stepExitError('step-failed', details ?? 'exit code 0 without the applied line');
    case STEP_EXIT.fileChanged:
      return stepExitError('file-changed', details);
    case STEP_EXIT.notRegularFile:
      return stepExitError('target-not-regular', details);
    case STEP_EXIT.procReadOnly:
      return {
        ...stepExitError('proc-read-only', details),
        alternatives: containerAlternatives(wanted),
      };
    case STEP_EXIT.verifyFailed:
      return stepExitError('verify-failed', details);
    case STEP_EXIT.rollbackFailed:
      return stepExitError('rollback-failed', details);
    case STEP_EXIT.outsideSettings:
      return stepExitError('change-outside-settings', details);
    case STEP_EXIT.lockTimeout:
      return stepExitError('apply-busy', details);
    default:
      return stepExitError('step-failed', details ?? `exit code ${exitCode}`);
  }
}
