import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { loadBuilderConfig } from './electron-builder-config';

const require = createRequire(import.meta.url);

/** The part of electron-builder's programmatic API used here. */
interface ElectronBuilderApi {
  build(options: {
    targets: unknown;
    config: Record<string, unknown>;
    effectiveOptionComputed: (options: unknown) => Promise<boolean>;
  }): Promise<unknown>;
  Platform: { LINUX: { createTarget(types: string[]): unknown } };
}

export interface PackedApp {
  /** release/linux-unpacked: the directory the AppImage, deb and rpm are made from. */
  readonly appDir: string;
  /**
   * The arguments electron-builder's deb and rpm targets hand to fpm (fpm itself is
   * downloaded from outside the npm registry, so it is stopped right before running):
   * every `SOURCE=INSTALLED_PATH` mapping the packages would contain.
   */
  readonly fpmArgs: { readonly deb: readonly string[]; readonly rpm: readonly string[] };
  /** Every file (not directory) in resources/app.asar, as `/dist/...` paths. */
  readonly asarFiles: readonly string[];
  readAsarFile(name: string): Buffer;
  dispose(): Promise<void>;
}

/**
 * Runs the real electron-builder (its API, targets dir, deb and rpm) on our config and the
 * built dist/, with a stand-in for the Electron binary: the real one comes from a host
 * outside the npm registry and cannot be downloaded here. Fuses are left out because
 * flipping them edits that binary. Everything electron-builder does with OUR files (the
 * `files` filter, asar, the renamed executable, package.json, what the deb and rpm map to
 * system paths) is the real thing; only fpm's own run is skipped.
 */
export async function packAppWithStandInElectron(): Promise<PackedApp> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'nb-pack-'));
  const electronDist = path.join(tmp, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(electronDist, 'electron'), 0o755);
  writeFileSync(path.join(electronDist, 'chrome-sandbox'), '');

  const config: Record<string, unknown> = { ...loadBuilderConfig() };
  // null, not absent: electron-builder merges this object over electron-builder.yml.
  config.electronFuses = null;
  config.electronDist = electronDist;
  config.npmRebuild = false;
  config.directories = { ...(config.directories as object), output: path.join(tmp, 'release') };

  const fpmArgs: Record<string, string[]> = {};
  // Its progress lines would fill the test report (errors still throw): its logger
  // writes to the stream it holds, swapped for a silent one while it runs.
  const { log } = require('builder-util') as { log: { stream: NodeJS.WritableStream } };
  const stream = log.stream;
  log.stream = new PassThrough().resume();
  try {
    const builder = require('electron-builder') as ElectronBuilderApi;
    await builder.build({
      targets: builder.Platform.LINUX.createTarget(['dir', 'deb', 'rpm']),
      config,
      // Called by the deb and rpm targets with fpm's arguments; true stops them there.
      effectiveOptionComputed: async (options: unknown) => {
        const [args] = options as [string[]];
        const artifact = args[args.indexOf('--package') + 1] ?? '';
        fpmArgs[path.extname(artifact).slice(1)] = args;
        return true;
      },
    });
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  } finally {
    log.stream = stream;
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
    fpmArgs: { deb: fpmArgs.deb ?? [], rpm: fpmArgs.rpm ?? [] },
    asarFiles,
    readAsarFile: (name) => asar.extractFile(archive, name),
    dispose: () => rm(tmp, { recursive: true, force: true }),
  };
}
