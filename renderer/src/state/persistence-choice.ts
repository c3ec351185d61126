import type { SettingId } from '../../../electron/contract';

/*
 * What the next Apply does with the sysctl files, as one value. Each variant maps onto one
 * or two kinds of the contract's `Persistence` (see `buildRequest`):
 *   runtime                      -> 'runtime'
 *   persist,  boot: drop-in      -> 'persist'
 *   persist,  boot: sysctl-conf  -> 'persist-sysctl-conf'
 *   remove,   from: drop-in      -> 'unpersist'
 *   remove,   from: sysctl-conf  -> 'unpersist-sysctl-conf'
 */

/** The file in /etc/sysctl.d a change kept at boot goes into. */
export interface DropInFile {
  /** Null until the first read proposes a name. */
  readonly name: string | null;
  /**
   * The user typed the name or picked it with a conflict fix: it stays. Otherwise the name
   * follows the pending change (`defaultFileName`).
   */
  readonly chosen: boolean;
}

/** Where "Now and at every boot" writes. */
export type BootTarget =
  | {
      readonly kind: 'drop-in';
      readonly file: DropInFile;
      /** A conflict fix into another file applies to these settings only; null: all pending. */
      readonly onlyIds: readonly SettingId[] | null;
    }
  | {
      /** A conflict fix into /etc/sysctl.conf itself, for the conflicting settings only. */
      readonly kind: 'sysctl-conf';
      readonly onlyIds: readonly SettingId[];
      /** The file in /etc/sysctl.d that "undo" (and the settings left out) go back to. */
      readonly file: DropInFile;
    };

/** The file a removal takes lines out of. */
export type RemovalSource =
  { readonly kind: 'drop-in'; readonly fileName: string } | { readonly kind: 'sysctl-conf' };

/** "Remove from FILE": take one setting's lines out of a file. */
export interface Removal {
  readonly from: RemovalSource;
  readonly settings: readonly SettingId[];
  /** Also set the running value of these settings to 0 now. */
  readonly resetRuntime: boolean;
}

/** How long a switch change lasts: the two options of the bar's radio buttons. */
export type Lasting =
  | {
      readonly kind: 'runtime';
      /** Where "Now and at every boot" would write: kept so that choosing it again finds it. */
      readonly boot: BootTarget;
    }
  | { readonly kind: 'persist'; readonly boot: BootTarget };

export type PersistenceChoice =
  | Lasting
  | {
      /** A removal is applied first and alone; `then` is the choice for what waits behind it. */
      readonly kind: 'remove';
      readonly removal: Removal;
      readonly then: Lasting;
    };

/** Almost everyone who needs this setting needs it after a reboot too. */
export const initialPersistence: PersistenceChoice = {
  kind: 'persist',
  boot: { kind: 'drop-in', file: { name: null, chosen: false }, onlyIds: null },
};

/** The radio button choice, also while a removal goes first. */
export function lastingOf(choice: PersistenceChoice): Lasting {
  return choice.kind === 'remove' ? choice.then : choice;
}

/** Replaces the radio button choice; a removal in front of it stays. */
export function withLasting(choice: PersistenceChoice, lasting: Lasting): PersistenceChoice {
  return choice.kind === 'remove' ? { ...choice, then: lasting } : lasting;
}

/** Replaces where "Now and at every boot" writes, keeping everything else. */
export function withBoot(choice: PersistenceChoice, boot: BootTarget): PersistenceChoice {
  return withLasting(choice, { ...lastingOf(choice), boot });
}

export function removalOf(choice: PersistenceChoice): Removal | null {
  return choice.kind === 'remove' ? choice.removal : null;
}

/** The settings a conflict fix limits the next Apply to; null: every pending setting. */
export function onlyIdsOf(choice: PersistenceChoice): readonly SettingId[] | null {
  return lastingOf(choice).boot.onlyIds;
}

/** The drop-in file name the bar shows (and writes, unless a fix chose /etc/sysctl.conf). */
export function dropInOf(choice: PersistenceChoice): DropInFile {
  return lastingOf(choice).boot.file;
}

/** Back to the drop-in file, for every pending setting: a conflict fix undone or done. */
export function dropInTarget(file: DropInFile): BootTarget {
  return { kind: 'drop-in', file, onlyIds: null };
}

/** Replaces the drop-in file name, wherever the boot target points. */
export function withDropIn(choice: PersistenceChoice, file: DropInFile): PersistenceChoice {
  return withBoot(choice, { ...lastingOf(choice).boot, file });
}
