import type * as NodeFs from 'node:fs';

/**
 * The calls a tree read makes on the reader thread (stat, lstat, readlink), each with
 * the answer it got: what the main thread makes again to confirm the read
 * (sysctl-read-vet.ts, sysctl-read-here.ts). Part of the reader thread's code: calls
 * only functions of this module (see sysctl-read-core.ts).
 */

type Fs = typeof NodeFs;
type AnyStats = NodeFs.Stats | NodeFs.BigIntStats;

/** The calls one read made: `l`/`s` (`b`: bigint) or `r`, the path, and the outcome. */
export interface CallLog {
  readonly calls: [string, string][];
  /** A path given as bytes (a name that is not UTF-8): not confirmed on the main thread. */
  bytes: boolean;
}

/** What the main thread compares: a component replaced is another inode, or another type. */
export function identityOf(info: AnyStats): string {
  const type = typeof info.mode === 'bigint' ? info.mode & 0o170000n : info.mode & 0o170000;
  return `${info.dev}:${info.ino}:${type}`;
}

/** A stat's answer as the reader uses it: all of a bigint stamp, a plain stat's type. */
export function outcomeOf(info: AnyStats | undefined): string {
  if (!info) return 'absent';
  if (typeof info.mode === 'number') return `type:${info.mode & 0o170000}`;
  const big = info as NodeFs.BigIntStats;
  return `${identityOf(big)}:${big.size}:${big.mtimeNs}:${big.ctimeNs}`;
}

export function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
}

/** `fs` whose stat, lstat and readlink log their answers; everything else is `fs` itself. */
export function loggingFs(fs: Fs, log: CallLog): Fs {
  const logged = Object.create(fs) as Fs;
  const own = logged as unknown as Record<string, unknown>;
  const wrap = (name: 'statSync' | 'lstatSync' | 'readlinkSync', op: string) => {
    const call = fs[name] as (path: unknown, options?: { bigint?: boolean }) => unknown;
    own[name] = (path: unknown, options?: { bigint?: boolean }) => {
      if (typeof path !== 'string') log.bytes = true;
      const key = `${op}${options?.bigint ? 'b' : ''}${String(path)}`;
      try {
        const answer = call.call(fs, path, options);
        const text = Buffer.isBuffer(answer) ? answer.toString('latin1') : String(answer);
        log.calls.push([key, op === 'r' ? text : outcomeOf(answer as AnyStats | undefined)]);
        return answer;
      } catch (error) {
        log.calls.push([key, `!${errorCode(error)}`]);
        throw error;
      }
    };
  };
  wrap('statSync', 's');
  wrap('lstatSync', 'l');
  wrap('readlinkSync', 'r');
  return logged;
}

/** Every function the thread needs to log a read. */
export const LOG_FUNCTIONS = [identityOf, outcomeOf, errorCode, loggingFs] as const;
