import { readFileHere } from './sysctl-read-here';
import { runFileRead } from './sysctl-read-thread';
import type { RegularRead } from './sysctl-read-types';

/**
 * Reading files that belong to other people, without letting them hang or
 * exhaust the app.
 *
 * The read is the reader thread's (readRegularSync in sysctl-read-entry.ts), the same
 * one the sysctl files get: open non-blocking (a FIFO with no writer would otherwise
 * block forever), fstat so only regular files are read (a link to /dev/zero is a
 * character device, never read), and at most `maxBytes` whatever the file claims
 * (procfs files report size 0). It runs off the main thread's event loop, and reads
 * asked for together (a state read's runtime values and its sysctl tree) share one
 * round trip to the thread. A small file read often (a running value) may ask to be
 * read on the main thread once the thread has vetted its path (sysctl-read-here.ts).
 */

/** The default cap for a configuration file: far above any real sysctl or load-balancer file. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/**
 * Read, missing, or refused: present but not a regular file (`node` says what it is,
 * `rdev` a device's number), or unreadable; `reason` is in words.
 */
export type SafeRead = RegularRead;

/** Reads a regular file up to `maxBytes`; anything else is refused with the reason in words. */
export async function readRegularFile(
  file: string,
  maxBytes: number = MAX_CONFIG_BYTES,
  options: { readonly mayReadHere?: boolean } = {},
): Promise<SafeRead> {
  const answer = await runFileRead(file, maxBytes, options);
  if (answer.ok) return answer.value;
  const code = answer.error === 'reader-timeout' ? 'ETIMEDOUT' : 'EIO';
  return { kind: 'refused', code, reason: `cannot be read (${answer.error}: ${answer.detail})` };
}

/**
 * A small file read often (a running value), read on this thread as the reader thread
 * reads it when the thread has vetted its path (sysctl-read-here.ts); null when it has
 * not, and then readRegularText with `mayReadHere` asks the thread (and so vets it).
 */
export function readSmallTextHere(
  file: string,
  maxBytes: number,
): { kind: 'read'; text: string } | Exclude<SafeRead, { kind: 'read' }> | null {
  const result = readFileHere(file, maxBytes);
  return result?.kind === 'read' ? { kind: 'read', text: result.bytes.toString('utf8') } : result;
}

/** Reads a regular file as UTF-8 text (invalid bytes become U+FFFD); see readRegularFile. */
export async function readRegularText(
  file: string,
  maxBytes: number = MAX_CONFIG_BYTES,
  options: { readonly mayReadHere?: boolean } = {},
): Promise<{ kind: 'read'; text: string } | Exclude<SafeRead, { kind: 'read' }>> {
  const result = await readRegularFile(file, maxBytes, options);
  return result.kind === 'read' ? { kind: 'read', text: result.bytes.toString('utf8') } : result;
}
