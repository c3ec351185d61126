/**
 * What the privileged step is asked about another network namespace, and what it answers
 * (issue 18, "Read inside them"). Plain data: the channels carry it to the renderer.
 */
import type { RuntimeReading, SettingId } from '../../contract/state';

/**
 * How the step finds a namespace: by a process in it, or by its `ip netns` name
 * (/run/netns/NAME); the step checks the inode it opened equals `inode`, so a pid reused or a
 * name re-pointed in between is refused, never read or changed.
 */
export type NamespaceRef =
  | { readonly inode: number; readonly via: 'pid'; readonly pid: number }
  | { readonly inode: number; readonly via: 'name'; readonly name: string };

/** 'gone': no such process/name now; 'changed': it is another namespace now; 'cannot-enter': setns refused. */
export type NamespaceReadProblem = 'gone' | 'changed' | 'cannot-enter';

export type NamespaceReading =
  | {
      readonly inode: number;
      readonly ok: true;
      readonly values: Readonly<Record<SettingId, RuntimeReading>>;
    }
  | { readonly inode: number; readonly ok: false; readonly problem: NamespaceReadProblem };
