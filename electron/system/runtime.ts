import { statSync } from 'node:fs';
import { readSmallTextFile } from './read-small-file';
import type { RuntimeReading, SettingState } from '../contract';
import { SETTINGS, type SettingDefinition } from './settings';
import { resolveSystemPath, type SystemContext } from './system-context';

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/**
 * Interprets the text of a procfs value file.
 * The kernel accepts 0-255 here, but only 0 and 1 mean anything to users;
 * any other content is passed on raw so the UI can show it verbatim.
 */
export function parseRuntimeText(text: string): RuntimeReading {
  const trimmed = text.trim();
  if (trimmed === '0') return { kind: 'value', value: 0 };
  if (trimmed === '1') return { kind: 'value', value: 1 };
  return { kind: 'unexpected', raw: text };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Reads one setting's runtime value, turning every failure into a specific reason. */
export async function readRuntimeValue(
  ctx: SystemContext,
  setting: SettingDefinition,
): Promise<RuntimeReading> {
  if (ctx.platform !== 'linux') {
    return {
      kind: 'unavailable',
      reason: 'not-linux',
      detail: `This is ${ctx.platform}; ${setting.key} exists only on Linux.`,
    };
  }
  const file = resolveSystemPath(ctx, setting.procPath);
  try {
    return parseRuntimeText(readSmallTextFile(file));
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EACCES' || code === 'EPERM') {
      return {
        kind: 'unavailable',
        reason: 'permission-denied',
        detail: `${setting.procPath}: ${code}`,
      };
    }
    if (code === 'ENOENT') {
      const familyDir = resolveSystemPath(ctx, parentDirectory(setting.procPath));
      if (setting.family === 'IPv6' && !isDirectory(familyDir)) {
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
      detail: `${setting.procPath}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function parentDirectory(p: string): string {
  return p.slice(0, p.lastIndexOf('/'));
}

/** Reads both catalogued settings. */
export async function readRuntimeValues(ctx: SystemContext): Promise<SettingState[]> {
  return Promise.all(
    SETTINGS.map(async (setting) => ({
      ...setting,
      runtime: await readRuntimeValue(ctx, setting),
    })),
  );
}
