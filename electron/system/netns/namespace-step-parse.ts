/**
 * What the step's namespace operations print, read as hostile text: a size cap, every line
 * matched whole, namespaces in the order asked with the inode asked, each catalogue key
 * exactly once. Anything else is no answer at all (null), never a partial one.
 */
import type { BindTestResult, RuntimeReading, SettingId } from '../../contract';
import { bindResultBase, type BindTarget } from '../bind-test';
import type { Catalogue, SettingDefinition } from '../settings';
import type { NamespaceReadProblem, NamespaceReading } from './namespace-step-types';

/** 64 namespaces of a few keys, or 64 bind results of at most ~350 bytes, fit many times. */
export const MAX_NAMESPACE_OUTPUT_BYTES = 256 * 1024;

const NS_LINE = /^nonlocal-bind: ns ([1-9][0-9]{0,2}) ([1-9][0-9]{0,19}) (.*)$/;
const PROBLEMS: readonly NamespaceReadProblem[] = ['gone', 'changed', 'cannot-enter'];

/** One namespace's line: its position and inode, and what follows them. */
interface NsLine {
  readonly index: number;
  readonly inode: string;
  readonly rest: string;
}

function nsLine(line: string | undefined): NsLine | null {
  const m = NS_LINE.exec(line ?? '');
  if (!m?.[1] || !m[2] || m[3] === undefined) return null;
  return { index: Number(m[1]), inode: m[2], rest: m[3] };
}

/** The lines of a capped answer, without the final newline; null when over the cap. */
function linesOf(stdout: string): string[] | null {
  if (Buffer.byteLength(stdout) > MAX_NAMESPACE_OUTPUT_BYTES || !stdout.endsWith('\n')) return null;
  return stdout.slice(0, -1).split('\n');
}

function readingOf(setting: SettingDefinition, value: string): RuntimeReading | null {
  if (value === '0' || value === '1') return { kind: 'value', value: value === '1' ? 1 : 0 };
  if (/^[0-9]{1,10}$/.test(value)) return { kind: 'unexpected', raw: value };
  if (value === 'unexpected') return { kind: 'unexpected', raw: '' };
  if (value !== 'absent') return null;
  return setting.family === 'IPv6'
    ? { kind: 'unavailable', reason: 'ipv6-absent', detail: setting.procPath }
    : { kind: 'unavailable', reason: 'key-missing', detail: setting.procPath };
}

/** `KEY=VALUE …` with each catalogue key once, in any order; null otherwise. */
export function parseValues(
  text: string,
  catalogue: Catalogue,
): Record<SettingId, RuntimeReading> | null {
  const values: Record<SettingId, RuntimeReading> = {};
  const words = text.split(' ');
  if (words.length !== catalogue.length) return null;
  for (const word of words) {
    const eq = word.indexOf('=');
    const setting = catalogue.find((c) => c.key === word.slice(0, eq));
    if (eq < 0 || !setting || setting.id in values) return null;
    const reading = readingOf(setting, word.slice(eq + 1));
    if (!reading) return null;
    values[setting.id] = reading;
  }
  return values;
}

/** One namespace's reading from the rest of its line: `ok KEY=V…`, or its problem. */
function namespaceReading(
  inode: number,
  rest: string,
  catalogue: Catalogue,
): NamespaceReading | null {
  const problem = PROBLEMS.find((p) => p === rest);
  if (problem) return { inode, ok: false, problem };
  if (!rest.startsWith('ok ')) return null;
  const values = parseValues(rest.slice(3), catalogue);
  return values ? { inode, ok: true, values } : null;
}

/** `ns-read`: one line per namespace asked, in order, then `nonlocal-bind: ns-read N`. */
export function parseReadOutput(
  stdout: string,
  inodes: readonly number[],
  catalogue: Catalogue,
): NamespaceReading[] | null {
  const lines = linesOf(stdout);
  if (!lines || lines.length !== inodes.length + 1) return null;
  if (lines[inodes.length] !== `nonlocal-bind: ns-read ${inodes.length}`) return null;
  const readings: NamespaceReading[] = [];
  for (const [i, inode] of inodes.entries()) {
    const line = nsLine(lines[i]);
    if (!line || line.index !== i + 1 || line.inode !== String(inode)) return null;
    const reading = namespaceReading(inode, line.rest, catalogue);
    if (!reading) return null;
    readings.push(reading);
  }
  return readings;
}

/**
 * `ns-set`: the read-back (`ok …`, then `nonlocal-bind: ns-set 1`; after a failed read-back
 * check the line comes without it), a problem, or `own` (refused, exit 64).
 */
export function parseSetOutput(
  stdout: string,
  inode: number,
  catalogue: Catalogue,
): NamespaceReading | 'own' | null {
  const lines = linesOf(stdout);
  if (!lines || lines.length < 1 || lines.length > 2) return null;
  const line = nsLine(lines[0]);
  if (!line || line.index !== 1 || line.inode !== String(inode)) return null;
  if (
    lines.length === 2 &&
    (lines[1] !== 'nonlocal-bind: ns-set 1' || !line.rest.startsWith('ok '))
  )
    return null;
  if (line.rest === 'own') return lines.length === 1 ? 'own' : null;
  return namespaceReading(inode, line.rest, catalogue);
}

export type BindOutput =
  | { readonly kind: 'results'; readonly results: BindTestResult[] }
  | { readonly kind: 'problem'; readonly problem: NamespaceReadProblem };

const RESULT = /^RESULT (\S{1,45}) (works|not-local|error)(?: (.{0,300}))?$/;

/**
 * `ns-bind`: `ok`, the bind program's `PROGRAM` line and a `RESULT` line per address in the
 * order sent (the address as sent, ':' and all), then `nonlocal-bind: ns-bind 1`; or a problem.
 */
export function parseBindOutput(
  stdout: string,
  inode: number,
  targets: readonly BindTarget[],
): BindOutput | null {
  const lines = linesOf(stdout);
  const line = nsLine(lines?.[0]);
  if (!lines || !line || line.index !== 1 || line.inode !== String(inode)) return null;
  const problem = PROBLEMS.find((p) => p === line.rest);
  if (problem) return lines.length === 1 ? { kind: 'problem', problem } : null;
  if (line.rest !== 'ok' || lines.at(-1) !== 'nonlocal-bind: ns-bind 1') return null;
  const program = /^PROGRAM (python3|perl|none)$/.exec(lines[1] ?? '')?.[1];
  if (!program) return null;
  const base = (t: BindTarget) => bindResultBase({ ...t, port: 0 }, null);
  if (program === 'none') {
    if (lines.length !== 3) return null;
    const results = targets.map((t): BindTestResult => ({
      ...base(t),
      via: null,
      outcome: 'no-program',
    }));
    return { kind: 'results', results };
  }
  const via = program === 'perl' ? 'perl' : 'python3';
  const body = lines.slice(2, -1);
  if (body.length !== targets.length) return null;
  const results: BindTestResult[] = [];
  for (const [i, target] of targets.entries()) {
    const m = RESULT.exec((body[i] ?? '').trimEnd());
    if (!m?.[2] || m[1] !== target.address) return null;
    const outcome = m[2] as 'works' | 'not-local' | 'error';
    const detail = outcome === 'error' ? (m[3] ?? '').trim().slice(0, 200) : '';
    results.push({ ...base(target), via, outcome, detail });
  }
  return { kind: 'results', results };
}
