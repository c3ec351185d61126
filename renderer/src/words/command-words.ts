import type { CommandCaption } from '../../../electron/contract';

/**
 * What a block of commands does, in words: the caption above it and its Copy button's
 * name. The commands themselves are never words: they are copied as they are.
 */
export function captionWords(caption: CommandCaption): string {
  switch (caption.kind) {
    case 'whole':
      return 'In a terminal';
    case 'whole-sysctl':
      return 'With sysctl';
    case 'whole-proc':
      return 'Or without sysctl, writing /proc/sys';
    case 'runtime-sysctl':
      return 'Set the running value (sysctl)';
    case 'runtime-proc':
      return 'Or the same by writing /proc/sys directly';
    case 'write-file':
      return `Write ${caption.path} (complete new content)`;
    case 'load-file':
      return 'Load that file now (also applies any other keys it sets)';
    case 'remove-file':
      return 'Remove the file';
    case 'ansible':
      return 'Ansible tasks (ansible.posix.sysctl)';
    case 'cloud-init':
      return 'cloud-init (write_files and runcmd)';
    case 'install-pkexec':
      return DISTROS[caption.distro];
    case 'container':
      return CONTAINERS[caption.runtime];
    case 'netns-now':
      return `Inside ${caption.name}, as root (lost when the namespace is deleted or the computer restarts)`;
    case 'nsenter-now':
      return `Through process ${caption.pid}, as root (lost when its namespace or container goes)`;
    case 'netns-unit':
      return `A systemd unit, ${caption.path}, that sets it again at every boot`;
    default:
      return unworded(caption);
  }
}

const DISTROS: Record<Extract<CommandCaption, { kind: 'install-pkexec' }>['distro'], string> = {
  debian: 'Debian 12 and Ubuntu 22.04 or newer',
  'debian-old': 'Older Debian and Ubuntu',
  fedora: 'Fedora and RHEL',
  opensuse: 'openSUSE',
  arch: 'Arch Linux',
};

const CONTAINERS: Record<Extract<CommandCaption, { kind: 'container' }>['runtime'], string> = {
  docker: 'Docker: on the host, create the container again with `docker run`',
  podman: 'Podman: on the host, create the container again with `podman run`',
  compose:
    'Docker Compose: in the service of docker-compose.yml, then `docker compose up -d` (it re-creates the container)',
  kubernetes: 'Kubernetes: in the pod spec, then re-create the pod',
  lxc: 'LXC: in the container configuration (applied when the container next starts)',
};

function unworded(caption: never): never {
  throw new Error(`no words for command caption ${JSON.stringify(caption)}`);
}
