import { stat } from 'node:fs/promises';
import { readRegularText, readSmallTextHere } from './safe-read';
import type { RuntimeReading, RuntimeValue, SettingState } from '../contract';
import { SETTINGS, type Catalogue, type SettingDefinition } from './settings';
import { resolveSystemPath, type SystemContext } from './system-context';

/**
 * Interprets the text of a procfs value file.
 * The kernel accepts its catalogue range here, but only 0 and 1 mean anything to users;
 * any other content is passed on raw so the UI can show it verbatim.
 */
export function parseRuntimeText(text: string): RuntimeReading {
  const trimmed = text.trim();
  if (trimmed === '0') return { kind: 'value', value: 0 };
  if (trimmed === '1') return { kind: 'value', value: 1 };
  return { kind: 'unexpected', raw: text };
}

/**
 * The one interpretation of a running value: the kernel prints these settings as a
 * decimal number, and any non-zero value means on. Text that is no plain number (not the
 * kernel's own file, or a hostile one) has no value: null.
 */
export function effectiveValue(reading: RuntimeReading): RuntimeValue | null {
  if (reading.kind === 'value') return reading.value;
  if (reading.kind === 'unavailable') return null;
  const number = /^\s*(\d{1,20})\s*$/.exec(reading.raw)?.[1];
  if (number === undefined) return null;
  return /^0+$/.test(number) ? 0 : 1;
}

/** A catalogued setting with its reading and the reading's one interpretation. */
export function settingState(setting: SettingDefinition, runtime: RuntimeReading): SettingState {
  const { id, key, procPath, family } = setting;
  return { id, key, procPath, family, runtime, effective: effectiveValue(runtime) };
}

async function isDirectory(p: string): Promise<boolean> {
  return (await stat(p).catch(() => null))?.isDirectory() ?? false;
}

/** A procfs value is a number and a newline; anything longer is not the kernel's file. */
const MAX_PROC_VALUE_BYTES = 4096;

/** Each value file below each root, resolved once: a refresh reads the same two paths. */
const valueFiles = new Map<string, string>();

function valueFile(ctx: SystemContext, setting: SettingDefinition): string {
  const key = `${ctx.fsRoot}\0${setting.procPath}`;
  let file = valueFiles.get(key);
  if (file === undefined) {
    file = resolveSystemPath(ctx, setting.procPath);
    if (valueFiles.size >= 64) valueFiles.clear();
    valueFiles.set(key, file);
  }
  return file;
}

/**
 * Reads one setting's runtime value, turning every failure into a specific reason. Read on
 * every refresh: once the reader thread has vetted the path, on this thread, with no
 * turn of the event loop when it reads (the usual case).
 */
export function readRuntimeValue(
  ctx: SystemContext,
  setting: SettingDefinition,
): Promise<RuntimeReading> {
  if (ctx.platform !== 'linux') {
    return Promise.resolve({
      kind: 'unavailable',
      reason: 'not-linux',
      detail: `This is ${ctx.platform}; ${setting.key} exists only on Linux.`,
    });
  }
  const file = valueFile(ctx, setting);
  const here = readSmallTextHere(file, MAX_PROC_VALUE_BYTES);
  if (here?.kind === 'read') return Promise.resolve(parseRuntimeText(here.text));
  return readRuntimeValueFully(ctx, setting, file, here);
}

async function readRuntimeValueFully(
  ctx: SystemContext,
  setting: SettingDefinition,
  file: string,
  here: Awaited<ReturnType<typeof readRegularText>> | null,
): Promise<RuntimeReading> {
  const read = here ?? (await readRegularText(file, MAX_PROC_VALUE_BYTES, { mayReadHere: true }));
  if (read.kind === 'read') return parseRuntimeText(read.text);
  const code = read.kind === 'missing' ? 'ENOENT' : read.code;
  if (code === 'EACCES' || code === 'EPERM') {
    return {
      kind: 'unavailable',
      reason: 'permission-denied',
      detail: `${setting.procPath}: ${code}`,
    };
  }
  if (code === 'ENOENT') {
    const familyDir = resolveSystemPath(ctx, parentDirectory(setting.procPath));
    if (setting.family === 'IPv6' && !(await isDirectory(familyDir))) {
      return {
        kind: 'unavailable',
        reason: 'ipv6-absent',
        detail: `${parentDirectory(setting.procPath)} is missing: IPv6 is disabled or not built into this kernel.`,
      };
    }
    return {
      kind: 'unavailable',
      reason: 'key-missing',
      detail: `${setting.procPath} does not exist.`,
    };
  }
  return {
    kind: 'unavailable',
    reason: 'read-error',
    detail: `${setting.procPath}: ${read.kind === 'refused' ? read.reason : code}`,
  };
}

function parentDirectory(p: string): string {
  return p.slice(0, p.lastIndexOf('/'));
}

/** Reads every setting of the catalogue. */
export async function readRuntimeValues(
  ctx: SystemContext,
  catalogue: Catalogue = SETTINGS,
): Promise<SettingState[]> {
  const readings = await Promise.all(catalogue.map((setting) => readRuntimeValue(ctx, setting)));
  return catalogue.map((setting, i) => settingState(setting, readings[i] as RuntimeReading));
}
