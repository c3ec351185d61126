import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadBuilderConfig } from './electron-builder-config';

const require = createRequire(import.meta.url);
const run = promisify(execFile);

export interface PackedApp {
  /** release/linux-unpacked: the directory the AppImage, deb and rpm are made from. */
  readonly appDir: string;
  /** Every file (not directory) in resources/app.asar, as `/dist/...` paths. */
  readonly asarFiles: readonly string[];
  readAsarFile(name: string): Buffer;
  dispose(): Promise<void>;
}

/**
 * Runs the real `electron-builder --linux --dir` on our config and the built dist/, with a
 * stand-in for the Electron binary: the real one comes from a host outside the npm registry
 * and cannot be downloaded here. Fuses are left out because flipping them edits that binary.
 * Everything electron-builder does with OUR files (the `files` filter, asar, the renamed
 * executable, package.json) is the real thing.
 */
export async function packAppWithStandInElectron(): Promise<PackedApp> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'nb-pack-'));
  const electronDist = path.join(tmp, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(electronDist, 'electron'), 0o755);
  writeFileSync(path.join(electronDist, 'chrome-sandbox'), '');

  const config: Record<string, unknown> = { ...loadBuilderConfig() };
  delete config.electronFuses;
  config.electronDist = electronDist;
  config.npmRebuild = false;
  config.directories = { ...(config.directories as object), output: path.join(tmp, 'release') };
  const configFile = path.join(tmp, 'electron-builder.json');
  writeFileSync(configFile, JSON.stringify(config));

  try {
    await run(
      path.resolve('node_modules/.bin/electron-builder'),
      ['--linux', '--dir', '--config', configFile],
      { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }

  const asar = require('@electron/asar') as {
    listPackage(archive: string, options: { isPack: boolean }): string[];
    statFile(archive: string, name: string): object;
    extractFile(archive: string, name: string): Buffer;
  };
  const appDir = path.join(tmp, 'release', 'linux-unpacked');
  const archive = path.join(appDir, 'resources', 'app.asar');
  const asarFiles = asar
    .listPackage(archive, { isPack: false })
    .filter((name) => !('files' in asar.statFile(archive, name.slice(1))))
    .sort();
  return {
    appDir,
    asarFiles,
    readAsarFile: (name) => asar.extractFile(archive, name),
    dispose: () => rm(tmp, { recursive: true, force: true }),
  };
}
