/** The contract, part three: the pair view, its nodes and fleet exports. */
import type { AlikeChange, BootState, RuntimeValue, SettingId, SettingState } from './state';
import type { SettingValues, VipDiscovery } from './changes';
import type { ApiError } from './errors';
import type { CommandBlock } from './commands';
import type { NodeOutcomeDetail, PairDifference } from './outcomes';

/** What one machine of the pair view holds, read in one round trip. */
export interface NodeReading {
  readonly ok: true;
  /** Kernel release, or null when unknown. */
  readonly kernel: string | null;
  readonly settings: readonly SettingState[];
  readonly boot: BootState;
  /** Addresses named in that machine's HAProxy, Keepalived and Nginx configuration. */
  readonly vips: VipDiscovery;
  /** Wall time of the read, in ms. */
  readonly elapsedMs: number;
}

export interface NodeReadFailure {
  readonly ok: false;
  /** Why the machine could not be read or shown (words: renderer/src/words/). */
  readonly error: ApiError;
}

/** How a node of the pair is reached: over ssh, or simulated by the demo (nothing connects). */
export type NodeReach = 'ssh' | 'simulated';

/** One machine in the pair view: this computer, or a node reached over SSH (or simulated). */
export interface NodeColumn {
  /** `local` for this computer, else the SSH destination as the user added it. */
  readonly id: string;
  readonly name: string;
  /** This computer's host name (its column only): the renderer words the heading around it. */
  readonly host?: string;
  /** This computer, a node over SSH, or the demo's simulated node (no connection at all). */
  readonly kind: 'local' | NodeReach;
  readonly read: NodeReading | NodeReadFailure;
}

/** This computer and every added node, side by side, read together. */
export interface PairView {
  readonly readAt: string;
  readonly columns: readonly NodeColumn[];
  /** How the others differ from the first column that could be read, in words. */
  readonly differences: readonly PairDifference[];
}

export interface AddNodeRequest {
  /** An ~/.ssh/config alias or user@host[:port]. */
  readonly destination: string;
  /** The fingerprints the user was shown and accepted; absent on the first try. */
  readonly trustFingerprints?: readonly string[];
}

export type AddNodeResult =
  | { readonly kind: 'added'; readonly view: PairView }
  /** The node's host key is not known yet: show these and ask. */
  | {
      readonly kind: 'confirm-host-key';
      readonly destination: string;
      readonly fingerprints: readonly string[];
    };

/** What "Make all nodes like this one" would do on one machine. */
export interface NodeChangePlan {
  readonly id: string;
  readonly name: string;
  /** The changes, as data; empty when the machine is already alike. */
  readonly changes: readonly AlikeChange[];
  /** The file the change writes, or null when only runtime values change (or nothing). */
  readonly file: string | null;
  /** How the step is authorized there: polkit here, sudo on a node (with or without a password). */
  readonly authentication: 'polkit' | 'root' | 'sudo-password' | 'sudo-no-password' | 'none';
  /** Why this machine cannot be made alike, in words; null when it can. */
  readonly error: ApiError | null;
}

export interface AlikePlan {
  /** Column id of the machine the others are made like. */
  readonly reference: string;
  /** Per setting, the value the others take (null: the reference's value is unknown). */
  readonly target: Readonly<Record<SettingId, RuntimeValue | null>>;
  readonly nodes: readonly NodeChangePlan[];
  /** The same change for Ansible and cloud-init; null when there is nothing to persist. */
  readonly exports: {
    /** What the exports write: send it back with a format to save one. */
    readonly change: FleetChange;
    readonly blocks: readonly CommandBlock[];
  } | null;
}

export interface MakeAlikeRequest {
  readonly reference: string;
  /** Sudo passwords by node id, for the nodes that need one; never stored. */
  readonly passwords: Readonly<Record<string, string>>;
}

export interface NodeOutcome {
  readonly id: string;
  readonly name: string;
  readonly status: 'applied' | 'unchanged' | 'failed' | 'skipped';
  /** What happened there, as data the renderer words. */
  readonly detail: NodeOutcomeDetail;
}

export interface MakeAlikeResult {
  readonly outcomes: readonly NodeOutcome[];
  /** Every machine read again afterwards: the proof. */
  readonly view: PairView;
}

export interface NodeBindTestRequest {
  /** Column id (`local` or a node's destination). */
  readonly node: string;
  /** Literal IP addresses (the VIPs that machine's configuration names). */
  readonly addresses: readonly string[];
}

/** A change as the fleet exports write it: a file in /etc/sysctl.d and the values. */
export interface FleetChange {
  readonly fileName: string;
  readonly values: SettingValues;
}

export interface FleetExportRequest extends FleetChange {
  readonly format: 'ansible' | 'cloud-init';
}
