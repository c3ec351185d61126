import path from 'node:path';
import { MAX_CONFIG_BYTES } from '../safe-read';
import { withinTime, type DiscoveryBudget } from '../vip-budget';
import type { Findings } from '../vip-findings';
import { MAX_NAMES_PER_DIRECTORY } from '../vip-glob';
import { VIP_PROGRAMS, type VipProgramName } from '../vip-programs';
import { feedInPieces } from '../vip-read';
import { expandInside, type InsideReader } from './namespace-services-glob';
import type { ConfigProblem, LoadBalancerInNamespace } from './netns-types';

/**
 * One load balancer's configuration files, read inside a process's root on the listing
 * thread and fed to the host's VIP parser in PIECE_BYTES pieces (a turn of the event loop
 * every SLICE_MS), each file once, includes followed inside that root, all within one VIP
 * budget (files, bytes, directories, time) exactly as the host's discovery spends it.
 */

export type Problem = NonNullable<LoadBalancerInNamespace['configProblem']>;

export function problem(code: ConfigProblem, file: string | null, reason?: string): Problem {
  return reason === undefined ? { code, file } : { code, file, reason };
}

/** A refused read's code as the listing reports it. */
export function readProblem(code: string, file: string | null): Problem {
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ESRCH') {
    return problem('not-found', file, code);
  }
  if (code === 'EFBIG') return problem('too-large', file, code);
  if (code === 'timeout') return problem('timeout', file, 'time');
  return problem('unreadable', file, code);
}

export function budgetProblem(budget: DiscoveryBudget): Problem | null {
  const out = budget.exhausted;
  if (out === null) return null;
  return problem(out.budget === 'time' ? 'timeout' : 'too-large', out.file, out.budget);
}

export interface FilesRead {
  /** The files read, in order (paths inside the root). */
  readonly read: readonly string[];
  /** The first file that could not be read, and why. */
  readonly first: Problem | null;
}

/** Reads `paths` (and what they include) inside PID's root into `found`. */
export async function readConfigFiles(
  reader: InsideReader,
  program: VipProgramName,
  pid: number,
  paths: readonly string[],
  budget: DiscoveryBudget,
  found: Findings,
): Promise<FilesRead> {
  const queue = [...paths];
  const queued = new Set(queue);
  // Each file once: includes may loop, and a pattern may repeat a file already read.
  const enqueue = (more: readonly string[]) => {
    for (const entry of more) {
      if (queued.has(entry)) continue;
      queued.add(entry);
      queue.push(entry);
    }
  };
  const read: string[] = [];
  let first: Problem | null = null;
  for (let head = 0; head < queue.length && budget.exhausted === null; head += 1) {
    const file = queue[head] as string;
    const at = { file, line: null };
    if (!budget.spend('files', 1, at)) break;
    const max = Math.min(MAX_CONFIG_BYTES, budget.remaining('bytes'));
    const got = await withinTime(
      budget,
      reader.ask({ kind: 'read', pid, path: file, max }, budget.msLeft()),
      at,
    );
    if (got === null) break;
    if (!got.ok && got.code === 'not-regular' && program === 'haproxy') {
      // `-f DIRECTORY`: HAProxy loads the non-hidden *.cfg files in it, in name order.
      const list = { kind: 'list', pid, path: file, max: MAX_NAMES_PER_DIRECTORY } as const;
      const listed = await withinTime(budget, reader.ask(list, budget.msLeft()), at);
      if (listed === null || !budget.spend('directories', 1, at)) break;
      if (listed.ok) {
        const cfg = listed.names.filter((n) => n.endsWith('.cfg') && !n.startsWith('.'));
        enqueue(cfg.map((n) => path.posix.join(file, n)));
        continue;
      }
    }
    if (!got.ok) {
      first ??= readProblem(got.code, file);
      continue;
    }
    if (!budget.spend('bytes', got.bytes.length, at)) break;
    read.push(file);
    const includes: { pattern: string; line: number }[] = [];
    const follow = async () => {
      for (const { pattern, line } of includes.splice(0)) {
        enqueue((await expandInside(reader, pid, pattern, budget, { file, line })) ?? []);
      }
    };
    const { name, parser } = VIP_PROGRAMS[program];
    const sink = found.sink(name, (pattern, line) => includes.push({ pattern, line }));
    await feedInPieces(got.bytes, parser(file, sink), budget, file, follow);
  }
  return { read, first };
}
