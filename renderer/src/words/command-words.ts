import { t } from '@lingui/core/macro';
import type { CommandCaption } from '../../../electron/contract';
import { unworded } from './unworded';

/** Program names, paths and commands, never translated (backticks draw them as code). */
const sysctl = 'sysctl';
const procSys = '/proc/sys';
const ansibleModule = 'ansible.posix.sysctl';
const cloudInit = 'cloud-init';
const cloudInitKeys = { writeFiles: 'write_files', runcmd: 'runcmd' } as const;

/** The caption is a product name alone (a distribution), shown as it is in every language. */
export function captionIsName(caption: CommandCaption): boolean {
  return (
    caption.kind === 'install-pkexec' &&
    (caption.distro === 'opensuse' || caption.distro === 'arch')
  );
}

/**
 * What a block of commands does, in words: the caption above it and its Copy button's
 * name. The commands themselves are never words: they are copied as they are.
 */
export function captionWords(caption: CommandCaption): string {
  switch (caption.kind) {
    case 'whole':
      return t`In a terminal`;
    case 'whole-sysctl':
      return t`With ${sysctl}`;
    case 'whole-proc':
      return t`Or without ${sysctl}, writing ${procSys}`;
    case 'runtime-sysctl':
      return t`Set the running value (${sysctl})`;
    case 'runtime-proc':
      return t`Or the same by writing ${procSys} directly`;
    case 'write-file': {
      const path = caption.path;
      return t`Write ${path} (complete new content)`;
    }
    case 'load-file':
      return t`Load that file now (also applies any other keys it sets)`;
    case 'remove-file':
      return t`Remove the file`;
    case 'ansible':
      return t`Ansible tasks (${ansibleModule})`;
    case 'cloud-init': {
      const { writeFiles, runcmd } = cloudInitKeys;
      return t`${cloudInit} (${writeFiles} and ${runcmd})`;
    }
    case 'install-pkexec':
      return distroWords(caption.distro);
    case 'container':
      return containerWords(caption.runtime);
    case 'netns-now': {
      const name = caption.name;
      return t`Inside ${name}, as root (lost when the namespace is deleted or the computer restarts)`;
    }
    case 'nsenter-now': {
      const pid = caption.pid;
      return t`Through process ${pid}, as root (lost when its namespace or container goes)`;
    }
    case 'netns-unit': {
      const path = caption.path;
      return t`A systemd unit, ${path}, that sets it again at every boot`;
    }
    default:
      return unworded(caption, 'command-caption');
  }
}

type Distro = Extract<CommandCaption, { kind: 'install-pkexec' }>['distro'];

/** Which distributions a pkexec install command is for. */
function distroWords(distro: Distro): string {
  switch (distro) {
    case 'debian':
      return t`Debian 12 and Ubuntu 22.04 or newer`;
    case 'debian-old':
      return t`Older Debian and Ubuntu`;
    case 'fedora':
      return t`Fedora and RHEL`;
    // Names alone: nothing to translate.
    case 'opensuse':
      return 'openSUSE';
    case 'arch':
      return 'Arch Linux';
    default:
      return unworded(distro, 'command-caption');
  }
}

type Runtime = Extract<CommandCaption, { kind: 'container' }>['runtime'];

/** Commands inside the captions, drawn as code. */
const dockerRun = '`docker run`';
const podmanRun = '`podman run`';
const composeFile = 'docker-compose.yml';
const composeUp = '`docker compose up -d`';

/** Where a container engine takes the setting. */
function containerWords(runtime: Runtime): string {
  switch (runtime) {
    case 'docker': {
      const engine = 'Docker';
      return t`${engine}: on the host, create the container again with ${dockerRun}`;
    }
    case 'podman': {
      const engine = 'Podman';
      return t`${engine}: on the host, create the container again with ${podmanRun}`;
    }
    case 'compose': {
      const engine = 'Docker Compose';
      return t`${engine}: in the service of ${composeFile}, then ${composeUp} (it re-creates the container)`;
    }
    case 'kubernetes': {
      const engine = 'Kubernetes';
      return t`${engine}: in the pod spec, then re-create the pod`;
    }
    case 'lxc': {
      const engine = 'LXC';
      return t`${engine}: in the container configuration (applied when the container next starts)`;
    }
    default:
      return unworded(runtime, 'command-caption');
  }
}
