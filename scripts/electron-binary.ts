import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronBinary =
  | { readonly found: true; readonly path: string }
  | {
      readonly found: false;
      /** The electron package is there, only its binary is missing (a download can fix it). */
      readonly installed: boolean;
      readonly reason: string;
    };

/**
 * Locates the Electron executable WITHOUT loading the `electron` package:
 * requiring it starts a synchronous download when the binary is missing,
 * which hangs on machines without access to Electron's download host.
 */
export function findElectronBinary(projectDir: string): ElectronBinary {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, 'electron');
    return existsSync(candidate)
      ? { found: true, path: candidate }
      : {
          found: false,
          installed: false,
          reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist`,
        };
  }
  const pkgDir = path.join(projectDir, 'node_modules', 'electron');
  if (!existsSync(pkgDir))
    return {
      found: false,
      installed: false,
      reason: 'the electron package is not installed (run npm install)',
    };
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      found: false,
      installed: true,
      reason:
        'the Electron binary has not been downloaded (node_modules/electron/path.txt is missing); its download host is outside the npm registry',
    };
  }
  const binary = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { found: true, path: binary }
    : { found: false, installed: true, reason: `${binary} named by path.txt does not exist` };
}
