import * as fs from 'node:fs';
import { stat, utimes, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SysctlSources } from '../../electron/system/engines/file-order';
import { answerRead } from '../../electron/system/sysctl-read-core';
import { readEntrySync, readRegularSync } from '../../electron/system/sysctl-read-entry';
import { KEEP_PLAN, sysctlReadPlan } from '../../electron/system/sysctl-sources';

/*
 * What the specs of the sysctl reader's shortcuts (keep, here, watch) share: a test tree
 * read as this computer's, and the read afresh every shortcut must agree with.
 */

/** A test tree below `root`, read as this computer's tree is. */
export const treeContext = (root: string) => ({ fsRoot: root, platform: 'linux' as const });

/** The reader's request for that tree (the key its kept reads are remembered by). */
export const treeRequest = (root: string) => ({
  kind: 'sources' as const,
  plan: sysctlReadPlan(treeContext(root)),
});

/** The tree read afresh, nothing kept, confirmed or watched: what any read must say. */
export const readAfresh = (root: string) =>
  // A request of kind 'sources' is answered with sources.
  answerRead(
    { fs, readEntry: readEntrySync, readRegular: readRegularSync },
    treeRequest(root),
  ) as SysctlSources;

/** Rewrites a file and sets its times back: only its ctime (and inode) can tell. */
export async function rewriteKeepingTimes(file: string, text: string): Promise<void> {
  const before = await stat(file);
  await writeFile(file, text);
  await utimes(file, before.atime, before.mtime);
}

/**
 * Until what was written so far has settled: the reader keeps a file only once nothing in
 * it changed within the margin before a read (KEEP_PLAN, git's racy rule), plus slack.
 */
export function untilSettled(): Promise<void> {
  return sleep(Number(KEEP_PLAN.settleNs / 1_000_000n) + 200);
}
