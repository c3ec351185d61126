import { StringDecoder } from 'node:string_decoder';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { VipDiscovery } from '../contract';
import { MAX_CONFIG_BYTES, readRegularFile } from './safe-read';
import { resolveSystemPath, type SystemContext } from './system-context';
import type { ConfigParser } from './vip-address';
import { withinTime, type DiscoveryBudget } from './vip-budget';

type FileStatus = VipDiscovery['files'][number];

/**
 * How much text is parsed at a time: 4 KiB holds at most about 200 addresses, whose entries
 * take a few ms to build even before the JIT has warmed up (an 8 KiB piece took up to 40 ms).
 */
export const PIECE_BYTES = 4 * 1024;
/** The event loop gets a turn once pieces have run this long: far under the 50 ms the UI may wait. */
export const SLICE_MS = 5;

/**
 * Reads one configuration file into a parser, within the discovery's budget: one file
 * opened, its bytes (refused before reading when they would overrun what is left), and
 * time between pieces. Only one file is held at a time (at most the per-file cap), parsed
 * in PIECE_BYTES pieces with a turn of the event loop every SLICE_MS, so that a 4 MiB file
 * neither stalls the UI nor, through everything parsed from it at once, fills the heap.
 * `afterPiece` runs after each piece (nginx follows the includes found so far there).
 * The file's status goes to `files`; a file the budget stopped is not listed, the
 * budget's report names it.
 */
export async function readConfigInPieces(
  ctx: SystemContext,
  file: string,
  budget: DiscoveryBudget,
  files: FileStatus[],
  parser: ConfigParser,
  afterPiece: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const at = { file, line: null };
  if (!budget.spend('files', 1, at)) return;
  const left = budget.remaining('bytes');
  const cap = Math.min(MAX_CONFIG_BYTES, left);
  const read = await withinTime(budget, readRegularFile(resolveSystemPath(ctx, file), cap), at);
  if (read === null) return;
  if (read.kind === 'refused' && read.code === 'EFBIG' && cap < MAX_CONFIG_BYTES) {
    // Larger than what the byte budget has left (not than the per-file cap): it runs out here.
    budget.spend('bytes', left + 1, at);
    return;
  }
  if (read.kind !== 'read') {
    files.push(
      read.kind === 'missing'
        ? { path: file, status: 'missing', detail: null }
        : { path: file, status: 'unreadable', detail: read.reason },
    );
    return;
  }
  if (!budget.spend('bytes', read.bytes.length, at)) return;
  files.push({ path: file, status: 'read', detail: null });
  await feedInPieces(read.bytes, parser, budget, file, afterPiece);
}

/**
 * Feeds one file's bytes to its parser in PIECE_BYTES pieces, with a turn of the event loop
 * every SLICE_MS and the budget's time checked between pieces; the host's discovery and the
 * one inside a namespace's root (netns/namespace-services-files.ts) both parse through it.
 */
export async function feedInPieces(
  bytes: Uint8Array,
  parser: ConfigParser,
  budget: DiscoveryBudget,
  file: string,
  afterPiece: () => Promise<void>,
): Promise<void> {
  const at = { file, line: null };
  const decoder = new StringDecoder('utf8');
  let sliceStart = performance.now();
  for (let offset = 0; offset < bytes.length; offset += PIECE_BYTES) {
    parser.push(decoder.write(bytes.subarray(offset, offset + PIECE_BYTES)));
    await afterPiece();
    if (!budget.inTime(at)) return;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  parser.push(decoder.end());
  parser.end();
  await afterPiece();
}
