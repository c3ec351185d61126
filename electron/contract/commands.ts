/** What a block of copyable commands does, as data (renderer/src/words/command-words.ts); the commands themselves are never translated. */
export type CommandCaption =
  /** The whole change in one block; with sysctl, or by writing /proc/sys. */
  | { readonly kind: 'whole' | 'whole-sysctl' | 'whole-proc' }
  /** One part: the running values (sysctl, /proc/sys), a file written or loaded, or removed. */
  | { readonly kind: 'runtime-sysctl' | 'runtime-proc' | 'load-file' | 'remove-file' }
  | { readonly kind: 'write-file'; readonly path: string }
  /** The same change for a fleet. */
  | { readonly kind: 'ansible' | 'cloud-init' }
  /** Installing pkexec, per distribution. */
  | {
      readonly kind: 'install-pkexec';
      readonly distro: 'debian' | 'debian-old' | 'fedora' | 'opensuse' | 'arch';
    }
  /** Setting a container's sysctls where its runtime sets them. */
  | {
      readonly kind: 'container';
      readonly runtime: 'docker' | 'podman' | 'compose' | 'kubernetes' | 'lxc';
    }
  /** Another network namespace's running value: by its `ip netns` name, or through a process in it. */
  | { readonly kind: 'netns-now'; readonly name: string }
  | { readonly kind: 'nsenter-now'; readonly pid: number }
  /** A systemd unit that sets a named namespace's value again at every boot. */
  | { readonly kind: 'netns-unit'; readonly path: string };

/**
 * A copyable block of shell commands that does by hand what an Apply does. The commands
 * are never translated; the caption is data the renderer words (words/command-words.ts).
 */
export interface CommandBlock {
  readonly caption: CommandCaption;
  readonly commands: string;
}
